import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty, type Established } from '../src/engine/property.ts';
import { certifiedSign, precisionPolicy } from '../src/numerics/certify.ts';
import { InsufficientPrecision } from '../src/numerics/insufficient-precision.ts';
import { doubleField } from '../src/numerics/double-field.ts';
import { centralWorldArb, classifyWorld, type WorldInstance } from '../src/gen/world.ts';
import { gridReal, logReal } from '../src/gen/reals.ts';
import { distillationQuantities, hRange, lawKl, lawMean, worldLaws, type WorldLaws } from '../src/kd/processes.ts';
import { lawOf } from '../src/kd/proxy.ts';
import { establishBoundedLoss, establishWorld, genTPositive, lowerBound, type WorldDerived } from '../src/kd/establish.ts';
import { centralConstantFromLawOfH, centralConstantOf, etaFromFraction, logMgfNegOf, varianceOfH } from '../src/kd/central.ts';
import { bestBoundEta, bestRoomEta, centralRoot, etaCap, etaInRange, twoAtomTiltEta } from '../src/kd/central-eta.ts';
import type { WorldSpec } from '../src/kd/world.ts';
import { gaussianKl } from '../src/prob/gaussian-kl.ts';
import { shiftArb } from './kd-t8-upper.ts';

/**
 * KD-D2-CENTRAL (App. Def. 2), KD-R2-SUBG-CENTRAL (App. Remark 2) and KD-T10-LOWER (App. Thm 10):
 * h satisfies the (η, c)-central condition under Δ when log E_Δ e^{−ηh} ≤ −cη·gen_T (η, c > 0),
 * i.e. exactly when c ≤ c*(η) = −log E_Δ e^{−ηh}/(η·gen_T); a σ²-sub-Gaussian h with gen_T > 0
 * is central with c = 1 − ησ²/(2 gen_T) for 0 < η < 2 gen_T/σ²; and then gen_S ≥ c·gen_T − K_n/η.
 * All on exactly enumerated KD worlds, plus the Gaussian mean-shift family where Theorem 10 is tight.
 */

/** Precision for deciding hypotheses: worlds with masses of 1e-300 need a few hundred digits. */
const HYPOTHESIS_POLICY = precisionPolicy(40, { maxDigits: 640 });
const MAX_DIGITS = 640;

const hLaw = <T>(L: WorldLaws<T>) => lawOf(L.delta, L.kf, L.h);
const genTOf = <T>(F: Field<T>, L: WorldLaws<T>) => lawMean(F, L.delta, L.kf, L.h);

// ---------- KD-D2-CENTRAL: the definition decides, on both sides of c*(η) ----------

/** A world, η = etaScale·min(2gen_T/Var_Δ h, η₀) (any η > 0 is allowed; c*(η₀) = 0), and c = c*(η)·(1 ∓ eps) below or above the best constant. */
interface D2Instance {
  world: WorldInstance;
  etaScale: number;
  side: 'below' | 'above';
  eps: number;
}

interface D2Derived {
  world: WorldSpec;
  eta: number;
  c: number;
  /** c ≤ c*(η), decided (certified) from the law of h: the definition must then hold, and fail otherwise. */
  central: boolean;
}

const d2Arb: fc.Arbitrary<D2Instance> = fc.record({
  world: centralWorldArb(),
  // mostly below 1, where c*(η) > 0
  etaScale: fc.oneof(fc.constantFrom(0.001, 0.01, 0.1, 0.5, 0.9, 0.999), gridReal(0.001, 0.999, 3)),
  side: fc.constantFrom('below' as const, 'above' as const),
  eps: fc.oneof(fc.constantFrom(1e-12, 1e-6, 0.01, 0.1, 0.5), logReal(-12, -1)),
});

/** A predicted best constant in F: c*(η) from the law of h, or a planted wrong one. */
type Predictor = <T>(F: Field<T>, w: WorldSpec, eta: T) => T;
const fromLawOfH: Predictor = (F, w, eta) => centralConstantFromLawOfH(F, w, eta);

