import type { Field } from '../numerics/field.ts';
import type { FiniteDist } from './distribution.ts';
import { sameSize } from './distribution.ts';
import { logMeanExp, weightedMean } from './moments.ts';

/** Values of g on the atoms of positive weight of d, with those weights, lifted into F. */
function charged<T>(F: Field<T>, d: FiniteDist, g: readonly T[]): { w: T[]; v: T[] } {
  const w: T[] = [], v: T[] = [];
  const weights = d.weights;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > 0) {
      w.push(F.fromNumber(weights[i]));
      v.push(g[i]);
    }
  }
  return { w, v };
}

/** E_Q[g]. */
export function expectation<T>(F: Field<T>, q: FiniteDist, g: readonly T[]): T {
  const { w, v } = charged(F, q, g);
  return weightedMean(F, w, v);
}

/** log E_P[e^g]. */
export function logExpectationExp<T>(F: Field<T>, p: FiniteDist, g: readonly T[]): T {
  const { w, v } = charged(F, p, g);
  return logMeanExp(F, w, v);
}

/** The Donsker–Varadhan functional E_Q[g] − log E_P[e^g] (≤ KL(Q‖P), with equality at g = log dQ/dP). */
export function dvFunctional<T>(F: Field<T>, q: FiniteDist, p: FiniteDist, g: readonly T[]): T {
  sameSize(q, p);
  return F.sub(expectation(F, q, g), logExpectationExp(F, p, g));
}

/**
 * g = log dQ/dP + c on the support of P: log(q_i/p_i) + log(W_p/W_q) + c, and −∞ where q_i = 0
 * (e^g = 0 there). Atoms with p_i = 0 are never charged by P nor, when Q ≪ P, by Q.
 */
export function logDensityRatio<T>(F: Field<T>, q: FiniteDist, p: FiniteDist, c: T): T[] {
  sameSize(q, p);
  const Wq = q.weights.reduce((s, x) => F.add(s, F.fromNumber(x)), F.fromNumber(0));
  const Wp = p.weights.reduce((s, x) => F.add(s, F.fromNumber(x)), F.fromNumber(0));
  const offset = F.add(F.log(F.div(Wp, Wq)), c);
  return q.weights.map((qi, i) => {
    const pi = p.weights[i];
    if (qi === 0) return F.fromNumber(-Infinity);
    if (pi === 0) return F.fromNumber(Infinity);
    return F.add(F.log(F.div(F.fromNumber(qi), F.fromNumber(pi))), offset);
  });
}
