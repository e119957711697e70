import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { sum } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { gridReal } from '../src/gen/reals.ts';
import { sharpWorldArb } from '../src/gen/sharp-world.ts';
import { lossConstants } from '../src/sharp/bounded-differences.ts';
import { worldTauOf } from '../src/sharp/tau-op.ts';
import { sharpQuantities, type SharpWorld } from '../src/sharp/world.ts';

/**
 * KD-SH-ASSUMP: the constants every sharpness property uses are valid for the cosine loss on the
 * instance: (A1) ℓ ∈ [0, 2]; (A3) |ℓ(f; z) − ℓ(f′; z)| ≤ L‖f − f′‖ with L = ω·max‖x‖; (A4) the
 * gradient ∇ℓ(f; z) = ω sin(ω(fᵀx − y))·x is α-Lipschitz with α = ω²·max‖x‖²; (A5') the Hessian
 * ∇²L_P(f) = ω²Σ_j μ_j cos(ω(fᵀx_j − y_j)) x_j x_jᵀ has |vᵀ∇²L_P(f)v| ≤ τ_op‖v‖² with
 * τ_op ≥ ω²λ_max(E xxᵀ) certified. Checked on random parameters and pairs, including pairs at
 * distance 10⁻⁶ (where the difference quotient nears the sup) and f = 0 (where a world with labels
 * at multiples of 2π/ω has cos = 1 at every point).
 */
interface PairInstance {
  world: SharpWorld;
  f: number[];
  step: number[];
  scale: number;
  j: number;
}

const pairArb: fc.Arbitrary<PairInstance> = sharpWorldArb.chain((world) =>
  fc.record({
    world: fc.constant(world),
    f: fc.oneof({ weight: 4, arbitrary: fc.array(gridReal(-3, 3, 2), { minLength: world.p, maxLength: world.p }) }, { weight: 1, arbitrary: fc.constant(Array.from({ length: world.p }, () => 0)) }),
    // a step along an input direction is where the Hessian's quadratic form peaks
    step: fc.oneof({ weight: 4, arbitrary: fc.array(gridReal(-1, 1, 2), { minLength: world.p, maxLength: world.p }) }, { weight: 1, arbitrary: fc.constantFrom(...world.xs) }),
    scale: fc.constantFrom(1, 1e-2, 1e-6),
    j: fc.integer({ min: 0, max: world.xs.length - 1 }),
  }),
);

/** f′ = f: both sides are 0. */
const zeroStep = (i: PairInstance) => (i.step.every((v) => v === 0) ? 'zero step: f′ = f (or v = 0), both sides 0' : null);

const pairSides = (what: 'lipschitz' | 'smooth', factor = 1) => <T>(F: Field<T>, i: PairInstance) => {
  const q = sharpQuantities(F, i.world);
  const f = i.f.map((v) => F.fromNumber(v));
  const g = i.f.map((v, k) => F.add(F.fromNumber(v), F.mul(F.fromNumber(i.scale), F.fromNumber(i.step[k]))));
  const dist = F.mul(F.fromNumber(i.scale), F.sqrt(sum(F, i.step.map((s) => F.square(F.fromNumber(s))))));
  const bd = lossConstants(F, i.world);
  // a zero input: ℓ(·; z_j) does not depend on f, the difference is exactly 0
  const constant = i.world.xs[i.j].every((v) => v === 0);
  if (what === 'lipschitz') return { lhs: constant ? F.fromNumber(0) : F.abs(F.sub(q.loss(f, i.j), q.loss(g, i.j))), rhs: F.mul(F.mul(F.fromNumber(factor), bd.L), dist) };
  // ‖∇ℓ(f) − ∇ℓ(g)‖ = ω|sin(ω r_f) − sin(ω r_g)|·‖x‖
  const x = i.world.xs[i.j], y = F.fromNumber(i.world.ys[i.j]), omega = F.fromNumber(i.world.omega);
  const s = (v: T[]) => F.sin(F.mul(omega, F.sub(sum(F, v.map((c, k) => F.mul(c, F.fromNumber(x[k])))), y)));
  const gradDiff = F.mul(F.mul(omega, F.abs(F.sub(s(f), s(g)))), F.sqrt(q.norm2[i.j]));
  return { lhs: gradDiff, rhs: F.mul(F.mul(F.fromNumber(factor), bd.alpha), dist) };
};