const establishD2 = (predict: Predictor) => (inst: D2Instance): Established<D2Derived> => {
  const base = establishBoundedLoss(inst.world);
  const w = inst.world.world;
  const positive = genTPositive(w);
  const L = worldLaws(doubleField, w);
  const law = hLaw(L);
  const genT = genTOf(doubleField, L);
  // the scale of η: 2gen_T/Var (where a Gaussian's c* reaches 0), or η₀ where c*(η₀) = 0 if smaller
  const scale = Math.min((2 * genT) / varianceOfH(doubleField, w), centralRoot(w));
  const eta = inst.etaScale * (Number.isFinite(scale) && scale > 0 ? scale : 1);
  const cStar = centralConstantOf(doubleField, law, eta);
  const c = cStar + (inst.side === 'below' ? -1 : 1) * inst.eps * Math.abs(cStar);
  const valid = positive && Number.isFinite(eta) && eta > 0 && Number.isFinite(c) && c > 0;
  let central = false;
  if (valid) {
    const s = certifiedSign((F) => F.sub(predict(F, w, F.fromNumber(eta)), F.fromNumber(c)), HYPOTHESIS_POLICY);
    if (s === undefined) throw new InsufficientPrecision(`the side of c*(η) on which c = ${c} lies is not decided at ${HYPOTHESIS_POLICY.maxDigits} digits`);
    central = s >= 0;
  }
  return {
    hypotheses: [
      ...base.hypotheses,
      { name: 'gen_T = E_Δ h > 0 (certified)', established: positive },
      { name: 'η > 0 and c > 0 (Def. 2)', established: valid, detail: `η = ${eta}, c = ${c}` },
    ],
    derived: { world: w, eta, c, central },
  };
};

/**
 * The definition's inequality in the direction the prediction requires: log E_Δ e^{−ηh} ≤ −cη·gen_T
 * when c ≤ c*(η), and −cη·gen_T ≤ log E_Δ e^{−ηh} otherwise, summed over the joint law Δ. A
 * decision, not a bound: how close c lies to c* is the generator's choice, so no room is measured.
 */
const d2Sides = (opts: { flip?: boolean; dropC?: boolean } = {}) =>
  <T>(F: Field<T>, _i: D2Instance, d: D2Derived) => {
    const L = worldLaws(F, d.world);
    const eta = F.fromNumber(d.eta);
    const genT = genTOf(F, L);
    const lam = logMgfNegOf(F, hLaw(L), eta);
    const bound = F.neg(F.mul(F.mul(F.fromNumber(opts.dropC ? 1 : d.c), eta), genT));
    return d.central !== Boolean(opts.flip) ? { lhs: lam, rhs: bound } : { lhs: bound, rhs: lam };
  };

export const d2Decision = defineProperty<D2Instance, D2Derived>({
  id: 'KD-D2-CENTRAL/decision',
  claim: 'KD-D2-CENTRAL',
  title: 'log E_Δ e^{−ηh} ≤ −cη·gen_T exactly when c ≤ c*(η): checked on both sides of the best constant',
  relation: 'le',
  arbitrary: d2Arb,
  seedKey: 'KD-CENTRAL-D2',
  establish: establishD2(fromLawOfH),
  sides: d2Sides(),
  headline: true,
  bound: false,
  maxDigits: MAX_DIGITS,
  checks:
    'For c drawn just below or just above c*(η) (relative distance 1e-12 to 0.5), the side is decided from the law of h with equal atoms merged, as c*(η) = 1 − ψ(−η)/(η·E h) with ψ the centred cumulant generating function; the inequality is then checked in that direction with log E_Δ e^{−ηh} and gen_T summed over the joint law Δ. Both are the same number algebraically (c* is defined by the log-mgf): what is independent is the arithmetic (merged law, centred CGF and its mean against the raw sum over Δ), so the property catches a wrong log-mgf, sign convention or gen_T, and the definition\'s direction and its factor c, not a wrong theory.',
  classify: (i) => [...classifyWorld(i.world), `side:${i.side}`, i.eps < 1e-6 ? 'eps:<1e-6' : i.eps < 0.05 ? 'eps:<0.05' : 'eps:≥0.05'],
  controls: [
    { id: 'KD-D2-CENTRAL/decision~flipped', description: 'the inequality in the other direction: log E e^{−ηh} ≥ −cη gen_T below c*', sides: d2Sides({ flip: true }) },
    { id: 'KD-D2-CENTRAL/decision~without-c', description: 'c dropped: log E e^{−ηh} ≤ −η gen_T (refuted by Jensen below c*)', sides: d2Sides({ dropC: true }) },
    {
      id: 'KD-D2-CENTRAL/decision~second-order',
      description: 'the side decided by the second-order constant 1 − η·Var/(2 gen_T) in place of c*(η)',
      establish: establishD2((F, w, eta) => F.sub(F.fromNumber(1), F.div(F.mul(eta, varianceOfH(F, w)), F.mul(F.fromNumber(2), genTOf(F, worldLaws(F, w)))))),
      sides: d2Sides(),
    },
  ],
});

