import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { certifiedSign, certify, precisionPolicy } from '../src/numerics/certify.ts';
import { doubleField } from '../src/numerics/double-field.ts';
import { DEFAULT_DIGITS } from '../src/engine/budget.ts';
import { memoByJson } from '../src/engine/memo.ts';
import { defineProperty, type Established, type HypothesisCheck } from '../src/engine/property.ts';
import { certifiedProxyOfLaw, rangeProxy, type LawProxy } from '../src/prob/law-proxy.ts';
import { intervalDoubleField } from '../src/numerics/interval-double-field.ts';
import { sharpKdWorldArb } from '../src/gen/sharp-world.ts';
import { asSharpWorld, channelIsTruth, sharpKdQuantities, type SharpKdQuantities, type SharpKdWorld } from '../src/sharp/kd-world.ts';
import { worldTauOf } from '../src/sharp/tau-op.ts';
import { tightness } from '../src/sharp/tightness.ts';
import { LOSS_RANGE } from '../src/sharp/world.ts';

/**
 * Theorem 12 (statement from the seed text; proof and (42) reconstructed):
 *   gen_S ≤ gen_T + E_Δ[S_P(f_T)] + (σ_u + ν)·√(2K_n),
 * on exact distillation processes over sharpness worlds (src/sharp/kd-world.ts). Hypotheses are
 * established on the instance and certified:
 *   (ii) h_U and S_D are σ_u²-, ν²-sub-Gaussian under Δ: either the certified best proxies of
 *        their exact laws (branch and bound), or the proxies of Lemmas 14 and 15 (their
 *        enumerated bounded differences are within the lemmas' constants, McDiarmid);
 *   (42) E_Γ[S_P(f_S)] ≥ 0. Instances where (42) fails are counted in the report, and the probe
 *        "without (42)" checks the bound on every world with K_n > 0.
 * The room is what the divergence term adds: base gen_T + E_Δ[S_P(f_T)], so room used =
 * (gen_S − gen_T − E_Δ[S_P])/((σ_u + ν)√(2K_n)). Relabelled by the true channel, Γ = Δ and
 * K_n = 0 exactly: no room, a degenerate instance (the bound is then (42) itself).
 */
const policy = precisionPolicy(DEFAULT_DIGITS);
const holds = (f: <T>(F: Field<T>) => { lhs: T; rhs: T }) => ['holds', 'attained'].includes(certify(f, 'le', policy).verdict);

// within 1e-3 of the optimum (a valid upper end either way): the two proxies are most of a world's cost
const PROXY_TOLERANCE = { rtol: 1e-3, maxPieces: 300 };
const CONSTANT: LawProxy = { sigma2: '0', sigma2Lo: '0', route: 'constant', context: 'exact', argmax: 1 };

/**
 * The certified best proxies σ_u*², ν*² of h_U(D, f_T) and S_D(f_T) under Δ, once per world; 0 where
 * the loss is one constant (both laws are point masses by construction).
 */
const bestProxies = memoByJson((w: SharpKdWorld): Proxies => {
  if (constantLoss(w) !== null) return { hu: CONSTANT, s: CONSTANT };
  // Γ = Δ: the bound has no room and no proxy enters it; Hoeffding's proxies of the ranges establish (ii)
  if (channelIsTruth(w)) return { hu: rangeProxy((F) => sharpKdQuantities(F, w).lawHU, intervalDoubleField as Field<unknown>), s: rangeProxy((F) => sharpKdQuantities(F, w).lawS, intervalDoubleField as Field<unknown>) };
  return { hu: certifiedProxyOfLaw((F) => sharpKdQuantities(F, w).lawHU, PROXY_TOLERANCE), s: certifiedProxyOfLaw((F) => sharpKdQuantities(F, w).lawS, PROXY_TOLERANCE) };
});

interface Proxies {
  hu: LawProxy;
  s: LawProxy;
}

const proxyDetail = (p: LawProxy) => `${p.route} ${p.sigma2.slice(0, 12)} (${p.context})`;

const hypothesisBest = (p: Proxies): HypothesisCheck => ({
  name: '(ii) h_U, S_D σ_u*²-, ν*²-sub-Gaussian under Δ (certified best proxies of their exact laws, branch and bound; Hoeffding where Γ = Δ)',
  established: true,
  detail: `σ_u*² ≤ ${proxyDetail(p.hu)}, ν*² ≤ ${proxyDetail(p.s)}`,
});