const classify = (i: PairInstance) => [`scale:${i.scale}`, `p:${i.world.p}`, i.f.every((v) => v === 0) ? 'f:0' : 'f:random'];

export const lipschitz = defineProperty<PairInstance>({
  id: 'KD-SH-ASSUMP/lipschitz',
  claim: 'KD-SH-ASSUMP',
  title: '(A3) |ℓ(f; z) − ℓ(f′; z)| ≤ L‖f − f′‖ with L = ω·max‖x‖ (the constant of Lemma 13)',
  relation: 'le',
  arbitrary: pairArb,
  sides: pairSides('lipschitz'),
  degenerate: zeroStep,
  headline: true,
  checks: '(A3) on random pairs. (A1) holds by construction (ℓ = 1 − cos ∈ [0, 2]); (A2) and the gradient bound g0 of (A4) hold by construction in the other properties, where κ and g0 are the largest values over neighbouring datasets and teacher outputs, enumerated on the instance.',
  classify,
  controls: [{ id: 'KD-SH-ASSUMP/lipschitz~three-quarters', description: '¾L in place of L', sides: pairSides('lipschitz', 0.75) }],
});

export const smooth = defineProperty<PairInstance>({
  id: 'KD-SH-ASSUMP/smoothness',
  claim: 'KD-SH-ASSUMP',
  title: '(A4) ‖∇ℓ(f; z) − ∇ℓ(f′; z)‖ ≤ α‖f − f′‖ with α = ω²·max‖x‖² (the constant of Lemmas 14–16)',
  relation: 'le',
  arbitrary: pairArb,
  seedKey: 'KD-SH-ASSUMP/lipschitz',
  sides: pairSides('smooth'),
  degenerate: zeroStep,
  classify,
  controls: [{ id: 'KD-SH-ASSUMP/smoothness~three-quarters', description: '¾α in place of α', sides: pairSides('smooth', 0.75) }],
});

/** vᵀ∇²L_P(f)v = ω²Σ_j μ_j cos(ω(fᵀx_j − y_j))(vᵀx_j)², against τ_op‖v‖². */
const curvatureSides = (factor = 1) => <T>(F: Field<T>, i: PairInstance, d: { tau: string }) => {
  const q = sharpQuantities(F, i.world);
  const f = i.f.map((v) => F.fromNumber(v));
  const v = i.step.map((c) => F.fromNumber(c));
  const form = sum(F, i.world.xs.map((x, j) => F.mul(F.mul(q.mu[j], F.sub(F.fromNumber(1), q.loss(f, j))), F.square(sum(F, x.map((c, k) => F.mul(F.fromNumber(c), v[k])))))));
  return { lhs: F.abs(F.mul(F.square(q.omega), form)), rhs: F.mul(F.mul(F.fromNumber(factor), F.fromString(d.tau)), sum(F, v.map((c) => F.square(c)))) };
};

export const curvature = defineProperty<PairInstance, { tau: string }>({
  id: 'KD-SH-ASSUMP/curvature',
  claim: 'KD-SH-ASSUMP',
  title: "(A5') |vᵀ∇²L_P(f)v| ≤ τ_op‖v‖² at any f, with τ_op ≥ ω²λ_max(E xxᵀ) certified (the constant of Lemma 16 and of ρ0)",
  relation: 'le',
  arbitrary: pairArb,
  seedKey: 'KD-SH-ASSUMP/lipschitz',
  establish: (i) => {
    const tau = worldTauOf(i.world);
    return { hypotheses: [{ name: 'τ_op ≥ ω²λ_max(E xxᵀ) certified (Jacobi at 60 digits, τ_op·I − ω²E xxᵀ positive definite)', established: tau !== null }], derived: { tau: tau ?? '0' } };
  },
  sides: curvatureSides(),
  degenerate: zeroStep,
  checks: "(A5') through the Hessian's quadratic form in the direction v (a lower bound of ‖∇²L_P(f)‖_op, so the room used is at most the share of τ_op that the operator norm uses); f ranges over all of ℝ^p, of which the ball B(f_T, ρ) is a part. Equality holds where cos = 1 at every point and v is a top eigenvector of E xxᵀ.",
  classify,
  controls: [{ id: 'KD-SH-ASSUMP/curvature~three-quarters', description: '¾τ_op in place of τ_op', sides: curvatureSides(0.75) }],
});

export const properties = [lipschitz, smooth, curvature];