// ---------- KD-R2-SUBG-CENTRAL: Remark 2's c against c*(η), over 0 < η < 2 gen_T/σ² ----------

/** η = τ·2gen_T/σ² with τ ∈ (0, 1), or at the proxy's argmax −λ* when it lies in that range. */
interface SubgInstance {
  world: WorldInstance;
  eta: { tau: number } | 'argmax';
}

interface SubgDerived extends WorldDerived {
  eta: number;
  /** 'argmax' or τ actually used */
  used: string;
}

const subgArb: fc.Arbitrary<SubgInstance> = fc.record({
  world: centralWorldArb(),
  eta: fc.oneof(
    { weight: 3, arbitrary: fc.oneof(fc.constantFrom(0.001, 0.5, 0.9, 0.999), gridReal(0.01, 0.99, 2)).map((tau) => ({ tau })) },
    { weight: 1, arbitrary: fc.constant('argmax' as const) },
  ),
});

function establishSubg(inst: SubgInstance): Established<SubgDerived> {
  const base = establishWorld(inst.world);
  const w = inst.world.world;
  const positive = genTPositive(w);
  const sigma2 = base.derived.proxy.sigma2;
  const argmax = base.derived.proxy.argmax;
  const top = etaFromFraction(w, sigma2, 1);
  // the proxy's argmax λ* < 0 is where Remark 2's c comes closest to c*(η) = c at η = −λ*
  const atArgmax = inst.eta === 'argmax' && argmax < 0 && -argmax < top;
  const tau = inst.eta === 'argmax' ? 0.5 : inst.eta.tau;
  const eta = !positive ? NaN : atArgmax ? -argmax : etaFromFraction(w, sigma2, tau);
  const inRange = positive && Number.isFinite(eta) && eta > 0 && certifiedSign((F) => F.sub(F.mul(F.fromNumber(2), genTOf(F, worldLaws(F, w))), F.mul(F.fromNumber(eta), F.fromString(sigma2))), HYPOTHESIS_POLICY) === 1;
  return {
    hypotheses: [
      ...base.hypotheses,
      { name: 'gen_T = E_Δ h > 0 (certified)', established: positive },
      { name: '0 < η < 2 gen_T/σ² (certified)', established: inRange, detail: `η = ${eta}` },
    ],
    derived: { ...base.derived, eta, used: atArgmax ? 'argmax' : `tau ${tau}` },
  };
}

/** Remark 2's c = 1 − η·s/(divisor·gen_T), s = σ² (the statement), or a planted wrong s. */
type Spread = <T>(F: Field<T>, d: SubgDerived) => T;
const proxySpread: Spread = (F, d) => F.fromString(d.proxy.sigma2);
const remark2C = <T>(F: Field<T>, d: SubgDerived, genT: T, spread: Spread = proxySpread, divisor = 2) =>
  F.sub(F.fromNumber(1), F.div(F.mul(F.fromNumber(d.eta), spread(F, d)), F.mul(F.fromNumber(divisor), genT)));

/**
 * c*(η) ≥ c: a lower bound on the best constant, whose room below 1 is Remark 2's concession
 * ησ²/(2 gen_T). Room used = (1 − c*)/(1 − c) = ψ(−η)/(η²σ²/2): the share of the concession the
 * law of h needs; 1 − room used = (c* − c)/(1 − c) is the share Remark 2 gives away.
 */
const subgSides = (spread: Spread = proxySpread, divisor = 2) =>
  <T>(F: Field<T>, _i: SubgInstance, d: SubgDerived) => {
    const L = worldLaws(F, d.world);
    const genT = genTOf(F, L);
    return { lhs: centralConstantOf(F, hLaw(L), F.fromNumber(d.eta)), rhs: remark2C(F, d, genT, spread, divisor), base: F.fromNumber(1) };
  };

const SUBG_STREAM = 'KD-CENTRAL-SUBG';
const classifySubg = (i: SubgInstance) => [...classifyWorld(i.world), i.eta === 'argmax' ? 'eta:argmax' : i.eta.tau > 0.9 ? 'tau:>0.9' : i.eta.tau < 0.1 ? 'tau:<0.1' : 'tau:mid'];

