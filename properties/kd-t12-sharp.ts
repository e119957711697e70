import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { certify, precisionPolicy } from '../src/numerics/certify.ts';
import { DEFAULT_DIGITS } from '../src/engine/budget.ts';
import { defineProperty, type Established } from '../src/engine/property.ts';
import { sharpKdWorldArb } from '../src/gen/sharp-world.ts';
import { asSharpWorld, sharpKdQuantities, type SharpKdWorld } from '../src/sharp/kd-world.ts';
import { certifiedTopEigenvalue, curvatureBound } from '../src/sharp/tau-op.ts';

/**
 * Theorem 12 (statement from the seed text; proof and (42) reconstructed):
 *   gen_S ≤ gen_T + E_Δ[S_P(f_T)] + (σ_u + ν)·√(2K_n),
 * on exact distillation processes over sharpness worlds (src/sharp/kd-world.ts). Hypotheses are
 * established on the instance and certified:
 *   (ii) h_U and S_D are σ_u²-, ν²-sub-Gaussian under Δ: their enumerated bounded differences are
 *        within the constants of Lemmas 14 and 15, and McDiarmid gives the proxies;
 *   (42) E_Γ[S_P(f_S)] ≥ 0. Instances where (42) fails are counted in the report, and the probe
 *        "without (42)" checks the bound on them.
 */
type Q<T> = ReturnType<typeof sharpKdQuantities<T>>;
const policy = precisionPolicy(DEFAULT_DIGITS);
const holds = (f: <T>(F: Field<T>) => { lhs: T; rhs: T }) => ['holds', 'attained'].includes(certify(f, 'le', policy).verdict);

const hypothesisII = (w: SharpKdWorld) => ({
  name: '(ii) h_U, S_D sub-Gaussian with σ_u, ν under Δ (bounded differences within Lemmas 14–15, McDiarmid; certified)',
  established: holds((F) => {
    const q = sharpKdQuantities(F, w);
    const n = F.fromNumber(w.n), two = F.fromNumber(2);
    // bounded differences c give the proxy c√n/2: σ_u, ν are valid iff c_U ≤ 2σ_u/√n and c_S ≤ 2ν/√n
    const slackU = F.sub(F.div(F.mul(two, q.sigmaU), F.sqrt(n)), q.bd.bdHU);
    const slackS = F.sub(F.div(F.mul(two, q.nu), F.sqrt(n)), q.bd.bdS);
    return { lhs: F.fromNumber(0), rhs: F.min(slackU, slackS) };
  }),
});

const hypothesis42 = (w: SharpKdWorld) => ({
  name: '(42) E_Γ[S_P(f_S)] ≥ 0 (certified)',
  established: holds((F) => ({ lhs: F.fromNumber(0), rhs: sharpKdQuantities(F, w).sharpS })),
});

const establish = (w: SharpKdWorld): Established<undefined> => ({ hypotheses: [hypothesisII(w), hypothesis42(w)], derived: undefined });
const establishWithout42 = (w: SharpKdWorld): Established<undefined> => ({ hypotheses: [hypothesisII(w)], derived: undefined });

const bound = <T>(F: Field<T>, q: Q<T>, o: { sharpSign?: -1; root?: 'K' } = {}) => {
  const root = F.sqrt(o.root === 'K' ? q.Kn : F.mul(F.fromNumber(2), q.Kn));
  const sharp = o.sharpSign === -1 ? F.neg(q.sharpT) : q.sharpT;
  return F.add(F.add(q.genT, sharp), F.mul(F.add(q.sigmaU, q.nu), root));
};

const sides = (o: Parameters<typeof bound>[2] = {}) => <T>(F: Field<T>, w: SharpKdWorld) => {
  const q = sharpKdQuantities(F, w);
  return { lhs: q.genS, rhs: bound(F, q, o) };
};

