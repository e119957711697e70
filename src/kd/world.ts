/**
 * A finite knowledge-distillation world, small enough to enumerate exactly.
 *
 * Data space Z = X × Y with law μ(x, y) = μ_X(x)·P(y|x). A finite hypothesis class F; each f is a
 * soft predictor q_f(y|x) (used to pseudo-label) with a bounded loss ℓ(f, z) ∈ [a, b]. Datasets are
 * n i.i.d. draws (all |Z|^n of them are enumerated). The teacher kernel P_T(f|d) and the student
 * kernel P_S(f|d̂) are a Gibbs posterior or a deterministic empirical-risk minimiser (lowest index
 * wins ties), the student possibly over a subclass (a capacity constraint).
 *
 * Processes (reading (b) of KD-DEF-KN):
 *   Δ(d, f)  = μⁿ(d)·P_T(f | d)                                   the teacher's joint law
 *   Γ(d̂, f) = Σ_{d, f_T} μⁿ(d)·P_T(f_T | d)·Π_i q_{f_T}(ŷ_i | x_i)·P_S(f | d̂),  d̂ = (x(d), ŷ)
 * so the student sees the teacher's inputs with labels drawn from the teacher's soft predictions.
 */

/** A deterministic learner: the empirical-risk minimiser over the class (or a subclass), lowest index on ties. */
export type DeterministicLearner = { kind: 'erm'; subclass?: number[] };

/** A teacher or student kernel P(f | d): Gibbs posterior ∝ exp(−β·n·L_d(f)), ERM, or a seeded (randomised) ERM. */
export type Learner =
  | { kind: 'gibbs'; beta: number; subclass?: number[] }
  | DeterministicLearner
  /** A randomised learner: an internal seed ξ, uniform over `seeds`, picks a deterministic learner. */
  | { kind: 'seeded'; seeds: DeterministicLearner[] };

/** A finite KD world (see above): data law, predictors, loss table, n, teacher and student. */
export interface WorldSpec {
  /** μ_X as weights over X. */
  xWeights: number[];
  /** P(y|x) as weights, one row per x. */
  labelWeights: number[][];
  /** q_f(y|x) as weights: predictors[f][x][y]. */
  predictors: number[][][];
  /** ℓ(f, z) for z = x·|Y| + y: loss[f][z]. */
  loss: number[][];
  n: number;
  teacher: Learner;
  student: Learner;
}

/** A malformed world (sizes that do not match, a loss that is not finite, an empty subclass, …). */
export class WorldError extends Error {
  override name = 'WorldError';
}

/** Validate the shape of a world (sizes, finiteness, nonnegative weights); throws WorldError. */
export function checkWorld(w: WorldSpec): void {
  const kx = w.xWeights.length, ky = w.labelWeights[0]?.length ?? 0, kf = w.predictors.length;
  const fail = (m: string) => {
    throw new WorldError(m);
  };
  if (kx === 0 || ky === 0 || kf === 0) fail('a world needs at least one input, one label and one hypothesis');
  if (!Number.isInteger(w.n) || w.n < 1) fail(`n must be a positive integer, got ${w.n}`);
  if ((kx * ky) ** w.n > 4096) fail(`|Z|^n = ${(kx * ky) ** w.n} datasets is too many to enumerate (limit 4096)`);
  const weights = (v: number[], what: string) => {
    if (v.some((x) => !Number.isFinite(x) || x < 0)) fail(`${what} has a negative or non-finite weight`);
    if (!v.some((x) => x > 0)) fail(`${what} has no positive weight`);
  };
  weights(w.xWeights, 'μ_X');
  if (w.labelWeights.length !== kx) fail(`P(y|x) has ${w.labelWeights.length} rows for ${kx} inputs`);
  w.labelWeights.forEach((r, x) => (r.length !== ky ? fail(`P(y|x=${x}) has ${r.length} labels, expected ${ky}`) : weights(r, `P(y|x=${x})`)));
  w.predictors.forEach((p, f) => {
    if (p.length !== kx) fail(`predictor ${f} has ${p.length} rows for ${kx} inputs`);
    p.forEach((r, x) => (r.length !== ky ? fail(`q_${f}(y|x=${x}) has ${r.length} labels`) : weights(r, `q_${f}(y|x=${x})`)));
  });
  if (w.loss.length !== kf) fail(`loss has ${w.loss.length} rows for ${kf} hypotheses`);
  w.loss.forEach((r, f) => {
    if (r.length !== kx * ky) fail(`loss row ${f} has ${r.length} entries for |Z| = ${kx * ky}`);
    if (r.some((v) => !Number.isFinite(v))) fail(`loss row ${f} has a non-finite entry`);
  });
  const checkLearner = (l: Learner) => {
    if (l.kind === 'seeded') {
      if (l.seeds.length === 0) fail('a seeded learner needs at least one seed');
      l.seeds.forEach(checkLearner);
      return;
    }
    if (l.kind === 'gibbs' && !(Number.isFinite(l.beta) && l.beta >= 0)) fail(`inverse temperature must be finite and ≥ 0, got ${l.beta}`);
    if (l.subclass && (l.subclass.length === 0 || l.subclass.some((f) => !Number.isInteger(f) || f < 0 || f >= kf))) fail('a subclass must list hypothesis indices');
  };
  checkLearner(w.teacher);
  checkLearner(w.student);
}

export const sizes = (w: WorldSpec) => {
  const kx = w.xWeights.length, ky = w.labelWeights[0].length;
  return { kx, ky, kz: kx * ky, kf: w.predictors.length, datasets: (kx * ky) ** w.n };
};

/** Points of dataset index d: z_i = ⌊d / |Z|^i⌋ mod |Z|. */
export function datasetPoints(kz: number, n: number, d: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(d % kz);
    d = Math.floor(d / kz);
  }
  return out;
}

const pointTables = new WeakMap<WorldSpec, { points: number[][]; sorted: number[][] }>();
function tables(w: WorldSpec) {
  let t = pointTables.get(w);
  if (!t) {
    const { kz, datasets } = sizes(w);
    const points = Array.from({ length: datasets }, (_, d) => datasetPoints(kz, w.n, d));
    pointTables.set(w, (t = { points, sorted: points.map((p) => [...p].sort((a, b) => a - b)) }));
  }
  return t;
}
/** The points of every dataset of the world, by index (computed once per world). */
export const pointsOf = (w: WorldSpec): number[][] => tables(w).points;
/** The same, each sorted: a dataset's multiset, the same for all its permutations. */
export const sortedPointsOf = (w: WorldSpec): number[][] => tables(w).sorted;

export function datasetIndex(kz: number, points: readonly number[]): number {
  return points.reduceRight((acc, z) => acc * kz + z, 0);
}

const ranges = new WeakMap<WorldSpec, { a: number; b: number }>();

/** The loss range [a, b] over the whole table (exact; once per world). */
export function lossRange(w: WorldSpec): { a: number; b: number } {
  let r = ranges.get(w);
  if (!r) {
    const all = w.loss.flat();
    ranges.set(w, (r = { a: Math.min(...all), b: Math.max(...all) }));
  }
  return r;
}