export const r2Constant = defineProperty<SubgInstance, SubgDerived>({
  id: 'KD-R2-SUBG-CENTRAL/constant',
  claim: 'KD-R2-SUBG-CENTRAL',
  title: "c*(η) ≥ 1 − ησ²/(2 gen_T) for 0 < η < 2 gen_T/σ², σ² the certified best proxy, c*(η) the exact central constant",
  relation: 'ge',
  arbitrary: subgArb,
  seedKey: SUBG_STREAM,
  establish: establishSubg,
  sides: subgSides(),
  headline: true,
  maxDigits: MAX_DIGITS,
  checks:
    "c*(η) ≥ c is equivalent to Lemma 7 at λ = −η, ψ(−η) ≤ η²σ²/2: σ² comes from the certified branch and bound over the law of h, c*(η) from the log-mgf summed over Δ. The room used, ψ(−η)/(η²σ²/2), is the share of Remark 2's concession 1 − c that the law needs; it reaches σ*²(−η)/σ² ≤ 1 at the proxy's argmax.",
  classify: classifySubg,
  controls: [
    { id: 'KD-R2-SUBG-CENTRAL/constant~variance-for-proxy', description: 'c = 1 − η·Var(h)/(2 gen_T): the variance in place of a sub-Gaussian proxy', sides: subgSides((F, d) => varianceOfH(F, d.world)) },
    { id: 'KD-R2-SUBG-CENTRAL/constant~quarter', description: 'c = 1 − ησ²/(4 gen_T): half the concession', sides: subgSides(proxySpread, 4) },
    { id: 'KD-R2-SUBG-CENTRAL/constant~sigma-for-sigma2', description: 'c = 1 − ησ/(2 gen_T): σ written for σ²', sides: subgSides((F, d) => F.sqrt(F.fromString(d.proxy.sigma2))) },
  ],
});

// ---------- KD-T10-LOWER ----------

/**
 * η per world: the maximiser of the bound, the maximiser of the room used (E_{Q_η} h = gen_S), a
 * multiple of either, or on two-atom worlds the exact tilt that makes Γ = Q_η.
 */
type EtaRule = { rule: 'best-bound' | 'best-room'; factor: number } | { rule: 'tilt' };

interface T10Instance {
  world: WorldInstance;
  eta: EtaRule;
}

interface T10Derived {
  world: WorldSpec;
  /** a double, or the exact tilt of a two-atom world (computed in each context) */
  eta: number | 'tilt';
  used: string;
}

const etaRuleArb: fc.Arbitrary<EtaRule> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<EtaRule>({ rule: 'best-bound', factor: 1 }, { rule: 'best-room', factor: 1 }) },
  { weight: 1, arbitrary: fc.record({ rule: fc.constantFrom('best-bound' as const, 'best-room' as const), factor: fc.constantFrom(0.25, 0.5, 0.9, 1.1, 2, 4) }) },
  { weight: 2, arbitrary: fc.constant<EtaRule>({ rule: 'tilt' }) },
);

const t10Arb: fc.Arbitrary<T10Instance> = fc.record({ world: centralWorldArb(), eta: etaRuleArb });

const etaOf = <T>(F: Field<T>, d: T10Derived): T => (d.eta === 'tilt' ? twoAtomTiltEta(F, d.world)! : F.fromNumber(d.eta));

/** The instance's η: the rule, falling back to the room's then the bound's maximiser, then 1 or less (K_n = 0 or ∞: no η tells anything). */
function chooseEta(w: WorldSpec, rule: EtaRule): { eta: number | 'tilt'; used: string } {
  const tilt = rule.rule === 'tilt' ? twoAtomTiltEta(doubleField, w) : null;
  // the exact tilt, when it is positive and of a size the others may take (a tilt of 1e-301 is Γ ≈ Δ)
  if (tilt !== null && tilt > 0 && etaInRange(w, tilt) && certifiedSign((F) => twoAtomTiltEta(F, w)!, HYPOTHESIS_POLICY) === 1) return { eta: 'tilt', used: 'tilt' };
  const factor = rule.rule === 'tilt' ? 1 : rule.factor;
  // a multiple past the range searched (where c*(η) may be ≤ 0) stops at its end
  const cap = etaCap(w);
  const room = rule.rule === 'best-bound' ? NaN : bestRoomEta(w);
  if (Number.isFinite(room)) return { eta: Math.min(room * factor, cap), used: `best-room×${factor}` };
  const bound = bestBoundEta(w);
  if (Number.isFinite(bound)) return { eta: Math.min(bound * factor, cap), used: `best-bound×${factor}` };
  return { eta: Math.min(1, cap), used: 'fallback' };
}

