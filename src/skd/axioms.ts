import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import type { Relation, Sides } from '../numerics/certify.ts';
import { perturbed, type AxiomInstance } from '../gen/simplex.ts';
import type { Operator } from './operators.ts';
import { entropyOf, l1, normalise, uniformOn } from './simplex.ts';

/**
 * The axioms of a softening operator (SKD-DEF-OP, SKD-AX1 … SKD-AX5), each as a certified relation
 * on one generated instance, for any operator. Where the paper's form is unknown the reading is
 * stated (catalogue tags [X]); the boundary axiom is checked in three readings.
 */
export interface Axiom {
  /** column of the classification table */
  key: string;
  claim: string;
  title: string;
  relation: Relation;
  /** temperatures of the instance this axiom evaluates the operator at */
  temperatures: (i: AxiomInstance) => number[];
  /** false when the axiom is vacuous on the instance (e.g. no strict pair to compare) */
  applicable: (i: AxiomInstance) => boolean;
  sides: <T>(F: Field<T>, op: Operator, i: AxiomInstance) => Sides<T>;
  /** false for an order or sign condition (no room to measure) */
  bound?: boolean;
  /** Why the relation is an identity on this instance for this operator (checked as one), or null. */
  degenerate?: (op: Operator, i: AxiomInstance) => string | null;
}

const minOf = <T>(F: Field<T>, xs: T[]) => xs.reduce((a, b) => F.min(a, b));
const maxOf = <T>(F: Field<T>, xs: T[]) => xs.reduce((a, b) => F.max(a, b));
const pairs = (w: number[], rel: (a: number, b: number) => boolean) => w.flatMap((a, i) => w.flatMap((b, j) => (i !== j && rel(a, b) ? [[i, j] as const] : [])));
const support = (w: number[]) => w.map((x) => x > 0);

/** Hölder modulus of the power family on T ∈ [½, 2]: ‖F_T(p) − F_T(p′)‖₁ ≤ 2·max(T, 1/T)·V·δ^{min(T, 1/T)}. */
export const continuityModulus = <T>(F: Field<T>, V: number, temp: number, delta: T): T => {
  const gamma = Math.min(temp, 1 / temp), c = 2 * Math.max(temp, 1 / temp) * V;
  return F.sign(delta) === 0 ? F.fromNumber(0) : F.mul(F.fromNumber(c), F.exp(F.mul(F.fromNumber(gamma), F.log(delta))));
};

/** Rate for T → ∞: ‖F_T(p) − u‖₁ ≤ e^{(2 + |log p_min|)/T} − 1 (p_min the smallest positive mass). */
const largeTRate = <T>(F: Field<T>, i: AxiomInstance): T => {
  const p = normalise(F, i.w);
  const logMin = minOf(F, p.filter((_, k) => i.w[k] > 0).map((x) => F.log(x)));
  return F.sub(F.exp(F.div(F.sub(F.fromNumber(2), logMin), F.fromNumber(i.Tbig))), F.fromNumber(1));
};

