import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { centredLogMeanExp, weightedMean } from './moments.ts';
import { boundedDifferences, pushforward, type ProductFunction } from './product-space.ts';

/** Σ c_i². */
export function sumSquares<T>(F: Field<T>, c: readonly T[]): T {
  return sum(F, c.map((x) => F.square(x)));
}

/**
 * McDiarmid's σ = √(Σ c_i²)/2, scaled by the largest |c_i| first (as hypot does), so that
 * constants near 1e±200 neither overflow nor underflow when squared.
 */
export function mcdiarmidSigma<T>(F: Field<T>, c: readonly number[]): T {
  const m = Math.max(...c.map(Math.abs));
  if (m === 0) return F.fromNumber(0);
  const M = F.fromNumber(m);
  return F.div(F.mul(M, F.sqrt(sumSquares(F, c.map((x) => F.div(F.fromNumber(x), M))))), F.fromNumber(2));
}

/** McDiarmid's variance proxy σ² = Σ c_i² / 4 (so σ = √(Σ c_i²)/2). */
export function mcdiarmidVarianceProxy<T>(F: Field<T>, c: readonly T[]): T {
  return F.div(sumSquares(F, c), F.fromNumber(4));
}

/** Exact log E e^{λ(f − Ef)} by enumeration of the product space. */
export function centredMgf<T>(F: Field<T>, f: ProductFunction, lambda: T): T {
  const { w, x } = pushforward(F, f);
  return centredLogMeanExp(F, w, x, lambda);
}

/**
 * Exact P(f − Ef ≥ t) (side 'upper') or P(f − Ef ≤ −t) (side 'lower'). A point whose membership
 * an enclosure cannot decide contributes [0, p(z)]: the result stays a valid enclosure.
 */
export function tailProbability<T>(F: Field<T>, f: ProductFunction, t: T, side: 'upper' | 'lower'): T {
  const { w, x } = pushforward(F, f);
  const m = weightedMean(F, w, x);
  let certain = F.fromNumber(0);
  let uncertain = F.fromNumber(0);
  x.forEach((v, i) => {
    const d = side === 'upper' ? F.sub(F.sub(v, m), t) : F.add(F.sub(v, m), t);
    const s = F.sign(d);
    const inside = side === 'upper' ? s === 1 || s === 0 : s === -1 || s === 0;
    if (s === undefined) uncertain = F.add(uncertain, w[i]);
    else if (inside) certain = F.add(certain, w[i]);
  });
  return F.sign(uncertain) === 0 ? certain : F.hull(certain, F.add(certain, uncertain));
}

/** McDiarmid's tail bound exp(−2t²/Σc_i²); 0 when every c_i = 0 (f is constant). */
export function mcdiarmidTailBound<T>(F: Field<T>, c: readonly T[], t: T): T {
  const s = sumSquares(F, c);
  if (F.sign(s) === 0) return F.fromNumber(0);
  return F.exp(F.neg(F.div(F.mul(F.fromNumber(2), F.square(t)), s)));
}

export { boundedDifferences };
