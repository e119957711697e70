import { exactProductsEqual } from '../numerics/exact.ts';
/**
 * Finite distributions, given by nonnegative double weights: p_i = w_i / Σ_j w_j.
 *
 * Keeping the weights (rather than rounded probabilities) makes the distribution exact: every
 * context computes the same mathematical p, and integer weights or extreme ratios stay exact.
 */
export interface FiniteDist {
  readonly weights: readonly number[];
}

/** Invalid weights: empty, negative, not finite, all zero, or spaces of different sizes. */
export class DistributionError extends Error {
  override name = 'DistributionError';
}

/** Validate and wrap weights; throws DistributionError with a message saying what is wrong. */
export function dist(weights: readonly number[]): FiniteDist {
  if (!Array.isArray(weights) || weights.length === 0) throw new DistributionError('a distribution needs at least one weight');
  let total = 0;
  // a plain loop: formulas wrap their instance's weights on every evaluation
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== 'number' || Number.isNaN(w)) throw new DistributionError(`weight ${i} is not a number: ${String(w)}`);
    if (!Number.isFinite(w)) throw new DistributionError(`weight ${i} is not finite: ${w}`);
    if (w < 0) throw new DistributionError(`weight ${i} is negative: ${w}`);
    total += w;
  }
  if (total === 0) throw new DistributionError('all weights are zero');
  return { weights: weights.slice() };
}

export const size = (d: FiniteDist) => d.weights.length;

/**
 * Two weight vectors that define the same distribution (proportional), decided exactly:
 * u_i·v_j = u_j·v_i against a reference atom j charged by both, products compared as BigInt
 * mantissas. Doubles reject most pairs first: a relative difference above 1e-9 cannot be exact.
 */
export function sameDistribution(u: readonly number[], v: readonly number[]): boolean {
  if (u.length !== v.length) return false;
  const j = u.findIndex((x, i) => x > 0 && v[i] > 0);
  if (j < 0) return false;
  for (let i = 0; i < u.length; i++) {
    if ((u[i] === 0) !== (v[i] === 0)) return false;
    const a = u[i] * v[j], b = u[j] * v[i];
    // both products in the normal range: a relative gap beyond rounding rules equality out
    if (a > 1e-290 && b > 1e-290 && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) > 1e-9 * Math.max(a, b)) return false;
  }
  return u.every((x, i) => exactProductsEqual(x, v[j], u[j], v[i]));
}

/** Indices with positive weight. */
export const support = (d: FiniteDist): number[] => d.weights.flatMap((w, i) => (w > 0 ? [i] : []));

/** Q ≪ P: every atom charged by q is charged by p (decided exactly: zero-ness of a double is exact). */
export function absolutelyContinuous(q: FiniteDist, p: FiniteDist): boolean {
  if (q.weights.length !== p.weights.length) throw new DistributionError(`sizes differ: ${q.weights.length} vs ${p.weights.length}`);
  return q.weights.every((w, i) => w === 0 || p.weights[i] > 0);
}

export function sameSize(a: FiniteDist, b: FiniteDist): void {
  if (a.weights.length !== b.weights.length) throw new DistributionError(`distributions on different spaces: ${a.weights.length} vs ${b.weights.length} atoms`);
}
