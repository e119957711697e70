import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { compareExactSums } from '../numerics/exact.ts';
import { logMeanExp } from '../prob/moments.ts';
import { datasetPoints, pointsOf, sizes, sortedPointsOf, type DeterministicLearner, type Learner, type WorldSpec } from './world.ts';

/**
 * The exact laws of a finite KD world in an arithmetic context. Laws are sparse maps holding only
 * atoms of structurally positive probability (decided exactly from the weights), so KL's
 * +∞-without-absolute-continuity is decided exactly too. Keys of joint laws: d·|F| + f.
 */
export type Law<T> = Map<number, T>;

/** The exact laws of a world in one arithmetic context (see worldLaws). */
export interface WorldLaws<T> {
  /** μⁿ(d), the teacher's data law. */
  data: Law<T>;
  /** Δ(d, f) = μⁿ(d)·P_T(f|d). */
  delta: Law<T>;
  /** Γ_D̂(d̂), the pseudo-labelled data law. */
  pseudoData: Law<T>;
  /** Γ(d̂, f) = Γ_D̂(d̂)·P_S(f|d̂). */
  gamma: Law<T>;
  teacherKernel: (d: number) => Law<T>;
  studentKernel: (d: number) => Law<T>;
  /** h(d, f) = L_μ(f) − L_d(f). */
  h: (d: number, f: number) => T;
  kf: number;
}

const normalise = <T>(F: Field<T>, w: number[]): T[] => {
  const W = sum(F, w.map((x) => F.fromNumber(x)));
  return w.map((x) => F.div(F.fromNumber(x), W));
};

/** Per world, per class (the subclass's indices, '' for the full class): the ERM choice on each dataset. */
const ermCache = new WeakMap<WorldSpec, Map<string, number[]>>();

/** argmin_f L_d(f) over the learner's class, lowest index on ties: decided exactly. */
export function erm(w: WorldSpec, learner: DeterministicLearner, d: number): number {
  let byClass = ermCache.get(w);
  if (!byClass) ermCache.set(w, (byClass = new Map()));
  const key = learner.subclass ? learner.subclass.join(',') : '';
  let table = byClass.get(key);
  if (!table) byClass.set(key, (table = []));
  const hit = table[d];
  if (hit !== undefined) return hit;
  const pts = pointsOf(w)[d];
  const cls = learner.subclass ?? w.loss.map((_, f) => f);
  // n·L_d(f) compared exactly (doubles when they separate, BigInt on near-ties)
  const risk = (f: number) => pts.map((z) => w.loss[f][z]);
  let best = cls[0];
  let bestRisk = risk(best);
  for (const f of cls.slice(1)) {
    const r = risk(f);
    const c = compareExactSums(r, bestRisk);
    if (c < 0 || (c === 0 && f < best)) {
      best = f;
      bestRisk = r;
    }
  }
  table[d] = best;
  return best;
}

/**
 * What a world's laws are made of, apart from the arithmetic: which atoms are charged, the inputs of
 * each dataset, the labelings, and for each (dataset, teacher hypothesis) the pseudo-labelled
 * datasets it reaches. Computed once per world and shared by every context the world is evaluated
 * in (the screen, then Decimal) and by every property that draws it.
 */
interface WorldPlan {
  /** μ(z) > 0, decided exactly from the weights. */
  charged: boolean[];
  /** Datasets every point of which is charged, ascending: the support of μⁿ. */
  dataSupport: number[];
  /** x_i of each dataset's points. */
  inputs: number[][];
  /** For d·|F| + f_T: the pseudo-labelled datasets reachable (labels with q_{f_T}(ŷ_i|x_i) > 0), in labeling order. */
  pseudo: Array<Array<{ dHat: number; ys: number[] }> | undefined>;
}

const plans = new WeakMap<WorldSpec, WorldPlan>();
const labelingTables = new Map<string, number[][]>();

/** All ky^n labelings (ŷ_1 … ŷ_n), by index. */
function labelingsOf(ky: number, n: number): number[][] {
  const key = `${ky}:${n}`;
  let t = labelingTables.get(key);
  if (!t) labelingTables.set(key, (t = Array.from({ length: ky ** n }, (_, l) => datasetPoints(ky, n, l))));
  return t;
}

