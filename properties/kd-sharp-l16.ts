import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { sum } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { spdOf } from '../src/gen/matrices.ts';
import { gridReal } from '../src/gen/reals.ts';
import { sharpWorldArb } from '../src/gen/sharp-world.ts';
import { lift, trace } from '../src/linalg/matrix.ts';
import { ballSecondMoment } from '../src/sharp/ball.ts';
import { certifiedTopEigenvalue, worldTauOf } from '../src/sharp/tau-op.ts';
import { expectedSharpness, type SharpWorld } from '../src/sharp/world.ts';
import { memoByContext } from '../src/engine/memo.ts';
import { exactDecimalString } from '../src/numerics/exact.ts';

/**
 * Lemma 16 (seed text): E[S_P(f_T)] ≤ ½τ_op ρ², τ_op a bound on ‖∇²L_P‖_op over the ρ-ball.
 * Quadratic L_P with Hessian H: S_P(f) = ½E UᵀHU = ρ² tr H/(2(p+2)) exactly, for every f, since
 * E UUᵀ = ρ²/(p+2)·I on the ball; so the lemma's slack factor is (p+2)λ_max/tr H ≥ (p+2)/p and the
 * tight constant is ½τ_opρ²·p/(p+2), attained by isotropic H (the catalogue's flag).
 * τ_op is a certified u ≥ λ_max (see src/sharp/tau-op.ts), established on the instance.
 */
interface QuadInstance {
  H: number[][];
  kind: 'isotropic' | 'random';
  rho: number;
}

const quadArb: fc.Arbitrary<QuadInstance> = fc.record({ p: fc.integer({ min: 1, max: 3 }), rho: fc.oneof(gridReal(0, 1, 2), fc.constantFrom(2, 5, 1e-3)) }).chain(({ p, rho }) =>
  fc.oneof(
    fc.integer({ min: 1, max: 50 }).map((c) => ({ H: Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? c / 10 : 0))), kind: 'isotropic' as const, rho })),
    spdOf(p).map((s) => ({ H: s.matrix, kind: 'random' as const, rho })),
  ),
);

interface TauDerived {
  tau: string;
}

/** ρ = 0: no perturbation, S_P = 0 = ½τ_opρ². */
const rhoZero = (rho: number) => (rho === 0 ? 'ρ = 0: S_P = 0 and the bound is 0' : null);

const quadEstablish = (i: QuadInstance) => {
  // an isotropic H = cI has λ_max = c exactly; otherwise a certified u ≥ λ_max
  const tau = i.kind === 'isotropic' ? exactDecimalString(i.H[0][0]) : certifiedTopEigenvalue((F) => lift(F, i.H));
  return { hypotheses: [{ name: "(A5') τ_op ≥ λ_max(∇²L_P) (certified: τ_op·I − H positive definite; exact for H = cI)", established: tau !== null }], derived: { tau: tau ?? '0' } };
};

type QuadVariant = 'lemma' | 'tight' | 'quarter' | 'rho-linear' | 'tight-p-plus-3';
const quadSides = (v: QuadVariant) => <T>(F: Field<T>, i: QuadInstance, d: TauDerived) => {
  const p = i.H.length;
  const rho = F.fromNumber(i.rho);
  const sharpness = F.div(F.mul(ballSecondMoment(F, rho, p), trace(F, lift(F, i.H))), F.fromNumber(2));
  const tau = F.fromString(d.tau);
  const rhoPow = v === 'rho-linear' ? rho : F.square(rho);
  const c = v === 'quarter' ? F.fromNumber(0.25) : F.fromNumber(0.5);
  const factor = v === 'tight' ? F.div(F.fromNumber(p), F.fromNumber(p + 2)) : v === 'tight-p-plus-3' ? F.div(F.fromNumber(p), F.fromNumber(p + 3)) : F.fromNumber(1);
  return { lhs: sharpness, rhs: F.mul(F.mul(F.mul(c, tau), rhoPow), factor) };
};

