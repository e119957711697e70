import type { Field } from '../numerics/field.ts';
import { doubleField } from '../numerics/double-field.ts';
import { datasetIndex, datasetPoints, lossRange, sizes, type DeterministicLearner, type WorldSpec } from './world.ts';
import { erm, worldLaws } from './processes.ts';

/**
 * Uniform stability of a deterministic learner, by enumerating every pair of neighbouring
 * datasets (all of Zⁿ, differing in one coordinate): β = max |ℓ(A(d), z) − ℓ(A(d'), z)| over
 * neighbours and z. Also the exact bounded-difference constant of H(d) = h(d, A(d)).
 */
function neighbours(kz: number, n: number, d: number): number[] {
  const pts = datasetPoints(kz, n, d);
  const out: number[] = [];
  pts.forEach((z, i) => {
    for (let z2 = 0; z2 < kz; z2++) {
      if (z2 === z) continue;
      const q = [...pts];
      q[i] = z2;
      out.push(datasetIndex(kz, q));
    }
  });
  return out;
}

const choiceCache = new WeakMap<WorldSpec, Map<string, Array<[number, number]>>>();

/** Pairs (A(d), A(d')) of hypotheses chosen on neighbouring datasets (decided exactly; once per world and class). */
function neighbourChoices(w: WorldSpec, learner: DeterministicLearner): Array<[number, number]> {
  let byClass = choiceCache.get(w);
  if (!byClass) choiceCache.set(w, (byClass = new Map()));
  const key = learner.subclass ? learner.subclass.join(',') : '';
  let pairs = byClass.get(key);
  if (!pairs) byClass.set(key, (pairs = computeNeighbourChoices(w, learner)));
  return pairs;
}

function computeNeighbourChoices(w: WorldSpec, learner: DeterministicLearner): Array<[number, number]> {
  const { kz, datasets } = sizes(w);
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  const kf = w.loss.length;
  for (let d = 0; d < datasets; d++) {
    const f = erm(w, learner, d);
    for (const d2 of neighbours(kz, w.n, d)) {
      const f2 = erm(w, learner, d2);
      const key = f * kf + f2;
      if (!seen.has(key)) {
        seen.add(key);
        out.push([f, f2]);
      }
    }
  }
  return out;
}

/** β-uniform stability, exactly: the max over occurring hypothesis pairs and all z. */
export function uniformStability<T>(F: Field<T>, w: WorldSpec, learner: DeterministicLearner): T {
  let beta = F.fromNumber(0);
  for (const [f, f2] of neighbourChoices(w, learner)) {
    if (f === f2) continue;
    w.loss[f].forEach((l, z) => {
      beta = F.max(beta, F.abs(F.sub(F.fromNumber(l), F.fromNumber(w.loss[f2][z]))));
    });
  }
  return beta;
}

/** max over neighbouring d, d' of |H(d) − H(d')| with H(d) = L_μ(A(d)) − L_d(A(d)). */
export function boundedDifferenceOfH<T>(F: Field<T>, w: WorldSpec, learner: DeterministicLearner): T {
  const { kz, datasets } = sizes(w);
  const { h } = worldLaws(F, { ...w, teacher: learner });
  const H = Array.from({ length: datasets }, (_, d) => h(d, erm(w, learner, d)));
  let c = F.fromNumber(0);
  for (let d = 0; d < datasets; d++) for (const d2 of neighbours(kz, w.n, d)) if (d2 > d) c = F.max(c, F.abs(F.sub(H[d], H[d2])));
  return c;
}

/** Prop. 9's bounded-difference constant c = 2β + (b − a)/n. */
export function stabilityConstant<T>(F: Field<T>, w: WorldSpec, beta: T): T {
  const { a, b } = lossRange(w);
  return F.add(F.mul(F.fromNumber(2), beta), F.div(F.sub(F.fromNumber(b), F.fromNumber(a)), F.fromNumber(w.n)));
}

/** McDiarmid's proxy from c: σ² = n·c²/4 (σ = c√n/2 = √n·β + (b − a)/(2√n)). */
export function stabilityProxy2<T>(F: Field<T>, w: WorldSpec, beta: T): T {
  return F.div(F.mul(F.fromNumber(w.n), F.square(stabilityConstant(F, w, beta))), F.fromNumber(4));
}

/**
 * A λ for the mgf bound of a deterministic learner: λ itself, or perSigma/σ with σ = c√n/2 of the
 * world (in doubles: any double is a valid λ; perSigma itself where σ = 0).
 */
export function stabilityLambda(w: WorldSpec, learner: DeterministicLearner, lambda: number | { perSigma: number }): number {
  if (typeof lambda === 'number') return lambda;
  const sigma = Math.sqrt(stabilityProxy2(doubleField, w, uniformStability(doubleField, w, learner)));
  const scaled = lambda.perSigma / sigma;
  return sigma > 0 && Number.isFinite(scaled) ? scaled : lambda.perSigma;
}