function establishT10(inst: T10Instance): Established<T10Derived> {
  const base = establishBoundedLoss(inst.world);
  const w = inst.world.world;
  const positive = genTPositive(w);
  const { eta, used } = chooseEta(w, inst.eta);
  const d: T10Derived = { world: w, eta, used };
  const etaOk = eta === 'tilt' || (Number.isFinite(eta) && eta > 0);
  const cPositive = positive && etaOk && certifiedSign((F) => centralConstantOf(F, hLaw(worldLaws(F, w)), etaOf(F, d)), HYPOTHESIS_POLICY) === 1;
  return {
    hypotheses: [
      ...base.hypotheses,
      { name: 'gen_T = E_Δ h > 0 (certified)', established: positive },
      { name: 'h is (η, c*(η))-central under Δ with η > 0 and c*(η) > 0 (c* computed exactly, certified positive)', established: cPositive, detail: `η: ${used}` },
    ],
    derived: d,
  };
}

/** gen_S ≥ c·gen_T − K_n/(kFactor·η); base c·gen_T (room used = (c·gen_T − gen_S)/(K_n/η)); vacuous at or below the least value of h the student can show. */
const t10Sides = (c: 'best' | 'one', opts: { kFactor?: number; swapKl?: boolean } = {}) =>
  <T>(F: Field<T>, _i: T10Instance, d: T10Derived) => {
    const L = worldLaws(F, d.world);
    const q = distillationQuantities(F, L);
    const eta = etaOf(F, d);
    const cc = c === 'one' ? F.fromNumber(1) : centralConstantOf(F, hLaw(L), eta);
    const Kn = opts.swapKl ? lawKl(F, L.delta, L.gamma) : q.Kn;
    return { lhs: q.genS, rhs: lowerBound(F, q.genT, cc, eta, Kn, opts.kFactor ?? 1), base: F.mul(cc, q.genT), trivial: hRange(F, L, d.world, d.world.student).lo };
  };

export const t10Best = defineProperty<T10Instance, T10Derived>({
  id: 'KD-T10-LOWER/best-c',
  claim: 'KD-T10-LOWER',
  title: 'gen_S ≥ c*(η)·gen_T − K_n/η with the exact central constant c*(η), η chosen per world',
  relation: 'ge',
  arbitrary: t10Arb,
  seedKey: 'KD-CENTRAL-T10',
  establish: establishT10,
  sides: t10Sides('best'),
  headline: true,
  maxDigits: MAX_DIGITS,
  attains: (_i, d) => (d.eta === 'tilt' ? 'two-atom world: Γ is the tilt of Δ along h at this η, where Donsker–Varadhan is an equality' : null),
  checks:
    'Theorem 10 with the largest constant its hypothesis allows, c = c*(η) (any smaller c gives a weaker bound), so the bound is −(log E_Δ e^{−ηh} + K_n)/η: Donsker–Varadhan at g = −ηh, whose room used is 1 − KL(Γ‖Q_η)/K_n with Q_η ∝ e^{−ηh}Δ. η is chosen per world: the maximiser of the bound, the maximiser of the room (E_{Q_η} h = gen_S), multiples of either, or the exact tilt on two-atom worlds (attained).',
  classify: (i) => [...classifyWorld(i.world), `eta:${i.eta.rule}`],
  controls: [
    { id: 'KD-T10-LOWER/best-c~without-c', description: 'gen_T − K_n/η (the central constant dropped)', sides: t10Sides('one') },
    { id: 'KD-T10-LOWER/best-c~half-k', description: 'K_n/(2η) in place of K_n/η', sides: t10Sides('best', { kFactor: 2 }) },
  ],
  probes: [{ id: 'KD-T10-LOWER/best-c~swapped-kl', description: 'K_n = KL(Δ‖Γ) in place of KL(Γ‖Δ)', sides: t10Sides('best', { swapKl: true }) }],
});