export function planOf(w: WorldSpec): WorldPlan {
  let plan = plans.get(w);
  if (plan) return plan;
  const { ky, kz, kf, datasets } = sizes(w);
  const charged = Array.from({ length: kz }, (_, z) => {
    const x = Math.floor(z / ky), y = z % ky;
    return w.xWeights[x] > 0 && w.labelWeights[x][y] > 0;
  });
  const points = pointsOf(w);
  const dataSupport: number[] = [];
  for (let d = 0; d < datasets; d++) if (points[d].every((z) => charged[z])) dataSupport.push(d);
  const inputs = points.map((pts) => pts.map((z) => Math.floor(z / ky)));
  plan = { charged, dataSupport, inputs, pseudo: new Array(datasets * kf) };
  plans.set(w, plan);
  return plan;
}

function pseudoTargets(w: WorldSpec, plan: WorldPlan, d: number, fT: number): Array<{ dHat: number; ys: number[] }> {
  const { ky, kz, kf } = sizes(w);
  const key = d * kf + fT;
  let t = plan.pseudo[key];
  if (t) return t;
  const xs = plan.inputs[d];
  t = [];
  for (const ys of labelingsOf(ky, w.n)) {
    if (ys.some((y, i) => w.predictors[fT][xs[i]][y] === 0)) continue;
    t.push({ dHat: xs.reduceRight((acc, x, i) => acc * kz + (x * ky + ys[i]), 0), ys });
  }
  return (plan.pseudo[key] = t);
}

/** The exact laws of a world in F: μⁿ, Δ, the pseudo-labelled data law Γ_D̂, Γ, both kernels and h. */
export function worldLaws<T>(F: Field<T>, w: WorldSpec): WorldLaws<T> {
  const { ky, kz, kf } = sizes(w);
  const n = w.n;
  const plan = planOf(w);
  const muX = normalise(F, w.xWeights);
  const pyx = w.labelWeights.map((r) => normalise(F, r));
  const mu: (T | null)[] = new Array(kz);
  for (let z = 0; z < kz; z++) mu[z] = plan.charged[z] ? F.mul(muX[Math.floor(z / ky)], pyx[Math.floor(z / ky)][z % ky]) : null;
  const q = w.predictors.map((p) => p.map((r) => normalise(F, r)));
  const loss = w.loss.map((r) => r.map((v) => F.fromNumber(v)));
  const population = loss.map((r) => {
    let s = F.fromNumber(0);
    for (let z = 0; z < kz; z++) if (mu[z] !== null) s = F.add(s, F.mul(mu[z]!, r[z]));
    return s;
  });
  // summed in sorted order: permuted datasets get the same enclosure (the proxy merges them)
  const sorted = sortedPointsOf(w);
  const nF = F.fromNumber(n);
  const empirical = (d: number, f: number): T => {
    let s = F.fromNumber(0);
    for (const z of sorted[d]) s = F.add(s, loss[f][z]);
    return F.div(s, nF);
  };
  // h(d, f) is asked for by Δ and by Γ on the same pairs: computed once (values are immutable)
  const hs: (T | undefined)[] = [];
  const h = (d: number, f: number) => (hs[d * kf + f] ??= F.sub(population[f], empirical(d, f)));

  const kernel = (learner: Learner) => {
    const cache: Law<T>[] = [];
    return (d: number): Law<T> => {
      const hit = cache[d];
      if (hit) return hit;
      let law: Law<T>;
      if (learner.kind === 'erm') law = new Map([[erm(w, learner, d), F.fromNumber(1)]]);
      else if (learner.kind === 'seeded') {
        law = new Map();
        const share = F.div(F.fromNumber(1), F.fromNumber(learner.seeds.length));
        for (const seed of learner.seeds) {
          const f = erm(w, seed, d);
          const prev = law.get(f);
          law.set(f, prev === undefined ? share : F.add(prev, share));
        }
      } else {
        // Gibbs posterior ∝ exp(−β·n·L_d(f)) over the class, uniform prior; normalised as exp(s_f − logΣ e^s).
        const cls = learner.subclass ?? w.loss.map((_, f) => f);
        const beta = F.fromNumber(learner.beta * n);
        const scores = cls.map((f) => F.neg(F.mul(beta, empirical(d, f))));
        const ones = cls.map(() => F.fromNumber(1));
        const logZ = F.add(logMeanExp(F, ones, scores), F.log(F.fromNumber(cls.length)));
        law = new Map(cls.map((f, i) => [f, F.exp(F.sub(scores[i], logZ))]));
      }
      cache[d] = law;
      return law;
    };
  };
  const teacherKernel = kernel(w.teacher);
  const studentKernel = kernel(w.student);

  const points = pointsOf(w);
  const data: Law<T> = new Map();
  for (const d of plan.dataSupport) {
    const pts = points[d];
    let p = mu[pts[0]] as T;
    for (let i = 1; i < pts.length; i++) p = F.mul(p, mu[pts[i]] as T);
    data.set(d, p);
  }
  const delta: Law<T> = new Map();
  for (const [d, pd] of data) for (const [f, pf] of teacherKernel(d)) delta.set(d * kf + f, F.mul(pd, pf));

  // Pseudo-labelling: keep each x_i, draw ŷ_i ~ q_{f_T}(·|x_i) independently.
  const pseudoData: Law<T> = new Map();
  for (const [d, pd] of data) {
    const xs = plan.inputs[d];
    for (const [fT, pf] of teacherKernel(d)) {
      const base = F.mul(pd, pf);
      const qf = q[fT];
      for (const { dHat, ys } of pseudoTargets(w, plan, d, fT)) {
        let p = base;
        for (let i = 0; i < ys.length; i++) p = F.mul(p, qf[xs[i]][ys[i]]);
        const prev = pseudoData.get(dHat);
        pseudoData.set(dHat, prev === undefined ? p : F.add(prev, p));
      }
    }
  }
  const gamma: Law<T> = new Map();
  for (const [dHat, pd] of pseudoData) for (const [f, pf] of studentKernel(dHat)) gamma.set(dHat * kf + f, F.mul(pd, pf));
  return { data, delta, pseudoData, gamma, teacherKernel, studentKernel, h, kf };
}

