import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { decompose } from '../numerics/exact.ts';
import { pointProbabilities, type ProductFunction } from './product-space.ts';

/**
 * Exact tail events on an enumerated product space, for stating tail bounds such as
 * P(f − Ef ≥ t) ≤ exp(−2t²/Σc_i²). The weights, the table and t are doubles, so Ef is a ratio of
 * finite sums of products of doubles, and whether a point lies in the event is decided exactly in
 * dyadic arithmetic (BigInt). An enclosure of f(z) − Ef − t straddles 0 whenever the point sits
 * on the boundary, at any precision: this never does.
 */

/** m·2^e with an integer m. */
interface Dyadic {
  m: bigint;
  e: number;
}

const dyadic = (x: number): Dyadic => {
  const d = decompose(x);
  return { m: d.negative ? -d.mantissa : d.mantissa, e: d.exponent };
};
const times = (a: Dyadic, b: Dyadic): Dyadic => ({ m: a.m * b.m, e: a.e + b.e });
const negated = (a: Dyadic): Dyadic => ({ m: -a.m, e: a.e });

function total(xs: readonly Dyadic[]): Dyadic {
  if (xs.length === 0) return { m: 0n, e: 0 };
  const e = Math.min(...xs.map((x) => x.e));
  let m = 0n;
  for (const x of xs) m += x.m << BigInt(x.e - e);
  return { m, e };
}

/** Unnormalised weight of every point (coordinate 0 fastest, as ProductFunction's table). */
function pointWeights(f: ProductFunction): Dyadic[] {
  let out: Dyadic[] = [{ m: 1n, e: 0 }];
  for (const d of f.marginals) {
    const next: Dyadic[] = [];
    for (const w of d.weights) for (const p of out) next.push(times(p, dyadic(w)));
    out = next;
  }
  return out;
}

/**
 * Which points z of the product space lie in the tail event: f(z) − Ef ≥ t (side 'upper') or
 * f(z) − Ef ≤ −t (side 'lower'), decided exactly. Use it with {@link eventProbability}.
 */
export function tailEvent(f: ProductFunction, t: number, side: 'upper' | 'lower'): boolean[] {
  if (!Number.isFinite(t)) throw new RangeError(`tailEvent: t must be finite, got ${t}`);
  const W = pointWeights(f);
  // S = Σ_z W(z) > 0 (every marginal has positive mass), M = Σ_z W(z)·f(z): Ef = M/S
  const S = total(W);
  const M = total(W.map((w, z) => times(w, dyadic(f.table[z]))));
  return f.table.map((v) => {
    // upper: (f(z) − t)·S − M ≥ 0; lower: (f(z) + t)·S − M ≤ 0
    const shifted = total([dyadic(v), side === 'upper' ? negated(dyadic(t)) : dyadic(t)]);
    const d = total([times(shifted, S), negated(M)]).m;
    return side === 'upper' ? d >= 0n : d <= 0n;
  });
}

/** P(event) = Σ_{z in the event} p(z) in F, for an event given as one flag per point (e.g. from {@link tailEvent}). */
export function eventProbability<T>(F: Field<T>, f: ProductFunction, event: readonly boolean[]): T {
  if (event.length !== f.table.length) throw new RangeError(`eventProbability: ${event.length} flags for ${f.table.length} points`);
  const p = pointProbabilities(F, f.marginals);
  return sum(F, p.filter((_, z) => event[z]));
}

/** The exact tail probability P(f − Ef ≥ t) (side 'upper') or P(f − Ef ≤ −t) (side 'lower'), in F. */
export const exactTailProbability = <T>(F: Field<T>, f: ProductFunction, t: number, side: 'upper' | 'lower'): T => eventProbability(F, f, tailEvent(f, t, side));