const hypothesisLemmas = (w: SharpKdWorld): HypothesisCheck => ({
  name: '(ii) h_U, S_D sub-Gaussian with σ_u, ν of Lemmas 14–15 under Δ (bounded differences within the lemmas, McDiarmid; certified)',
  established: holds((F) => {
    const q = sharpKdQuantities(F, w);
    const n = F.fromNumber(w.n), two = F.fromNumber(2);
    // bounded differences c give the proxy c√n/2: σ_u, ν are valid iff c_U ≤ 2σ_u/√n and c_S ≤ 2ν/√n
    const slackU = F.sub(F.div(F.mul(two, q.sigmaU), F.sqrt(n)), q.bd.bdHU);
    const slackS = F.sub(F.div(F.mul(two, q.nu), F.sqrt(n)), q.bd.bdS);
    return { lhs: F.fromNumber(0), rhs: F.min(slackU, slackS) };
  }),
});

const hypothesis42 = (w: SharpKdWorld): HypothesisCheck => ({
  name: '(42) E_Γ[S_P(f_S)] ≥ 0 (certified)',
  established: holds((F) => ({ lhs: F.fromNumber(0), rhs: sharpKdQuantities(F, w).sharpS })),
});

/** For the probe without (42): only worlds with K_n > 0 (certified), where the bound has room; with Γ = Δ it is (42) itself. */
const hypothesisRoom = (w: SharpKdWorld): HypothesisCheck => ({
  name: 'K_n > 0 (certified): the divergence term has room',
  established: certifiedSign((F) => sharpKdQuantities(F, w).Kn, policy) === 1,
});

const establishBest = (w: SharpKdWorld, with42 = true): Established<Proxies> => {
  const p = bestProxies(w);
  return { hypotheses: [hypothesisBest(p), with42 ? hypothesis42(w) : hypothesisRoom(w)], derived: p };
};
const establishLemmas = (w: SharpKdWorld, with42 = true): Established<undefined> => ({ hypotheses: [hypothesisLemmas(w), with42 ? hypothesis42(w) : hypothesisRoom(w)], derived: undefined });

/** σ_u + ν in F: the best proxies (from their certified upper ends) or the lemmas' constants. */
type ProxySum<D> = <T>(F: Field<T>, q: SharpKdQuantities<T>, d: D) => T;
const bestSum: ProxySum<Proxies> = (F, _q, d) => F.add(F.sqrt(F.fromString(d.hu.sigma2)), F.sqrt(F.fromString(d.s.sigma2)));
const huOnly: ProxySum<Proxies> = (F, _q, d) => F.sqrt(F.fromString(d.hu.sigma2));
const lemmaSum: ProxySum<undefined> = (F, q) => F.add(q.sigmaU, q.nu);

interface Variant {
  sharpSign?: -1;
  root?: 'K';
  dropK?: boolean;
}

const sides = <D>(proxy: ProxySum<D>, o: Variant = {}) => <T>(F: Field<T>, w: SharpKdWorld, d: D) => {
  const q = sharpKdQuantities(F, w);
  const base = F.add(q.genT, q.sharpT);
  const root = F.sqrt(o.root === 'K' ? q.Kn : F.mul(F.fromNumber(2), q.Kn));
  const lead = o.sharpSign === -1 ? F.sub(q.genT, q.sharpT) : base;
  // K_n = 0 by construction (Γ = Δ): the bound is its base, no room
  const noRoom = o.dropK || F.sign(q.Kn) === 0;
  // (no trivial bound where there is no room: such an instance is degenerate, not vacuous)
  return noRoom ? { lhs: q.genS, rhs: lead, base } : { lhs: q.genS, rhs: F.add(lead, F.mul(proxy(F, q, d), root)), base, trivial: q.hMax };
};

/**
 * Identities by construction. Every input 0 makes the loss independent of f (S ≡ 0, a constant
 * teacher); with the true channel, Γ = Δ (K_n = 0) and the bound reads gen_S ≤ gen_T = gen_S.
 * With every label at the same |y| as well, the loss is one constant, h ≡ 0 and the best proxies
 * are 0: the bound reads 0 ≤ 0 (the lemmas' σ_u ≥ (b − a)/(2√n) make it vacuous there instead).
 */
