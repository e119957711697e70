import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { gridReal, logReal } from '../src/gen/reals.ts';
import { tightness, type TightnessConstants } from '../src/sharp/tightness.ts';
import { doubleField } from '../src/numerics/double-field.ts';
import { lineChart } from '../src/report/svg-plot.ts';

/**
 * KD-TIGHT-RHO0 (structure from the seed text, coefficients derived): the flat-teacher advantage
 * B_std − B_sh(ρ) (E[S_P] bounded by Lemma 16) is positive exactly for 0 < ρ < ρ0. Checked at
 * ρ = t·ρ0 below ρ0 and at ρ0 itself (where it is 0), and above ρ0, for random constants with
 * g0 < L and K_n > 0; and the coefficient identity σ0 − σu − ν = (A0 − A1ρ − A2ρ²)/√n. The claim on
 * exact distillation processes (B_sh < B_std with the true E_Δ[S_P]) is KD-TIGHT-RHO0/concrete in
 * kd-t12-sharp.ts.
 */
interface RegimeInstance extends TightnessConstants {
  t: number;
}

const constantsArb = fc.record({
  kappa: gridReal(0.1, 10, 2),
  L: gridReal(0.5, 5, 2),
  flat: fc.constantFrom(0, 0.1, 0.5, 0.9, 0.99),
  alpha: logReal(-2, 1),
  tau: logReal(-2, 2),
  Kn: logReal(-4, 1),
  n: fc.constantFrom(1, 10, 100, 1000, 100000),
  range: fc.constantFrom(1, 2),
});

const regimeArb = (t: fc.Arbitrary<number>): fc.Arbitrary<RegimeInstance> => fc.record({ c: constantsArb, t }).map(({ c: { flat, ...c }, t }) => ({ ...c, g0: c.L * flat, t }));
const belowArb = regimeArb(fc.constantFrom(1e-3, 0.1, 0.5, 0.9, 0.999, 1));
const aboveArb = regimeArb(fc.constantFrom(1.001, 1.1, 2, 10));

const establish = (c: RegimeInstance) => ({
  hypotheses: [
    { name: 'g0 < L (the teacher is locally flatter than the global Lipschitz constant), κ > 0: A0 > 0', established: c.g0 < c.L && c.kappa > 0 },
    { name: 'K_n > 0', established: c.Kn > 0 },
  ],
  derived: undefined,
});

/**
 * At ρ = t·ρ0 (ρ0 as the variant computes it): lhs = the proxies' saving (σ0 − σu(ρ) − ν(ρ))√(2K_n),
 * rhs = Lemma 16's cost ½τρ². Below ρ0 the claim is saving ≥ cost, with base the saving at ρ = 0
 * (room used: the share of the flat-teacher saving the radius has used up, 1 at ρ0); above ρ0,
 * saving ≤ cost (base 0: room used = saving/cost).
 */
const regimeSides = (o: Parameters<typeof tightness>[2] & { rho0Factor?: number } = {}) => <T>(F: Field<T>, c: RegimeInstance) => {
  const claimed = tightness(F, c, o);
  const x = tightness(F, c);
  const rho = F.mul(F.mul(claimed.rho0, F.fromNumber(o.rho0Factor ?? 1)), F.fromNumber(c.t));
  const root = F.sqrt(F.mul(F.fromNumber(2), F.fromNumber(c.Kn)));
  const saving = (r: T) => F.mul(F.sub(F.sub(x.sigma0, x.sigmaU(r)), x.nu(r)), root);
  const cost = F.mul(F.mul(F.fromNumber(0.5), F.fromNumber(c.tau)), F.square(rho));
  return { lhs: saving(rho), rhs: cost, base: c.t <= 1 ? saving(F.fromNumber(0)) : undefined };
};

const regimeClassify = (c: RegimeInstance) => [`t:${c.t}`, `n:${c.n}`, c.g0 === 0 ? 'g0:0' : 'g0>0'];

/** A representative instance for the figure: B_std and B_sh(ρ) − gen_T against ρ, ρ0 marked. */
const REPRESENTATIVE: TightnessConstants = { kappa: 1, L: 2, g0: 0.5, alpha: 1, tau: 1, Kn: 0.5, n: 100, range: 2 };

