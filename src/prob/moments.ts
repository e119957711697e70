import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';

/**
 * Weighted reductions over atoms with positive weight. Weights may be unnormalised; they are
 * values in the context (so product-space probabilities, themselves computed, fit too).
 */

/** Σ w_i v_i / Σ w_i. */
export function weightedMean<T>(F: Field<T>, w: readonly T[], v: readonly T[]): T {
  let num = F.fromNumber(0);
  for (let i = 0; i < w.length; i++) num = F.add(num, F.mul(w[i], v[i]));
  return F.div(num, sum(F, w));
}

/**
 * The largest of the values (by approximation), used as the shift of a log-sum-exp: any shift is
 * exact mathematically; the value itself (not a double near it) keeps x_max − shift ≈ 0 even when
 * |x| ~ 1e300, where a rounded shift would be off by ~1e284.
 */
function largest<T>(F: Field<T>, xs: readonly T[]): { c: T; approx: number } {
  let best = 0, bestApprox = F.approx(xs[0]);
  for (let i = 1; i < xs.length; i++) {
    const a = F.approx(xs[i]);
    if (a > bestApprox) {
      best = i;
      bestApprox = a;
    }
  }
  return { c: xs[best], approx: bestApprox };
}

/** log Σ exp(x_i), shifted by the largest value (avoids overflow). */
export function logSumExp<T>(F: Field<T>, xs: readonly T[]): T {
  if (xs.length === 0) return F.fromNumber(-Infinity);
  const { c, approx: shift } = largest(F, xs);
  if (shift === Infinity) return F.fromNumber(Infinity);
  if (shift === -Infinity) return F.fromNumber(-Infinity);
  let s = F.fromNumber(0);
  for (const x of xs) s = F.add(s, F.exp(F.sub(x, c)));
  return F.add(c, F.log(s));
}

/** log( Σ w_i e^{v_i} / Σ w_i ): one exponential per atom, two logarithms in all. */
export function logMeanExp<T>(F: Field<T>, w: readonly T[], v: readonly T[]): T {
  // shift by the largest value that carries weight: a huge value on a zero-weight atom must not underflow the rest
  const charged: T[] = [];
  for (let i = 0; i < v.length; i++) if (F.sign(w[i]) !== 0) charged.push(v[i]);
  const { c, approx: shift } = largest(F, charged.length ? charged : v);
  if (shift === Infinity) return F.fromNumber(Infinity);
  if (shift === -Infinity) return F.fromNumber(-Infinity);
  let s = F.fromNumber(0);
  for (let i = 0; i < w.length; i++) s = F.add(s, F.mul(w[i], F.exp(F.sub(v[i], c))));
  return F.add(c, F.sub(F.log(s), F.log(sum(F, w))));
}

/** ψ_c(λ) = log E e^{λ(X − EX)} ≥ 0 for a law given by weights and values in F. */
export function centredLogMeanExp<T>(F: Field<T>, w: readonly T[], x: readonly T[], lambda: T): T {
  const m = weightedMean(F, w, x);
  return F.max(F.fromNumber(0), logMeanExp(F, w, x.map((v) => F.mul(lambda, F.sub(v, m)))));
}

/**
 * Var = Σ_i Σ_j w_i w_j (v_i − v_j)² / (2W²): every term is nonnegative, so an enclosure never
 * loses a tiny variance to the rounding of the mean (as Σw(v − m)²/W − … would).
 */
export function weightedVariance<T>(F: Field<T>, w: readonly T[], v: readonly T[]): T {
  let acc = F.fromNumber(0);
  for (let i = 0; i < w.length; i++) {
    for (let j = i + 1; j < w.length; j++) acc = F.add(acc, F.mul(F.mul(w[i], w[j]), F.square(F.sub(v[i], v[j]))));
  }
  return F.div(acc, F.square(sum(F, w)));
}