/** Theorem 10 with Remark 2's constant, on the sub-Gaussian stream (η in Remark 2's range). */
const t10Remark2Sides = (opts: { dropC?: boolean; kFactor?: number } = {}) =>
  <T>(F: Field<T>, _i: SubgInstance, d: SubgDerived) => {
    const L = worldLaws(F, d.world);
    const q = distillationQuantities(F, L);
    const c = opts.dropC ? F.fromNumber(1) : remark2C(F, d, q.genT);
    return { lhs: q.genS, rhs: lowerBound(F, q.genT, c, F.fromNumber(d.eta), q.Kn, opts.kFactor ?? 1), base: F.mul(c, q.genT), trivial: hRange(F, L, d.world, d.world.student).lo };
  };

export const t10Remark2 = defineProperty<SubgInstance, SubgDerived>({
  id: 'KD-T10-LOWER/remark-2-constants',
  claim: 'KD-T10-LOWER',
  title: "gen_S ≥ c·gen_T − K_n/η with Remark 2's c = 1 − ησ²/(2 gen_T), 0 < η < 2 gen_T/σ²",
  relation: 'ge',
  arbitrary: subgArb,
  seedKey: SUBG_STREAM,
  establish: establishSubg,
  sides: t10Remark2Sides(),
  maxDigits: MAX_DIGITS,
  checks:
    "With Remark 2's c the bound is gen_T − ησ²/2 − K_n/η; its best η, √(2K_n)/σ, gives gen_T − σ√(2K_n), the lower side of Theorem 8 (KD-T8-UPPER/two-sided), so this chain never does better than Theorem 8. Checked at η across Remark 2's range.",
  classify: classifySubg,
  controls: [{ id: 'KD-T10-LOWER/remark-2-constants~without-c', description: 'gen_T − K_n/η (the central constant dropped)', sides: t10Remark2Sides({ dropC: true }) }],
  probes: [{ id: 'KD-T10-LOWER/remark-2-constants~half-k', description: 'K_n/(2η) in place of K_n/η', sides: t10Remark2Sides({ kFactor: 2 }) }],
});

/** Gaussian mean shift with δ < 0, |δ| < 2m: η* = |δ|/s², c = 1 − ηs²/(2m) gives c·m − K/η = m + δ. */
interface Shift {
  m: number;
  s: number;
  delta: number;
}
const downShiftArb = shiftArb.map((x) => ({ ...x, m: Math.abs(x.m) + 0.5, delta: -Math.abs(x.delta) })).filter((x) => x.delta < 0 && -x.delta < 2 * x.m);

const gaussSides = (opts: { noC?: boolean; kFactor?: number } = {}) =>
  <T>(F: Field<T>, x: Shift) => {
    const m = F.fromNumber(x.m), s = F.fromNumber(x.s), delta = F.fromNumber(x.delta);
    const K = gaussianKl(F, F.add(m, delta), s, m, s);
    const eta = F.div(F.abs(delta), F.square(s));
    const c = opts.noC ? F.fromNumber(1) : F.sub(F.fromNumber(1), F.div(F.mul(eta, F.square(s)), F.mul(F.fromNumber(2), m)));
    return { lhs: F.add(m, delta), rhs: F.sub(F.mul(c, m), F.div(K, F.mul(F.fromNumber(opts.kFactor ?? 1), eta))), base: F.mul(c, m) };
  };

export const t10Gaussian = defineProperty<Shift>({
  id: 'KD-T10-LOWER/gaussian-mean-shift',
  claim: 'KD-T10-LOWER',
  title: 'equality on the Gaussian mean-shift family with η* = |δ|/s² and c = 1 − η*s²/(2m)',
  relation: 'ge',
  arbitrary: downShiftArb,
  establish: (x) => ({ hypotheses: [{ name: 'h ~ N(m, s²), m > 0, |δ| < 2m: (η*, c)-central by Remark 2 (exact for a Gaussian)', established: x.m > 0 && -x.delta < 2 * x.m }], derived: undefined }),
  sides: gaussSides(),
  attains: () => 'Gaussian mean shift: c·m − K/η* = m − |δ|/2 − |δ|/2 = m + δ exactly',
  classify: (x) => [x.s < 1 ? 's:<1' : 's:≥1'],
  controls: [
    { id: 'KD-T10-LOWER/gaussian-mean-shift~half-k', description: 'K/(2η) in place of K/η', sides: gaussSides({ kFactor: 2 }) },
    { id: 'KD-T10-LOWER/gaussian-mean-shift~without-c', description: 'gen_T without c', sides: gaussSides({ noC: true }) },
  ],
});

export const properties = [d2Decision, r2Constant, t10Best, t10Remark2, t10Gaussian];