function regimeFigure(): string {
  const F = doubleField, c = REPRESENTATIVE, t = tightness(F, c);
  const root = Math.sqrt(2 * c.Kn);
  const rhos = Array.from({ length: 101 }, (_, i) => (2 * t.rho0 * i) / 100);
  return lineChart({
    title: `B_std and B_sh(ρ) − gen_T (κ=${c.kappa}, L=${c.L}, g0=${c.g0}, α=${c.alpha}, τ_op=${c.tau}, K_n=${c.Kn}, n=${c.n})`,
    xLabel: 'ρ',
    yLabel: 'bound − gen_T',
    series: [
      { label: 'B_std', colour: '#1f77b4', points: rhos.map((r) => [r, t.sigma0 * root]) },
      { label: 'B_sh(ρ) with ½τ_opρ²', colour: '#d62728', points: rhos.map((r) => [r, 0.5 * c.tau * r * r + (t.sigmaU(r) + t.nu(r)) * root]) },
    ],
    markers: [{ x: t.rho0, label: `ρ0 = ${t.rho0.toPrecision(4)}` }],
  });
}

const figures = [{ file: 'kd-tight-rho0.svg', caption: 'B_std and B_sh(ρ) (E[S_P] bounded by Lemma 16) against ρ for a representative instance; the curves cross at ρ0', render: regimeFigure }];

export const below = defineProperty<RegimeInstance>({
  id: 'KD-TIGHT-RHO0/below-rho0',
  claim: 'KD-TIGHT-RHO0',
  title: 'for 0 < ρ ≤ ρ0 the sufficient condition holds: (σ0 − σu(ρ) − ν(ρ))√(2K_n) ≥ ½τ_opρ², with equality at ρ0',
  relation: 'ge',
  arbitrary: belowArb,
  seedKey: 'KD-TIGHT-RHO0/regime',
  establish,
  sides: regimeSides(),
  // ρ0 is the positive root: the saving equals the cost there (an algebraic identity)
  attains: (c) => (c.t === 1 ? 'ρ = ρ0, the positive root of (½τ + A2c_K)ρ² + A1c_Kρ − A0c_K' : null),
  checks: 'the algebra of the regime, for random constants with g0 < L and K_n > 0: the saving of the proxies against the cost of Lemma 16 at ρ = tρ0, t ≤ 1. Room: base the saving at ρ = 0, so room used = the share of the flat-teacher saving used up at ρ; 1 at ρ0 (the regime cannot be widened).',
  classify: regimeClassify,
  figures,
  controls: [
    { id: 'KD-TIGHT-RHO0/below-rho0~a1-kappa-alpha', description: 'ρ0 with A1 = κα + g0 (the ½ακρ of ν dropped)', sides: regimeSides({ A1: 'kappa-alpha' }) },
    { id: 'KD-TIGHT-RHO0/below-rho0~doubled', description: 'the regime claimed up to 2ρ0', sides: regimeSides({ rho0Factor: 2 }) },
  ],
});

export const above = defineProperty<RegimeInstance>({
  id: 'KD-TIGHT-RHO0/above-rho0',
  claim: 'KD-TIGHT-RHO0',
  title: 'for ρ > ρ0 the sufficient condition fails: (σ0 − σu(ρ) − ν(ρ))√(2K_n) ≤ ½τ_opρ²',
  relation: 'le',
  arbitrary: aboveArb,
  seedKey: 'KD-TIGHT-RHO0/above',
  establish,
  sides: regimeSides(),
  checks: 'the saving of the proxies against the cost of Lemma 16 at ρ = tρ0, t > 1 (room used: saving/cost, → 1 as ρ ↓ ρ0).',
  classify: regimeClassify,
  controls: [
    { id: 'KD-TIGHT-RHO0/above-rho0~tau-not-halved', description: 'ρ0 from τρ² in place of ½τρ²', sides: regimeSides({ tauFactor: 1 }) },
  ],
});

const coefficientSides = (o: Parameters<typeof tightness>[2] = {}) => <T>(F: Field<T>, c: RegimeInstance) => {
  const x = tightness(F, c, o);
  const rho = F.fromNumber(c.t);
  return { lhs: F.sub(F.sub(x.sigma0, x.sigmaU(rho)), x.nu(rho)), rhs: x.poly(rho) };
};

export const coefficients = defineProperty<RegimeInstance>({
  id: 'KD-TIGHT-RHO0/coefficients',
  claim: 'KD-TIGHT-RHO0',
  title: 'σ0 − σu(ρ) − ν(ρ) = (A0 − A1ρ − A2ρ²)/√n with A0 = κ(L − g0), A1 = 3κα/2 + g0, A2 = α/2',
  relation: 'eq',
  arbitrary: belowArb,
  seedKey: 'KD-TIGHT-RHO0/regime',
  establish,
  sides: coefficientSides(),
  classify: (c) => [`n:${c.n}`],
  controls: [{ id: 'KD-TIGHT-RHO0/coefficients~a1-kappa-alpha', description: 'A1 = κα + g0', sides: coefficientSides({ A1: 'kappa-alpha' }) }],
});

export const properties = [below, above, coefficients];