const quadClassify = (i: QuadInstance) => [`p:${i.H.length}`, `hessian:${i.kind}`, i.rho > 1 ? 'rho>1' : 'rho≤1'];

export const l16Quadratic = defineProperty<QuadInstance, TauDerived>({
  id: 'KD-L16-SHARP/quadratic',
  claim: 'KD-L16-SHARP',
  title: 'quadratic L_P: E[S_P] = ρ² tr H/(2(p+2)) ≤ ½τ_opρ²',
  relation: 'le',
  arbitrary: quadArb,
  seedKey: 'KD-L16-SHARP/quadratic',
  establish: quadEstablish,
  sides: quadSides('lemma'),
  degenerate: (i) => rhoZero(i.rho),
  checks: 'S_P(f) = ½E UᵀHU = ρ² tr H/(2(p+2)) for every f (E UUᵀ = ρ²I/(p+2) on the ball), against ½τ_opρ². Structural ceiling: room used = tr H/((p+2)τ_op) ≤ p/(p+2) (1/3, 1/2, 3/5 for p = 1, 2, 3), reached by isotropic H; the sharpened constant is KD-L16-SHARP/tight-constant.',
  classify: quadClassify,
  breakdown: {
    reference: 'E[S_P]',
    terms: ['½τ_opρ²'],
    bound: '½τ_opρ² (the lemma)',
    family: (i) => `p = ${i.H.length}, ${i.kind} Hessian`,
    values: (i, d) => {
      const p = i.H.length, tr = i.H.reduce((s, r, k) => s + r[k], 0);
      const lemma = 0.5 * Number(d.tau) * i.rho ** 2;
      return { 'E[S_P]': (i.rho ** 2 * tr) / (2 * (p + 2)), '½τ_opρ²': lemma, bound: lemma };
    },
  },
  controls: [
    { id: 'KD-L16-SHARP/quadratic~quarter', description: '¼τ_opρ² in place of ½τ_opρ²', sides: quadSides('quarter') },
    { id: 'KD-L16-SHARP/quadratic~rho-linear', description: 'ρ for ρ²: ½τ_opρ', sides: quadSides('rho-linear') },
  ],
});

export const l16Tight = defineProperty<QuadInstance, TauDerived>({
  id: 'KD-L16-SHARP/tight-constant',
  claim: 'KD-L16-SHARP',
  title: "the catalogue's sharpened form E[S_P] ≤ ½τ_opρ²·p/(p+2), attained by isotropic Hessians (so the lemma is loose by (p+2)/p at best)",
  relation: 'le',
  arbitrary: quadArb,
  seedKey: 'KD-L16-SHARP/quadratic',
  establish: quadEstablish,
  sides: quadSides('tight'),
  degenerate: (i) => rhoZero(i.rho),
  // the analytic identity ρ²·pc/(2(p+2)) = ½cρ²·p/(p+2) for H = cI (τ_op = c exactly)
  attains: (i) => (i.kind === 'isotropic' ? 'isotropic H = cI: E[S_P] = ρ²pc/(2(p+2)) = ½τ_opρ²·p/(p+2) with τ_op = c' : null),
  classify: quadClassify,
  controls: [{ id: 'KD-L16-SHARP/tight-constant~p-plus-3', description: 'the factor p/(p+3) in place of p/(p+2)', sides: quadSides('tight-p-plus-3') }],
});

/** E_D[S_P(A(D))] on a cosine world, once per (context, world): the lemma and its sharpened form share it. */
const cachedExpectedSharpness = memoByContext(expectedSharpness);

const cosineSides = (scale: number, factor: 'lemma' | 'sharpened' | 'p-plus-3' = 'lemma') => <T>(F: Field<T>, w: SharpWorld, d: TauDerived) => {
  const rho = F.fromNumber(w.rho), p = w.p;
  const shrink = factor === 'sharpened' ? F.div(F.fromNumber(p), F.fromNumber(p + 2)) : factor === 'p-plus-3' ? F.div(F.fromNumber(p), F.fromNumber(p + 3)) : F.fromNumber(1);
  return { lhs: cachedExpectedSharpness(F, w), rhs: F.mul(F.mul(F.mul(F.fromNumber(scale), F.fromString(d.tau)), F.square(rho)), shrink) };
};