export const t12 = defineProperty<SharpKdWorld>({
  id: 'KD-T12-SHARP-UPPER/bound',
  claim: 'KD-T12-SHARP-UPPER',
  title: 'gen_S ≤ gen_T + E_Δ[S_P(f_T)] + (σ_u + ν)√(2K_n) on exact distillation processes, with (ii) and (42) established',
  relation: 'le',
  arbitrary: sharpKdWorldArb,
  establish,
  sides: sides(),
  classify: (w) => [`relabel:${w.relabel.kind}`, `p:${w.p}`, `n:${w.n}`, `rho:${w.rho}`],
  controls: [
    { id: 'KD-T12-SHARP-UPPER/bound~sharpness-subtracted', description: 'E_Δ[S_P(f_T)] subtracted (h = h_U + S_P − S_D, a sign error)', sides: sides({ sharpSign: -1 }) },
  ],
  probes: [
    { id: 'KD-T12-SHARP-UPPER/bound~without-42', description: 'the bound on every instance, (42) not required', sides: sides(), establish: establishWithout42 },
    { id: 'KD-T12-SHARP-UPPER/bound~root-k', description: '(σ_u + ν)√K_n in place of √(2K_n)', sides: sides({ root: 'K' }) },
  ],
});

/**
 * KD-TIGHT-RHO0 on the same processes: where the sufficient condition ½τ_opρ² < (σ0 − σu − ν)√(2K_n)
 * holds (i.e. ρ < ρ0 for the instance's κ, L, g0, α, τ_op, K_n, n; certified), the sharpness-aware
 * bound with the true E_Δ[S_P] really is below the standard one: B_sh(ρ) < B_std. The report's
 * hypothesis count says on how many generated worlds the regime applies.
 */
const regimeCondition = (w: SharpKdWorld, shrink = 1) => {
  const tau = tauOf(w);
  return {
    name: `½τ_op(ρ/${shrink})² < (σ0 − σu(ρ/${shrink}) − ν(ρ/${shrink}))√(2K_n), i.e. ρ < ${shrink === 1 ? '' : shrink + '·'}ρ0 (certified; τ_op ≥ ω²λ_max(E xxᵀ) certified)`,
    established: tau !== null && holds((F) => {
      const q = sharpKdQuantities(F, { ...w, rho: w.rho / shrink });
      const rho = F.fromNumber(w.rho / shrink);
      const lhs = F.mul(F.mul(F.fromNumber(0.5), F.fromString(tau)), F.square(rho));
      const rhs = F.mul(F.sub(F.sub(q.sigma0, q.sigmaU), q.nu), F.sqrt(F.mul(F.fromNumber(2), q.Kn)));
      // strict: the advantage must be certified positive, not merely ≥ 0
      return { lhs: F.add(lhs, F.fromString('1e-30')), rhs };
    }),
  };
};

const tauOf = (w: SharpKdWorld) => certifiedTopEigenvalue((F) => curvatureBound(F, asSharpWorld(w)));

const regimeSides = <T>(F: Field<T>, w: SharpKdWorld) => {
  const q = sharpKdQuantities(F, w);
  const root = F.sqrt(F.mul(F.fromNumber(2), q.Kn));
  return { lhs: bound(F, q), rhs: F.add(q.genT, F.mul(q.sigma0, root)) };
};

export const concreteRegime = defineProperty<SharpKdWorld>({
  id: 'KD-TIGHT-RHO0/concrete',
  claim: 'KD-TIGHT-RHO0',
  title: 'on exact distillation processes with ρ < ρ0: B_sh(ρ) = gen_T + E_Δ[S_P] + (σu + ν)√(2K_n) < B_std = gen_T + σ0√(2K_n)',
  relation: 'le',
  // small radii: the regime ρ < ρ0 is where a flat teacher can pay off
  arbitrary: fc.record({ w: sharpKdWorldArb, rho: fc.constantFrom(1e-4, 1e-3, 0.01, 0.05) }).map(({ w, rho }) => ({ ...w, rho })),
  establish: (w) => ({ hypotheses: [regimeCondition(w)], derived: undefined }),
  sides: regimeSides,
  classify: (w) => [`relabel:${w.relabel.kind}`, `rho:${w.rho}`],
  controls: [
    { id: 'KD-TIGHT-RHO0/concrete~regime-doubled', description: 'B_sh(ρ) ≤ B_std claimed for ρ < 2ρ0', sides: regimeSides, establish: (w) => ({ hypotheses: [regimeCondition(w, 2)], derived: undefined }) },
  ],
});

export const properties = [t12, concreteRegime];
