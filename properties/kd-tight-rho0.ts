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
 * ρ = t·ρ0 on both sides of ρ0 and at ρ0 itself, for random constants with g0 < L and K_n > 0; and
 * the coefficient identity σ0 − σu − ν = (A0 − A1ρ − A2ρ²)/√n.
 */
interface RegimeInstance extends TightnessConstants {
  t: number;
}

const regimeArb: fc.Arbitrary<RegimeInstance> = fc.record({
  kappa: gridReal(0.1, 10, 2),
  L: gridReal(0.5, 5, 2),
  flat: fc.constantFrom(0, 0.1, 0.5, 0.9, 0.99),
  alpha: logReal(-2, 1),
  tau: logReal(-2, 2),
  Kn: logReal(-4, 1),
  n: fc.constantFrom(1, 10, 100, 1000, 100000),
  range: fc.constantFrom(1, 2),
  t: fc.constantFrom(1e-3, 0.1, 0.5, 0.9, 0.999, 1, 1.001, 1.1, 2, 10),
}).map(({ flat, ...c }) => ({ ...c, g0: c.L * flat }));

const establish = (c: RegimeInstance) => ({
  hypotheses: [
    { name: 'g0 < L (the teacher is locally flatter than the global Lipschitz constant), κ > 0: A0 > 0', established: c.g0 < c.L && c.kappa > 0 },
    { name: 'K_n > 0', established: c.Kn > 0 },
  ],
  derived: undefined,
});

/** The sign claim at ρ = tρ0 as a 'le' relation: 0 ≤ advantage below ρ0, advantage ≤ 0 above, both at ρ0. */
const regimeSides = (o: Parameters<typeof tightness>[2] = {}) => <T>(F: Field<T>, c: RegimeInstance) => {
  const claimed = tightness(F, c, o);
  const rho = F.mul(claimed.rho0, F.fromNumber(c.t));
  const adv = tightness(F, c).advantage(rho);
  const zero = F.fromNumber(0);
  return c.t <= 1 ? { lhs: zero, rhs: adv } : { lhs: adv, rhs: zero };
};

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

export const regime = defineProperty<RegimeInstance>({
  id: 'KD-TIGHT-RHO0/regime',
  claim: 'KD-TIGHT-RHO0',
  title: 'B_sh(ρ) < B_std exactly on (0, ρ0): the advantage is ≥ 0 at ρ = tρ0 for t ≤ 1 (0 at ρ0) and ≤ 0 for t > 1',
  relation: 'le',
  arbitrary: regimeArb,
  establish,
  sides: regimeSides(),
  classify: (c) => [`t:${c.t}`, `n:${c.n}`, c.g0 === 0 ? 'g0:0' : 'g0>0'],
  figures: [{ file: 'kd-tight-rho0.svg', caption: 'B_std and B_sh(ρ) (E[S_P] bounded by Lemma 16) against ρ for a representative instance; the curves cross at ρ0', render: regimeFigure }],
  controls: [
    { id: 'KD-TIGHT-RHO0/regime~tau-not-halved', description: 'ρ0 from τρ² in place of ½τρ²', sides: regimeSides({ tauFactor: 1 }) },
    { id: 'KD-TIGHT-RHO0/regime~a1-kappa-alpha', description: 'ρ0 with A1 = κα + g0 (the ½ακρ of ν dropped)', sides: regimeSides({ A1: 'kappa-alpha' }) },
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
  arbitrary: regimeArb,
  seedKey: 'KD-TIGHT-RHO0/regime',
  establish,
  sides: coefficientSides(),
  classify: (c) => [`n:${c.n}`],
  controls: [{ id: 'KD-TIGHT-RHO0/coefficients~a1-kappa-alpha', description: 'A1 = κα + g0', sides: coefficientSides({ A1: 'kappa-alpha' }) }],
});

export const properties = [regime, coefficients];