const inputsZero = (w: SharpKdWorld) => w.inputs.every((x) => x.every((v) => v === 0));
function constantLoss(w: SharpKdWorld): string | null {
  return inputsZero(w) && w.labels.every((y) => Math.abs(y) === Math.abs(w.labels[0])) ? 'every input 0 and every label at the same |y|: the loss is one constant, h ≡ 0 and S ≡ 0' : null;
}
const trueChannelFlat = (w: SharpKdWorld) => (inputsZero(w) && channelIsTruth(w) ? 'every input 0 (S ≡ 0) and the true channel (Γ = Δ, K_n = 0): the bound is gen_S ≤ gen_T = gen_S' : null);

const classify = (w: SharpKdWorld) => [`relabel:${w.relabel.kind}`, `p:${w.p}`, `n:${w.n}`, `rho:${w.rho}`, inputsZero(w) ? 'inputs:all-zero' : 'inputs:some-nonzero'];

export const t12 = defineProperty<SharpKdWorld, Proxies>({
  id: 'KD-T12-SHARP-UPPER/best-proxies',
  claim: 'KD-T12-SHARP-UPPER',
  title: 'gen_S ≤ gen_T + E_Δ[S_P(f_T)] + (σ_u* + ν*)√(2K_n) on exact distillation processes, σ_u*², ν*² the certified best proxies of h_U and S_D under Δ, (42) established',
  relation: 'le',
  arbitrary: sharpKdWorldArb,
  establish: (w) => establishBest(w),
  sides: sides(bestSum),
  degenerate: (w) => constantLoss(w) ?? trueChannelFlat(w),
  headline: true,
  checks: 'gen_S ≤ gen_T + E_Δ[S_P(f_T)] + (σ_u* + ν*)√(2K_n) with (ii) satisfied by the smallest constants (the best proxies of the exact laws of h_U and S_D under Δ), so the room used is the theorem\'s, not the lemmas\' proxies\'. Room: base gen_T + E_Δ[S_P(f_T)] (exact), so room used = the share of the divergence term (σ_u* + ν*)√(2K_n) that gen_S − gen_T − E_Δ[S_P] uses; vacuous when the bound reaches max_D h(D, A(D)). Deterministic ridge teacher and student: the algorithm shift is 0 and K_n = KL(Γ_D̂‖μⁿ).',
  classify,
  controls: [
    { id: 'KD-T12-SHARP-UPPER/best-proxies~sharpness-subtracted', description: 'E_Δ[S_P(f_T)] subtracted (h = h_U + S_P − S_D, a sign error)', sides: sides(bestSum, { sharpSign: -1 }) },
    { id: 'KD-T12-SHARP-UPPER/best-proxies~dropped-k', description: 'the divergence term dropped: gen_S ≤ gen_T + E_Δ[S_P(f_T)]', sides: sides(bestSum, { dropK: true }) },
  ],
  probes: [
    { id: 'KD-T12-SHARP-UPPER/best-proxies~without-42', description: 'the bound where K_n > 0, (42) not required', sides: sides(bestSum), establish: (w) => establishBest(w, false) },
    { id: 'KD-T12-SHARP-UPPER/best-proxies~root-k', description: '(σ_u* + ν*)√K_n in place of √(2K_n) (refuted where the room used exceeds 1/√2)', sides: sides(bestSum, { root: 'K' }) },
    { id: 'KD-T12-SHARP-UPPER/best-proxies~without-nu', description: 'σ_u*√(2K_n) alone: the proxy of S_D dropped', sides: sides(huOnly) },
  ],
});

export const t12Lemmas = defineProperty<SharpKdWorld>({
  id: 'KD-T12-SHARP-UPPER/lemma-proxies',
  claim: 'KD-T12-SHARP-UPPER',
  title: 'the same bound with σ_u, ν of Lemmas 14–15 (σ_u ≥ (b − a)/(2√n)), (ii) and (42) established',
  relation: 'le',
  arbitrary: sharpKdWorldArb,
  establish: (w) => establishLemmas(w),
  sides: sides(lemmaSum),
  degenerate: trueChannelFlat,
  classify,
  controls: [
    { id: 'KD-T12-SHARP-UPPER/lemma-proxies~sharpness-subtracted', description: 'E_Δ[S_P(f_T)] subtracted (h = h_U + S_P − S_D, a sign error)', sides: sides(lemmaSum, { sharpSign: -1 }) },
  ],
  probes: [
    { id: 'KD-T12-SHARP-UPPER/lemma-proxies~without-42', description: 'the bound where K_n > 0, (42) not required', sides: sides(lemmaSum), establish: (w) => establishLemmas(w, false) },
  ],
});

