import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { sum } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { spdOf } from '../src/gen/matrices.ts';
import { gridReal } from '../src/gen/reals.ts';
import { sharpWorldArb } from '../src/gen/sharp-world.ts';
import { lift, trace } from '../src/linalg/matrix.ts';
import { ballSecondMoment } from '../src/sharp/ball.ts';
import { certifiedTopEigenvalue, curvatureBound } from '../src/sharp/tau-op.ts';
import { datasets, sharpQuantities, type SharpWorld } from '../src/sharp/world.ts';

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

const quadEstablish = (i: QuadInstance) => {
  const tau = certifiedTopEigenvalue((F) => lift(F, i.H));
  return { hypotheses: [{ name: "(A5') τ_op ≥ λ_max(∇²L_P) (certified: τ_op·I − H positive definite)", established: tau !== null }], derived: { tau: tau ?? '0' } };
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
  classify: quadClassify,
  controls: [{ id: 'KD-L16-SHARP/tight-constant~p-plus-3', description: 'the factor p/(p+3) in place of p/(p+2)', sides: quadSides('tight-p-plus-3') }],
});

/** The cosine world: E_D[S_P(A(D))] with exact ball averages, against ½τ_opρ², τ_op ≥ ω²λ_max(Σ μ_j x_j x_jᵀ). */
const expectedSharpness = <T>(F: Field<T>, w: SharpWorld) => {
  const q = sharpQuantities(F, w);
  const LP = q.population(q.loss), LPU = q.population(q.smoothedLoss);
  return sum(F, datasets(w).map((D) => {
    const f = q.teacher(D);
    const weight = D.reduce((acc, j) => F.mul(acc, q.mu[j]), F.fromNumber(1));
    return F.mul(weight, F.sub(LPU(f), LP(f)));
  }));
};

const cosineSides = (scale: number, rhoLinear = false) => <T>(F: Field<T>, w: SharpWorld, d: TauDerived) => {
  const rho = F.fromNumber(w.rho);
  return { lhs: expectedSharpness(F, w), rhs: F.mul(F.mul(F.fromNumber(scale), F.fromString(d.tau)), rhoLinear ? rho : F.square(rho)) };
};

export const l16Cosine = defineProperty<SharpWorld, TauDerived>({
  id: 'KD-L16-SHARP/cosine-world',
  claim: 'KD-L16-SHARP',
  title: 'the cosine-loss world: E_D[S_P(A(D))] (exact ball averages, every dataset) ≤ ½τ_opρ²',
  relation: 'le',
  arbitrary: sharpWorldArb,
  seedKey: 'sharpness/worlds',
  establish: (w) => {
    const tau = certifiedTopEigenvalue((F) => curvatureBound(F, w));
    return { hypotheses: [{ name: "(A5') τ_op ≥ ω²λ_max(E x xᵀ) ≥ sup ‖∇²L_P‖_op (certified)", established: tau !== null }], derived: { tau: tau ?? '0' } };
  },
  sides: cosineSides(0.5),
  classify: (w) => [`p:${w.p}`, `rho:${w.rho}`, `omega:${w.omega}`],
  controls: [{ id: 'KD-L16-SHARP/cosine-world~eighth', description: '⅛τ_opρ² in place of ½τ_opρ²', sides: cosineSides(0.125) }],
});

export const properties = [l16Quadratic, l16Tight, l16Cosine];
