import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { logSumExp } from '../prob/moments.ts';

/**
 * Probability vectors in an arithmetic context. A distribution enters as double weights w ≥ 0
 * (p = w/Σw, exact), and zeros stay structural: an exact 0 is never produced by rounding.
 */
export const normalise = <T>(F: Field<T>, w: readonly number[]): T[] => {
  const total = sum(F, w.map((x) => F.fromNumber(x)));
  return w.map((x) => (x === 0 ? F.fromNumber(0) : F.div(F.fromNumber(x), total)));
};

/** log p_i for the support (−∞ placeholders are never used: callers skip zeros). */
export const logWeights = <T>(F: Field<T>, w: readonly number[]): T[] => {
  const logTotal = F.log(sum(F, w.map((x) => F.fromNumber(x))));
  return w.map((x) => (x === 0 ? F.fromNumber(-Infinity) : F.sub(F.log(F.fromNumber(x)), logTotal)));
};

/** softmax(a) over the entries flagged in `on` (others exactly 0), shifted by log-sum-exp. */
export function softmaxOn<T>(F: Field<T>, a: readonly T[], on: readonly boolean[]): T[] {
  const idx = a.flatMap((_, i) => (on[i] ? [i] : []));
  const lse = logSumExp(F, idx.map((i) => a[i]));
  return a.map((x, i) => (on[i] ? F.exp(F.sub(x, lse)) : F.fromNumber(0)));
}

/** Shannon entropy −Σ q log q with 0·log 0 = 0 (q a probability vector in F; exact zeros skipped). */
export const entropyOf = <T>(F: Field<T>, q: readonly T[]): T =>
  F.neg(sum(F, q.filter((x) => F.sign(x) !== 0).map((x) => F.mul(x, F.log(F.max(x, F.fromNumber(0)))))));

/** ‖a − b‖₁. */
export const l1 = <T>(F: Field<T>, a: readonly T[], b: readonly T[]): T => sum(F, a.map((x, i) => F.abs(F.sub(x, b[i]))));

/** The uniform distribution on the entries flagged in `on`. */
export const uniformOn = <T>(F: Field<T>, on: readonly boolean[]): T[] => {
  const k = on.filter(Boolean).length;
  return on.map((b) => (b ? F.div(F.fromNumber(1), F.fromNumber(k)) : F.fromNumber(0)));
};

/** KL(a‖b) for probability vectors in F; +∞ when a has mass where b is exactly 0. */
export function klOf<T>(F: Field<T>, a: readonly T[], b: readonly T[]): T {
  let acc = F.fromNumber(0);
  for (let i = 0; i < a.length; i++) {
    if (F.sign(a[i]) === 0) continue;
    if (F.sign(b[i]) === 0) return F.fromNumber(Infinity);
    acc = F.add(acc, F.mul(a[i], F.log(F.div(a[i], b[i]))));
  }
  return F.max(acc, F.fromNumber(0));
}
