import fc from 'fast-check';
import { weightsOf, type WeightKind } from './weights.ts';

/**
 * Pairs of weight vectors on one space, with the relations that matter for divergences drawn on
 * purpose: p = q, q ≪ p, disjoint supports, a single perturbed atom, and independent draws.
 */
export type PairRelation = 'independent' | 'equal' | 'abs-continuous' | 'disjoint' | 'perturbed' | 'scaled';

/** A pair (q, p) of weight vectors of one size, and how they were made. */
export interface WeightPair {
  relation: PairRelation;
  kinds: [WeightKind, WeightKind];
  q: number[];
  p: number[];
}

/**
 * Multiply weights by c, or divide by c when multiplying would overflow or underflow a positive
 * weight to 0; when neither keeps every weight finite and positive where it was (a range from
 * 5e-324 to 1e305), the weights are left as they are. Never an all-zero vector.
 */
export const scaleBy = (w: number[], c: number): number[] => {
  const keeps = (f: (v: number) => number) => w.every((v) => Number.isFinite(f(v)) && (v === 0) === (f(v) === 0));
  if (keeps((v) => v * c)) return w.map((v) => v * c);
  if (keeps((v) => v / c)) return w.map((v) => v / c);
  return w;
};

const zeroWhere = (q: number[], p: number[]) => {
  const out = q.map((x, i) => (p[i] === 0 ? 0 : x));
  if (out.some((x) => x > 0)) return out;
  const k = p.findIndex((x) => x > 0);
  return out.map((x, i) => (i === k ? 1 : x));
};

/** Pairs (q, p) of weight vectors on n atoms, mixing equal, absolutely continuous, disjoint, perturbed, scaled and independent pairs. */
export function weightPairOf(n: number): fc.Arbitrary<WeightPair> {
  const w = weightsOf(n);
  const pair = (relation: PairRelation, a: fc.Arbitrary<[{ kind: WeightKind; weights: number[] }, { kind: WeightKind; weights: number[] }]>) =>
    a.map(([x, y]) => ({ relation, kinds: [x.kind, y.kind] as [WeightKind, WeightKind], q: x.weights, p: y.weights }));
  return fc.oneof(
    { weight: 4, arbitrary: pair('independent', fc.tuple(w, w)) },
    { weight: 1, arbitrary: pair('equal', w.map((x) => [x, x])) },
    { weight: 1, arbitrary: pair('scaled', fc.tuple(w, fc.constantFrom(2, 3, 1e-6, 1e6)).map(([x, c]) => [{ ...x, weights: scaleBy(x.weights, c) }, x])) },
    { weight: 3, arbitrary: pair('abs-continuous', fc.tuple(w, w).map(([x, y]) => [{ ...x, weights: zeroWhere(x.weights, y.weights) }, y])) },
    {
      weight: 1,
      arbitrary: pair('perturbed', fc.tuple(w, fc.nat({ max: n - 1 }), fc.constantFrom(0.5, 2, 1 + 2 ** -40, 1e-9, 1e9)).map(([x, k, c]) => [{ ...x, weights: x.weights.map((v, i) => (i === k ? (v === 0 ? c : scaleBy([v], c)[0]) : v)) }, x])),
    },
    {
      weight: n >= 2 ? 1 : 0,
      arbitrary: pair('disjoint', fc.tuple(w, w, fc.integer({ min: 1, max: Math.max(1, n - 1) })).map(([x, y, cut]) => [
        { ...x, weights: x.weights.map((v, i) => (i < cut ? v || 1 : 0)) },
        { ...y, weights: y.weights.map((v, i) => (i < cut ? 0 : v || 1)) },
      ])),
    },
  );
}

