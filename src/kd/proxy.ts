import { intervalDoubleField } from '../numerics/interval-double-field.ts';
import { intervalField } from '../numerics/interval-decimal-field.ts';
import { intervalDoubleXField } from '../numerics/interval-double-x-field.ts';
import type { Field } from '../numerics/field.ts';
import { memoByJson } from '../engine/memo.ts';
import { bestProxyOfLaw } from '../prob/subgaussian.ts';
import { weightedVariance } from '../prob/moments.ts';
import { worldLaws, type Law } from './processes.ts';
import type { WorldSpec } from './world.ts';

/** The law of h(D, f_T) under Δ as (weights, values) in F. */
export function hLawUnderDelta<T>(F: Field<T>, w: WorldSpec): { w: T[]; x: T[] } {
  const L = worldLaws(F, w);
  return lawOf(L.delta, L.kf, L.h);
}

/** The law of g(d, f) under a joint law P, as (weights, values). */
export function lawOf<T>(P: Law<T>, kf: number, g: (d: number, f: number) => T): { w: T[]; x: T[] } {
  const w: T[] = [], x: T[] = [];
  for (const [k, p] of P) {
    w.push(p);
    x.push(g(Math.floor(k / kf), k % kf));
  }
  return { w, x };
}

/** A certified sub-Gaussian variance proxy of h under Δ, and how it was obtained. */
export interface HProxy {
  /** Certified upper end of a sub-Gaussian variance proxy of h under Δ (exact decimal). */
  sigma2: string;
  /** Certified lower end of the optimal proxy (0 for the range route). */
  sigma2Lo: string;
  route: 'best-proxy' | 'range';
  context: string;
  /** A λ where the best proxy is nearly attained. */
  argmax: number;
}

/** proxyOfH, memoised by the world (several properties check the same worlds). */
export const cachedProxyOfH = memoByJson(proxyOfH);

/**
 * The same law with atoms of identical enclosures merged (weights added). Sound: for positive
 * weights w_i g(x_i) + w_j g(x_j) lies in (W_i + W_j)·G(X) whenever x_i, x_j ∈ X, so every
 * enclosure the branch and bound computes still holds the exact value. Permuted datasets give h the
 * same value, so an exchangeable law shrinks by up to n!.
 */
export function mergeEqualAtoms<T>(F: Field<T>, law: { w: T[]; x: T[] }): { w: T[]; x: T[] } {
  const index = new Map<string, number>();
  const w: T[] = [], x: T[] = [];
  law.x.forEach((xi, i) => {
    const b = F.bounds(xi);
    const key = `${b.lo}:${b.hi}`;
    const j = index.get(key);
    if (j === undefined) {
      index.set(key, w.length);
      w.push(law.w[i]);
      x.push(xi);
    } else w[j] = F.add(w[j], law.w[i]);
  });
  return { w, x };
}

/**
 * A certified sub-Gaussian proxy of h(D, f_T) under Δ: the best proxy of its exact law by branch
 * and bound (double intervals, with an extended exponent if need be, then Decimal); when the variance cannot be separated from 0 (h
 * constant to the precision), Hoeffding's proxy of its range, which is always valid.
 */
export function proxyOfH(w: WorldSpec): HProxy {
  // h (nearly) constant under Δ: the branch and bound cannot separate its variance from 0 in any
  // context worth the cost, and the range proxy is then as good as any.
  const D = hLawUnderDelta(intervalDoubleField, w);
  if (weightedVariance(intervalDoubleField, D.w, D.x).hi < 1e-24) return rangeProxy(w);
  // plain doubles; doubles with an extended exponent where plain weights underflowed; then Decimal
  const underflow = D.w.some((p) => p.lo === 0);
  for (const F of [intervalDoubleField, ...(underflow ? [intervalDoubleXField] : []), intervalField(30)] as Field<unknown>[]) {
    const { w: ws, x } = mergeEqualAtoms(F, hLawUnderDelta(F, w));
    // A proxy within 1e-4 of the optimum serves these bounds (their slack is far larger) and is cheap.
    const r = bestProxyOfLaw(F, ws, x, F.name.startsWith('interval-double') ? { rtol: 1e-4, maxPieces: 300 } : { rtol: 1e-3, maxPieces: 100 });
    if (r) return { sigma2: r.hi, sigma2Lo: r.lo, route: 'best-proxy', context: r.context, argmax: r.argmax };
  }
  return rangeProxy(w);
}

/** Hoeffding's proxy ((max h − min h)/2)² of h's range under Δ, certified in Decimal. */
function rangeProxy(w: WorldSpec): HProxy {
  const F = intervalField(30);
  const { x } = hLawUnderDelta(F, w);
  const hi = x.reduce((m, v) => (v.hi.gt(m) ? v.hi : m), x[0].hi);
  const lo = x.reduce((m, v) => (v.lo.lt(m) ? v.lo : m), x[0].lo);
  const half = F.div(F.sub({ lo: hi, hi }, { lo, hi: lo }), F.fromNumber(2));
  return { sigma2: F.bounds(F.square(half)).hi, sigma2Lo: '0', route: 'range', context: F.name, argmax: 1 };
}