/** KL(P‖Q) of sparse laws: +∞ when P charges an atom Q does not. */
export function lawKl<T>(F: Field<T>, P: Law<T>, Q: Law<T>): T {
  let acc = F.fromNumber(0);
  for (const [k, p] of P) {
    const qk = Q.get(k);
    if (qk === undefined) return F.fromNumber(Infinity);
    acc = F.add(acc, F.mul(p, F.log(F.div(p, qk))));
  }
  return F.max(F.fromNumber(0), acc);
}

/** E over a joint law of a function of (d, f). */
export function lawMean<T>(F: Field<T>, P: Law<T>, kf: number, g: (d: number, f: number) => T): T {
  let acc = F.fromNumber(0);
  for (const [k, p] of P) acc = F.add(acc, F.mul(p, g(Math.floor(k / kf), k % kf)));
  return acc;
}

/** The quantities of Theorems 8 and 10. */
export function distillationQuantities<T>(F: Field<T>, L: WorldLaws<T>) {
  return {
    genT: lawMean(F, L.delta, L.kf, L.h),
    genS: lawMean(F, L.gamma, L.kf, L.h),
    Kn: lawKl(F, L.gamma, L.delta),
  };
}

/** K_n split by the chain rule: KL(Γ_D̂ ‖ μⁿ) + E_{Γ_D̂} KL(P_S(·|d̂) ‖ P_T(·|d̂)). */
export function chainRuleSplit<T>(F: Field<T>, L: WorldLaws<T>): { datasetShift: T; algorithmShift: T } {
  const datasetShift = lawKl(F, L.pseudoData, L.data);
  let algorithmShift = F.fromNumber(0);
  for (const [dHat, p] of L.pseudoData) algorithmShift = F.add(algorithmShift, F.mul(p, lawKl(F, L.studentKernel(dHat), L.teacherKernel(dHat))));
  return { datasetShift, algorithmShift };
}

/**
 * The range of h(d, f) over every dataset and every hypothesis the learner can output: a trivial
 * bound on the generalisation gap of any law of that learner (gen_S lies in it whatever Γ is).
 */
export function hRange<T>(F: Field<T>, L: WorldLaws<T>, w: WorldSpec, learner: Learner): { lo: T; hi: T } {
  const cls = learner.kind === 'seeded' ? w.loss.map((_, f) => f) : learner.subclass ?? w.loss.map((_, f) => f);
  const { datasets } = sizes(w);
  let lo: T | null = null, hi: T | null = null;
  for (let d = 0; d < datasets; d++) {
    for (const f of cls) {
      const v = L.h(d, f);
      lo = lo === null ? v : F.min(lo, v);
      hi = hi === null ? v : F.max(hi, v);
    }
  }
  return { lo: lo!, hi: hi! };
}