/** The softening axioms as certified relations on generated instances. */
export const AXIOMS: readonly Axiom[] = [
  {
    key: 'simplex',
    claim: 'SKD-DEF-OP',
    title: 'F_T(p) is a probability vector: |Σ F_T(p) − 1| + Σ max(0, −F_T(p)_i) = 0',
    relation: 'eq',
    temperatures: (i) => [i.T],
    applicable: () => true,
    sides: (F, op, i) => {
      const q = op.apply(F, i.w, i.T);
      const negative = sum(F, q.map((x) => F.max(F.fromNumber(0), F.neg(x))));
      return { lhs: F.add(F.abs(F.sub(sum(F, q), F.fromNumber(1))), negative), rhs: F.fromNumber(0) };
    },
  },
  {
    key: 'AX1 strict',
    claim: 'SKD-AX1-RANK',
    title: 'p_i > p_j ⇒ F_T(p)_i > F_T(p)_j (strict; the smallest gap is certified positive)',
    relation: 'lt',
    temperatures: (i) => [i.T],
    applicable: (i) => pairs(i.w, (a, b) => a > b).length > 0,
    sides: (F, op, i) => {
      const q = op.apply(F, i.w, i.T);
      return { lhs: F.fromNumber(0), rhs: minOf(F, pairs(i.w, (a, b) => a > b).map(([a, b]) => F.sub(q[a], q[b]))) };
    },
  },
  {
    key: 'AX1 ties',
    claim: 'SKD-AX1-RANK',
    title: 'p_i = p_j ⇒ F_T(p)_i = F_T(p)_j (the catalogue\'s natural addition [X])',
    relation: 'eq',
    temperatures: (i) => [i.T],
    applicable: (i) => pairs(i.w, (a, b) => a === b).length > 0,
    sides: (F, op, i) => {
      const q = op.apply(F, i.w, i.T);
      return { lhs: maxOf(F, pairs(i.w, (a, b) => a === b).map(([a, b]) => F.abs(F.sub(q[a], q[b])))), rhs: F.fromNumber(0) };
    },
  },
  {
    key: 'AX2 continuity',
    claim: 'SKD-AX2-CONT',
    title: 'quantitative continuity in p: ‖F_T(p) − F_T(p′)‖₁ ≤ 2·max(T, 1/T)·V·‖p − p′‖₁^{min(T, 1/T)} for T ∈ [½, 2], p′ a one-weight perturbation (ties flipped)',
    relation: 'le',
    temperatures: (i) => [i.Tc],
    applicable: () => true,
    sides: (F, op, i) => {
      const w2 = perturbed(i);
      const delta = l1(F, normalise(F, i.w), normalise(F, w2));
      return { lhs: l1(F, op.apply(F, i.w, i.Tc), op.apply(F, w2, i.Tc)), rhs: continuityModulus(F, i.w.length, i.Tc, delta) };
    },
  },
  {
    key: 'AX3 entropy',
    claim: 'SKD-AX3-ENT',
    title: 'T ↦ H(F_T(p)) is non-decreasing: H(F_T(p)) ≤ H(F_{T′}(p)) for T < T′',
    relation: 'le',
    bound: false,
    temperatures: (i) => [i.T, i.T * i.ratio],
    applicable: () => true,
    sides: (F, op, i) => ({ lhs: entropyOf(F, op.apply(F, i.w, i.T)), rhs: entropyOf(F, op.apply(F, i.w, i.T * i.ratio)) }),
    // F_T(p) = F_T′(p) (e.g. p uniform on its support under an escort): both sides are the same
    // entropy, an identity that no precision separates from 0
    degenerate: (op, i) => (op.invariant?.(i.w) ? `F_T(p) does not depend on T (${op.id} fixes this p): both sides are H(p)` : null),
  },
  {
    key: 'AX4 identity',
    claim: 'SKD-AX4-ID',
    title: 'F_1(p) = p',
    relation: 'eq',
    temperatures: () => [1],
    applicable: () => true,
    sides: (F, op, i) => ({ lhs: l1(F, op.apply(F, i.w, 1), normalise(F, i.w)), rhs: F.fromNumber(0) }),
  },
  {
    key: 'AX5 T→∞ (support)',
    claim: 'SKD-AX5-BOUND',
    title: 'T → ∞, support reading: ‖F_T(p) − uniform on supp p‖₁ ≤ e^{(2 + |log p_min|)/T} − 1 at T = 1e4, 1e8, 1e12',
    relation: 'le',
    temperatures: (i) => [i.Tbig],
    applicable: () => true,
    sides: (F, op, i) => ({ lhs: l1(F, op.apply(F, i.w, i.Tbig), uniformOn(F, support(i.w))), rhs: largeTRate(F, i) }),
  },
  {
    key: 'AX5 T→∞ (all classes)',
    claim: 'SKD-AX5-BOUND',
    title: 'T → ∞, full reading: ‖F_T(p) − uniform on all V classes‖₁ ≤ e^{(2 + |log p_min|)/T} − 1',
    relation: 'le',
    temperatures: (i) => [i.Tbig],
    applicable: () => true,
    sides: (F, op, i) => ({ lhs: l1(F, op.apply(F, i.w, i.Tbig), uniformOn(F, i.w.map(() => true))), rhs: largeTRate(F, i) }),
  },
  {
    key: 'AX5 T→0⁺',
    claim: 'SKD-AX5-BOUND',
    title: 'T → 0⁺: ‖F_T(p) − uniform on argmax p‖₁ ≤ 2V·r^{1/T}, r = (largest non-maximal mass)/(max mass), at T = 0.1, 0.01, 0.001',
    relation: 'le',
    temperatures: (i) => [i.Tsmall],
    // both sides are of the size of the rate, computed from masses of size 1: a rate below 1e-100
    // needs several hundred digits to compare relative to its size (about 3 s an instance); such
    // instances are not drawn for this axiom
    applicable: (i) => {
      const max = Math.max(...i.w), rest = i.w.filter((x) => x < max);
      return rest.length === 0 || Math.log10(2 * i.w.length) + Math.log10(Math.max(...rest) / max) / i.Tsmall >= -100;
    },
    sides: (F, op, i) => {
      const max = Math.max(...i.w);
      const rest = i.w.filter((x) => x < max);
      const target = uniformOn(F, i.w.map((x) => x === max));
      const r = rest.length === 0 ? F.fromNumber(0) : F.div(F.fromNumber(Math.max(...rest)), F.fromNumber(max));
      const rate = F.sign(r) === 0 ? r : F.mul(F.fromNumber(2 * i.w.length), F.exp(F.div(F.log(r), F.fromNumber(i.Tsmall))));
      return { lhs: l1(F, op.apply(F, i.w, i.Tsmall), target), rhs: rate };
    },
  },
];

/** The operator is defined at every temperature the axiom uses on this instance. */
export const inDomain = (op: Operator, ax: Axiom, i: AxiomInstance) => ax.temperatures(i).every((t) => t >= op.domain.min && t <= op.domain.max && t > 0);
