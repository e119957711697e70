import { intervalDoubleField } from '../numerics/interval-double-field.ts';
import { intervalField } from '../numerics/interval-decimal-field.ts';
import { intervalDoubleXField } from '../numerics/interval-double-x-field.ts';
import { inCertifiedContext } from '../numerics/high-precision.ts';
import type { Field } from '../numerics/field.ts';
import { bestProxyOfLaw } from './subgaussian.ts';
import { weightedVariance } from './moments.ts';

/** A finite law as (weights, values), computed in whichever certified context is handed in. */
export type FiniteLaw = <T>(F: Field<T>) => { w: T[]; x: T[] };

export interface LawProxy {
  /** Certified upper end of a sub-Gaussian variance proxy of the law (exact decimal). */
  sigma2: string;
  /** Certified lower end of the optimal proxy (0 for the range route). */
  sigma2Lo: string;
  /** best-proxy: branch and bound; range: Hoeffding on a law constant to the precision; constant: a point mass by construction */
  route: 'best-proxy' | 'range' | 'constant';
  context: string;
  /** A λ where the best proxy is nearly attained. */
  argmax: number;
}

/**
 * The same law with atoms of identical enclosures merged (weights added). Sound: for positive
 * weights w_i g(x_i) + w_j g(x_j) lies in (W_i + W_j)·G(X) whenever x_i, x_j ∈ X, so every
 * enclosure the branch and bound computes still holds the exact value. Permuted datasets give a
 * symmetric statistic the same value, so an exchangeable law shrinks by up to n!.
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
 * A certified sub-Gaussian proxy of a finite law: its best proxy σ*² by branch and bound (double
 * intervals, with an extended exponent where weights underflow, then Decimal), or, when the
 * variance cannot be separated from 0 (a constant to the precision), Hoeffding's proxy of its range,
 * which is always valid. By default the double branch and bound stops within 1e-4 of the optimum
 * (or at 300 pieces): that serves the bounds that use it (their slack is far larger) and is cheap.
 */
export function certifiedProxyOfLaw(law: FiniteLaw, doubles: { rtol: number; maxPieces: number } = { rtol: 1e-4, maxPieces: 300 }): LawProxy {
  const D = law(intervalDoubleField);
  if (weightedVariance(intervalDoubleField, D.w, D.x).hi < 1e-24) return inCertifiedContext(30, (F) => rangeProxy(law, F as Field<unknown>));
  const underflow = D.w.some((p) => p.lo === 0);
  const branchAndBound = <T>(F: Field<T>, options: { rtol: number; maxPieces: number }) => {
    const { w, x } = mergeEqualAtoms(F, law(F));
    return bestProxyOfLaw(F, w, x, options);
  };
  for (const F of [intervalDoubleField, ...(underflow ? [intervalDoubleXField] : [])] as Field<unknown>[]) {
    const r = branchAndBound(F, doubles);
    if (r) return { sigma2: r.hi, sigma2Lo: r.lo, route: 'best-proxy', context: r.context, argmax: r.argmax };
  }
  // 30 digits (MPFR, else Decimal), with a coarser tolerance
  const r = inCertifiedContext(30, (F) => branchAndBound(F, { rtol: 1e-3, maxPieces: 100 }));
  if (r) return { sigma2: r.hi, sigma2Lo: r.lo, route: 'best-proxy', context: r.context, argmax: r.argmax };
  return inCertifiedContext(30, (F) => rangeProxy(law, F as Field<unknown>));
}

/**
 * Hoeffding's proxy ((max − min)/2)² of the law's range: valid for any law on [min, max], certified
 * in F (Decimal at 30 digits by default; interval doubles where the range is all that is needed).
 */
export function rangeProxy(law: FiniteLaw, F: Field<unknown> = intervalField(30) as Field<unknown>): LawProxy {
  const { x } = law(F);
  const hi = x.reduce((m, v) => F.max(m, F.upper(v)), F.upper(x[0]));
  const lo = x.reduce((m, v) => F.min(m, F.lower(v)), F.lower(x[0]));
  const half = F.div(F.sub(F.upper(hi), F.lower(lo)), F.fromNumber(2));
  return { sigma2: F.bounds(F.square(half)).hi, sigma2Lo: '0', route: 'range', context: F.name, argmax: 1 };
}