/**
 * KD-TIGHT-RHO0 on the same processes: where the sufficient condition ½τ_opρ² < (σ0 − σu − ν)√(2K_n)
 * holds (i.e. ρ < ρ0 for the instance's κ, L, g0, α, τ_op, K_n, n; certified), the sharpness-aware
 * bound with the true E_Δ[S_P] really is below the standard one: B_sh(ρ) < B_std. The generator
 * places ρ at t·ρ0 of the world (ρ0 from its constants in doubles, t < 1 mostly, some t in (1, 2) for
 * the control), so most worlds are in the regime; the hypothesis is certified on each.
 */
const tauOf = (w: SharpKdWorld) => worldTauOf(asSharpWorld(w));

const regimeCondition = (w: SharpKdWorld, shrink = 1): HypothesisCheck => {
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

/** ρ0 of the world from its constants (κ, L, g0, α, K_n do not depend on ρ), in doubles; NaN outside the regime's hypotheses. */
function rho0Of(w: SharpKdWorld): number {
  const tau = tauOf(w);
  const q = sharpKdQuantities(doubleField, w);
  const c = { kappa: q.bd.kappa, L: q.bd.L, g0: q.bd.g0, alpha: q.bd.alpha, tau: tau === null ? NaN : Number(tau), Kn: q.Kn, n: w.n, range: LOSS_RANGE.b - LOSS_RANGE.a };
  if (!(c.kappa > 0 && c.g0 < c.L && c.Kn > 0 && c.tau > 0)) return NaN;
  return tightness(doubleField, c).rho0;
}

const regimeArb: fc.Arbitrary<SharpKdWorld> = fc
  .record({
    w: sharpKdWorldArb.filter((w) => w.relabel.kind !== 'truth'),
    t: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1e-3, 0.1, 0.5, 0.9, 0.99, 0.999) }, { weight: 1, arbitrary: fc.constantFrom(1.01, 1.5, 1.9) }),
    fallback: fc.constantFrom(1e-4, 1e-3, 0.01, 0.05),
  })
  .map(({ w, t, fallback }) => {
    const rho0 = rho0Of(w);
    return { ...w, rho: Number.isFinite(rho0) && rho0 > 0 ? t * rho0 : fallback };
  });

const regimeSides = <T>(F: Field<T>, w: SharpKdWorld) => {
  const q = sharpKdQuantities(F, w);
  const root = F.sqrt(F.mul(F.fromNumber(2), q.Kn));
  const bSh = F.add(F.add(q.genT, q.sharpT), F.mul(F.add(q.sigmaU, q.nu), root));
  return { lhs: bSh, rhs: F.add(q.genT, F.mul(q.sigma0, root)), base: q.genT };
};

export const concreteRegime = defineProperty<SharpKdWorld>({
  id: 'KD-TIGHT-RHO0/concrete',
  claim: 'KD-TIGHT-RHO0',
  title: 'on exact distillation processes with ρ < ρ0: B_sh(ρ) = gen_T + E_Δ[S_P] + (σu + ν)√(2K_n) < B_std = gen_T + σ0√(2K_n)',
  relation: 'lt',
  // a strict comparison of two bounds with room to measure: how much of B_std's divergence term B_sh keeps
  bound: true,
  arbitrary: regimeArb,
  establish: (w) => ({ hypotheses: [regimeCondition(w)], derived: undefined }),
  sides: regimeSides,
  headline: true,
  checks: 'B_sh(ρ) < B_std strictly, with the true E_Δ[S_P(f_T)] and the proxies σ0, σu, ν of Lemmas 13–15, on worlds where the sufficient condition (ρ < ρ0) is certified. Room: base gen_T, so room used = (E_Δ[S_P] + (σu + ν)√(2K_n))/(σ0√(2K_n)), the share of the standard bound\'s divergence term the sharpness-aware bound keeps (< 1 is the claim).',
  classify: (w) => [`relabel:${w.relabel.kind}`, `p:${w.p}`, `n:${w.n}`],
  controls: [
    { id: 'KD-TIGHT-RHO0/concrete~regime-doubled', description: 'B_sh(ρ) < B_std claimed for ρ < 2ρ0', sides: regimeSides, establish: (w) => ({ hypotheses: [regimeCondition(w, 2)], derived: undefined }) },
  ],
});

export const properties = [t12, t12Lemmas, concreteRegime];