const cosineEstablish = (w: SharpWorld) => {
  const tau = worldTauOf(w);
  return { hypotheses: [{ name: "(A5') τ_op ≥ ω²λ_max(E x xᵀ) ≥ sup ‖∇²L_P‖_op (certified)", established: tau !== null }], derived: { tau: tau ?? '0' } };
};

/** Every input 0: the loss does not depend on f, S_P ≡ 0 and ∇²L_P ≡ 0. */
const zeroInputs = (w: SharpWorld) => (w.xs.every((x) => x.every((v) => v === 0)) ? 'every input 0: the loss does not depend on f, S_P ≡ 0 = τ_op' : null);

const cosineClassify = (w: SharpWorld) => [`p:${w.p}`, `rho:${w.rho}`, `omega:${w.omega}`, w.lambda >= 100 ? 'resonant' : 'random'];

export const l16Cosine = defineProperty<SharpWorld, TauDerived>({
  id: 'KD-L16-SHARP/cosine-world',
  claim: 'KD-L16-SHARP',
  title: 'the cosine-loss world: E_D[S_P(A(D))] (exact ball averages, every dataset) ≤ ½τ_opρ²',
  relation: 'le',
  arbitrary: sharpWorldArb,
  seedKey: 'sharpness/worlds',
  establish: cosineEstablish,
  sides: cosineSides(0.5),
  degenerate: zeroInputs,
  headline: true,
  checks: 'E_D[S_P(A(D))] over every dataset, with the exact ball averages, against ½τ_opρ² with τ_op ≥ ω²λ_max(E xxᵀ) certified (|cos| ≤ 1 makes it bound ‖∇²L_P‖_op everywhere). Structural ceiling: S_P(f) = Σ_j μ_j cos(ω(fᵀx_j − y_j))(1 − φ_p(ωρ‖x_j‖)) ≤ ρ² tr(ω²E xxᵀ)/(2(p+2)) ≤ ½τ_opρ²·p/(p+2), so the room used is at most p/(p+2) (1/3, 1/2, 3/5 for p = 1, 2, 3); the sharpened constant is checked in KD-L16-SHARP/cosine-sharpened.',
  classify: cosineClassify,
  controls: [{ id: 'KD-L16-SHARP/cosine-world~eighth', description: '⅛τ_opρ² in place of ½τ_opρ²', sides: cosineSides(0.125) }],
});

export const l16CosineSharpened = defineProperty<SharpWorld, TauDerived>({
  id: 'KD-L16-SHARP/cosine-sharpened',
  claim: 'KD-L16-SHARP',
  title: 'the cosine-loss world against the sharpened constant: E_D[S_P(A(D))] ≤ ½τ_opρ²·p/(p+2)',
  relation: 'le',
  arbitrary: sharpWorldArb,
  seedKey: 'sharpness/worlds',
  establish: cosineEstablish,
  sides: cosineSides(0.5, 'sharpened'),
  degenerate: zeroInputs,
  checks: 'the lemma with its structural ceiling p/(p+2) taken out: approached (never attained: 1 − φ_p(s) < s²/(2(p+2)) for s > 0) as ρ → 0 by teachers that fit every point (cos = 1) on inputs with isotropic E xxᵀ.',
  classify: cosineClassify,
  controls: [{ id: 'KD-L16-SHARP/cosine-sharpened~p-plus-3', description: 'the factor p/(p+3) in place of p/(p+2)', sides: cosineSides(0.5, 'p-plus-3') }],
});

export const properties = [l16Cosine, l16CosineSharpened, l16Quadratic, l16Tight];
