import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { logWeights, normalise, softmaxOn } from './simplex.ts';

/**
 * Softening operators F_T: Δ^V → Δ^V (SKD-DEF-OP), each written once over the arithmetic context.
 * Input: double weights w (p = w/Σw). Families of the paper and the catalogue, and deliberately bad
 * candidates that the axiom checks must catch.
 */
export interface Operator {
  id: string;
  description: string;
  /** temperatures where the operator is defined as a softening operator */
  domain: { min: number; max: number };
  /** expected to satisfy the axioms (a family of the paper or the catalogue), or a planted bad one */
  role: 'family' | 'bad';
  apply<T>(F: Field<T>, w: readonly number[], T: number): T[];
  /**
   * Weights whose image does not depend on T (F_T(p) = F_T′(p) for all T, T′ in the domain),
   * decided exactly on the weights: there an order in T (entropy non-decreasing) is an identity.
   */
  invariant?: (w: readonly number[]) => boolean;
}

/** Every positive weight equal: p uniform on its support, a fixed point of every escort p^b/Σ p^b. */
export const uniformOnSupport = (w: readonly number[]): boolean => {
  const first = w.find((x) => x > 0);
  return w.every((x) => x === 0 || x === first);
};
/** Every weight equal (and positive): p = u, fixed by every mixing with u. */
export const uniformOnAll = (w: readonly number[]): boolean => w[0] > 0 && w.every((x) => x === w[0]);

/** p^b/Σp^b = softmax(b·log p) on the support: zeros stay zero. */
function escort<T>(F: Field<T>, w: readonly number[], exponent: T): T[] {
  const lw = logWeights(F, w);
  return softmaxOn(F, lw.map((l, i) => (w[i] === 0 ? l : F.mul(l, exponent))), w.map((x) => x > 0));
}

/** The escort distribution p^b/Σ p^b for an exponent given exactly (b = 1/T). */
export const powerByExponent = <T>(F: Field<T>, w: readonly number[], b: number): T[] => escort(F, w, F.fromNumber(b));

/** Power (escort) softening p^{1/T}/Σ p^{1/T}. */
export const power: Operator = {
  id: 'power',
  description: 'power (escort) softening p^{1/T}/Σ p^{1/T}',
  domain: { min: 0, max: Infinity },
  role: 'family',
  apply: (F, w, T) => escort(F, w, F.div(F.fromNumber(1), F.fromNumber(T))),
  invariant: uniformOnSupport,
};

/** Softmax of the logits z = log p at temperature T, computed the naive way in the logit domain: exp(z/T)/Σexp(z/T). */
export const softmaxLogits: Operator = {
  id: 'softmax-logits',
  description: 'softmax(z/T) of the logits z = log p (exponentials of z/T, normalised)',
  domain: { min: 0, max: Infinity },
  role: 'family',
  apply: (F, w, T) => {
    const z = logWeights(F, w);
    const e = z.map((l, i) => (w[i] === 0 ? F.fromNumber(0) : F.exp(F.div(l, F.fromNumber(T)))));
    const Z = sum(F, e);
    return e.map((x) => F.div(x, Z));
  },
  invariant: uniformOnSupport,
};

/** (1 − ε_T)p + ε_T·u, ε_T = 1 − 1/T: a softening operator for T ≥ 1 only. */
export const mixing: Operator = {
  id: 'mixing',
  description: 'mixing with the uniform distribution, (1/T)·p + (1 − 1/T)·u',
  domain: { min: 1, max: Infinity },
  role: 'family',
  apply: (F, w, T) => {
    const p = normalise(F, w);
    const a = F.div(F.fromNumber(1), F.fromNumber(T));
    const u = F.div(F.sub(F.fromNumber(1), a), F.fromNumber(w.length));
    return p.map((x) => F.add(F.mul(a, x), u));
  },
  invariant: uniformOnAll,
};

/** The top-k set (ties broken by lower index, so the set is a function of p). */
export const topKSet = (w: readonly number[], k: number): boolean[] => {
  const order = w.map((x, i) => [x, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, k).map(([, i]) => i);
  return w.map((_, i) => order.includes(i) && w[i] > 0);
};

/** trunc_k(p): p restricted to its top-k set, renormalised. */
export const truncate = (w: readonly number[], k: number): number[] => {
  const keep = topKSet(w, k);
  return w.map((x, i) => (keep[i] ? x : 0));
};

/** Power softening of the top-k truncation (a planted bad operator for k ≥ 2). */
export const powerTopK = (k: number): Operator => ({
  id: `power-top${k}`,
  description: `power softening of the top-${k} truncation, F_T(trunc_${k} p)`,
  domain: { min: 0, max: Infinity },
  role: 'bad',
  apply: (F, w, T) => power.apply(F, truncate(w, k), T),
  invariant: (w) => uniformOnSupport(truncate(w, k)),
});

/** Power softening, then additive smoothing with a fixed constant c: F_1(p) ≠ p. */
export const additiveSmoothing = (c: number): Operator => ({
  id: `additive-smoothing`,
  description: `power softening followed by additive smoothing (q + ${c})/(1 + ${c}·V)`,
  domain: { min: 0, max: Infinity },
  role: 'bad',
  apply: (F, w, T) => {
    const q = power.apply(F, w, T);
    const cc = F.fromNumber(c);
    const Z = F.add(F.fromNumber(1), F.mul(cc, F.fromNumber(w.length)));
    return q.map((x) => F.div(F.add(x, cc), Z));
  },
  invariant: uniformOnSupport,
});

/** p^T/Σp^T: the temperature read the wrong way round (sharpens as T grows). */
export const sharpening: Operator = {
  id: 'sharpening',
  description: 'sharpening p^T/Σ p^T (temperature inverted)',
  domain: { min: 0, max: Infinity },
  role: 'bad',
  apply: (F, w, T) => escort(F, w, F.fromNumber(T)),
  invariant: uniformOnSupport,
};

/** (1/T)·p + (1 − 1/T)·(1 − p)/(V − 1): mixes toward the complement, which reverses the ranking. */
export const complementMixing: Operator = {
  id: 'complement-mixing',
  description: 'mixing toward the complement (1 − p)/(V − 1)',
  domain: { min: 1, max: Infinity },
  role: 'bad',
  apply: (F, w, T) => {
    const p = normalise(F, w);
    const V = w.length;
    if (V === 1) return p;
    const a = F.div(F.fromNumber(1), F.fromNumber(T));
    const b = F.div(F.sub(F.fromNumber(1), a), F.fromNumber(V - 1));
    return p.map((x) => F.add(F.mul(a, x), F.mul(b, F.sub(F.fromNumber(1), x))));
  },
  // V = 1 returns p itself; otherwise p = (1 − p)/(V − 1) only at p = u
  invariant: (w) => w.length === 1 || uniformOnAll(w),
};

/** Every operator the axiom table classifies: the families of the paper and the planted bad ones. */
export const OPERATORS: readonly Operator[] = [power, softmaxLogits, mixing, powerTopK(2), additiveSmoothing(0.01), sharpening, complementMixing];
