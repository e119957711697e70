import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty, type Established } from '../src/engine/property.ts';
import { certify, precisionPolicy } from '../src/numerics/certify.ts';
import { classifyWorld, nearTeacherArb, worldArb, type WorldInstance } from '../src/gen/world.ts';
import { gridReal } from '../src/gen/reals.ts';
import { distillationQuantities, lawKl, worldLaws } from '../src/kd/processes.ts';
import { establishWorld, genTPositive, lowerBound, type WorldDerived } from '../src/kd/establish.ts';
import { bestCentralC, etaFromFraction, logMgfNeg, varianceOfH } from '../src/kd/central.ts';
import { gaussianKl } from '../src/prob/gaussian-kl.ts';
import { shiftArb, WORLD_STREAM } from './kd-t8-upper.ts';

/**
 * KD-D2-CENTRAL (App. Def. 2), KD-R2-SUBG-CENTRAL (App. Remark 2) and KD-T10-LOWER (App. Thm 10):
 * h satisfies the (η, c)-central condition under Δ when log E_Δ e^{−ηh} ≤ −cη·gen_T (0 < c ≤ 1);
 * a σ²-sub-Gaussian h with gen_T > 0 does so for c = 1 − ησ²/(2 gen_T) when 0 < η < 2 gen_T/σ²;
 * and then gen_S ≥ c·gen_T − K_n/η. All on exactly enumerated KD worlds, plus the Gaussian
 * mean-shift family where Theorem 10 is tight.
 */

interface CentralInstance {
  world: WorldInstance;
  /** η = τ·2·gen_T/σ²: τ ∈ (0, 1) is the range of Remark 2. */
  tau: number;
}

interface CentralDerived extends WorldDerived {
  eta: number;
}

const centralArb: fc.Arbitrary<CentralInstance> = fc.record({
  world: worldArb(),
  tau: fc.oneof(fc.constantFrom(0.5, 0.1, 0.9, 0.99), gridReal(0.01, 0.99, 2)),
});

/** Hypotheses: the world's (sub-Gaussian proxy), gen_T > 0 certified, η > 0. */
function establishCentral(inst: CentralInstance): Established<CentralDerived> {
  const base = establishWorld(inst.world);
  const positive = genTPositive(inst.world.world);
  const eta = positive ? etaFromFraction(inst.world.world, base.derived.proxy.sigma2, inst.tau) : NaN;
  return {
    hypotheses: [
      ...base.hypotheses,
      { name: 'gen_T = E_Δ h > 0 (certified)', established: positive },
      { name: 'η = τ·2gen_T/σ² is a positive double (0 < η < 2gen_T/σ²)', established: Number.isFinite(eta) && eta > 0 },
    ],
    derived: { ...base.derived, eta },
  };
}

const classify = (inst: CentralInstance) => [...classifyWorld(inst.world), inst.tau > 0.9 ? 'tau:>0.9' : inst.tau < 0.1 ? 'tau:<0.1' : 'tau:mid'];

/** Remark 2's constant c = 1 − ησ²/(2·gen_T) (`divisor` 2 is the statement). */
const r2C = <T>(F: Field<T>, d: CentralDerived, genT: T, divisor = 2) =>
  F.sub(F.fromNumber(1), F.div(F.mul(F.fromNumber(d.eta), F.fromString(d.proxy.sigma2)), F.mul(F.fromNumber(divisor), genT)));

// ---------- KD-D2-CENTRAL: the best constant c*(η) never exceeds 1 ----------

export const d2BestC = defineProperty<CentralInstance, CentralDerived>({
  id: 'KD-D2-CENTRAL/best-c-at-most-one',
  claim: 'KD-D2-CENTRAL',
  title: 'the best constant c*(η) = −log E e^{−ηh}/(η gen_T) satisfies c* ≤ 1 (so Def. 2\'s c ≤ 1 costs nothing)',
  relation: 'le',
  arbitrary: centralArb,
  seedKey: WORLD_STREAM,
  establish: establishCentral,
  sides: (F, _i, d) => ({ lhs: bestCentralC(F, d.world, F.fromNumber(d.eta)), rhs: F.fromNumber(1) }),
  classify,
  controls: [
    {
      id: 'KD-D2-CENTRAL/best-c-at-most-one~second-order',
      description: 'c* ≤ 1 − η·Var(h)/(2 gen_T): the second-order expansion taken as a bound (fails when h is right-skewed)',
      sides: (F, _i, d) => {
        const genT = distillationQuantities(F, worldLaws(F, d.world)).genT;
        return { lhs: bestCentralC(F, d.world, F.fromNumber(d.eta)), rhs: F.sub(F.fromNumber(1), F.div(F.mul(F.fromNumber(d.eta), varianceOfH(F, d.world)), F.mul(F.fromNumber(2), genT))) };
      },
    },
  ],
});

// ---------- KD-R2-SUBG-CENTRAL ----------

const r2Sides = (c: <T>(F: Field<T>, d: CentralDerived, genT: T) => T) =>
  <T>(F: Field<T>, _i: CentralInstance, d: CentralDerived) => {
    const genT = distillationQuantities(F, worldLaws(F, d.world)).genT;
    const eta = F.fromNumber(d.eta);
    return { lhs: logMgfNeg(F, d.world, eta), rhs: F.neg(F.mul(F.mul(c(F, d, genT), eta), genT)) };
  };

export const r2World = defineProperty<CentralInstance, CentralDerived>({
  id: 'KD-R2-SUBG-CENTRAL/world',
  claim: 'KD-R2-SUBG-CENTRAL',
  title: 'log E_Δ e^{−ηh} ≤ −cη gen_T with c = 1 − ησ²/(2 gen_T), 0 < η < 2gen_T/σ², σ² the certified proxy',
  relation: 'le',
  arbitrary: centralArb,
  seedKey: WORLD_STREAM,
  establish: establishCentral,
  sides: r2Sides((F, d, g) => r2C(F, d, g)),
  classify,
  controls: [
    { id: 'KD-R2-SUBG-CENTRAL/world~c-equals-one', description: 'c = 1 (the correction −ησ²/(2gen_T) dropped)', sides: r2Sides((F) => F.fromNumber(1)) },
  ],
  probes: [
    { id: 'KD-R2-SUBG-CENTRAL/world~quarter-correction', description: 'c = 1 − ησ²/(4 gen_T): is half the correction enough on KD worlds?', sides: r2Sides((F, d, g) => r2C(F, d, g, 4)) },
  ],
});

/** The corollary: with η = √(2K_n)/σ, Theorem 10 with Remark 2's c gives gen_S ≥ gen_T − σ√(2K_n). */
export const r2Corollary = defineProperty<WorldInstance, WorldDerived>({
  id: 'KD-R2-SUBG-CENTRAL/corollary',
  claim: 'KD-R2-SUBG-CENTRAL',
  title: 'with η = √(2K_n)/σ (when σ√(2K_n) < 2gen_T), c·gen_T − K_n/η = gen_T − σ√(2K_n) ≤ gen_S',
  relation: 'le',
  // random worlds rarely have σ√(2K_n) < 2gen_T: near-teacher worlds (small K_n) do
  arbitrary: nearTeacherArb(),
  // each accepted world needs the best proxy of a full-support law: half the budget (500 worlds by default)
  budgetShare: 0.5,
  establish: (inst) => {
    // Var h ≤ σ*²: when even √(2·Var·K_n) ≥ 2gen_T the hypothesis fails, without the branch and bound.
    const hopeless = certify((F) => {
      const q = distillationQuantities(F, worldLaws(F, inst.world));
      return { lhs: F.mul(F.fromNumber(2), q.genT), rhs: F.sqrt(F.mul(F.mul(F.fromNumber(2), varianceOfH(F, inst.world)), q.Kn)) };
    }, 'le', precisionPolicy(30)).verdict === 'holds';
    if (hopeless) return { hypotheses: [{ name: '0 < σ√(2K_n) < 2gen_T (certified), so 0 < η < 2gen_T/σ²', established: false, detail: '√(2·Var h·K_n) ≥ 2gen_T already' }], derived: { world: inst.world, proxy: { sigma2: 'NaN', sigma2Lo: 'NaN', route: 'range', context: 'not computed', argmax: 1 } } };
    const base = establishWorld(inst);
    const ok = certify((F) => {
      const q = distillationQuantities(F, worldLaws(F, inst.world));
      return { lhs: F.mul(F.sqrt(F.fromString(base.derived.proxy.sigma2)), F.sqrt(F.mul(F.fromNumber(2), q.Kn))), rhs: F.mul(F.fromNumber(2), q.genT) };
    }, 'le', precisionPolicy(30)).verdict === 'holds';
    const kPositive = certify((F) => ({ lhs: F.fromNumber(0), rhs: distillationQuantities(F, worldLaws(F, inst.world)).Kn }), 'le', precisionPolicy(30)).verdict === 'holds';
    return { ...base, hypotheses: [...base.hypotheses, { name: '0 < σ√(2K_n) < 2gen_T (certified), so 0 < η < 2gen_T/σ²', established: ok && kPositive }] };
  },
  sides: (F, _i, d) => {
    const q = distillationQuantities(F, worldLaws(F, d.world));
    const sigma = F.sqrt(F.fromString(d.proxy.sigma2));
    const eta = F.div(F.sqrt(F.mul(F.fromNumber(2), q.Kn)), sigma);
    const c = F.sub(F.fromNumber(1), F.div(F.mul(eta, F.square(sigma)), F.mul(F.fromNumber(2), q.genT)));
    return { lhs: lowerBound(F, q.genT, c, eta, q.Kn), rhs: q.genS };
  },
  classify: classifyWorld,
  controls: [
    {
      id: 'KD-R2-SUBG-CENTRAL/corollary~dropped-k',
      description: 'gen_T ≤ gen_S (the divergence term dropped)',
      sides: (F, _i, d) => {
        const q = distillationQuantities(F, worldLaws(F, d.world));
        return { lhs: q.genT, rhs: q.genS };
      },
    },
  ],
});

// ---------- KD-T10-LOWER ----------

type CFn = <T>(F: Field<T>, d: CentralDerived, genT: T) => T;
const bestC: CFn = (F, d) => bestCentralC(F, d.world, F.fromNumber(d.eta));

const t10Sides = (c: CFn, opts: { noC?: boolean; etaFactor?: number; swapKl?: boolean } = {}) =>
  <T>(F: Field<T>, _i: CentralInstance, d: CentralDerived) => {
    const L = worldLaws(F, d.world);
    const q = distillationQuantities(F, L);
    const Kn = opts.swapKl ? lawKl(F, L.delta, L.gamma) : q.Kn;
    const cc = opts.noC ? F.fromNumber(1) : c(F, d, q.genT);
    return { lhs: lowerBound(F, q.genT, cc, F.fromNumber(d.eta), Kn, opts.etaFactor ?? 1), rhs: q.genS };
  };

const t10Controls = (name: string, c: CFn) => [
  { id: `KD-T10-LOWER/${name}~without-c`, description: 'gen_T − K_n/η (the central constant dropped)', sides: t10Sides(c, { noC: true }) },
  { id: `KD-T10-LOWER/${name}~half-k`, description: 'K_n/(2η) in place of K_n/η', sides: t10Sides(c, { etaFactor: 2 }) },
];

const establishT10Best = (inst: CentralInstance): Established<CentralDerived> => {
  const e = establishCentral(inst);
  const cPositive = e.hypotheses.every((h) => h.established) && certify((F) => ({ lhs: F.fromNumber(0), rhs: bestCentralC(F, e.derived.world, F.fromNumber(e.derived.eta)) }), 'le', precisionPolicy(30)).verdict === 'holds';
  return { ...e, hypotheses: [...e.hypotheses, { name: '(η, c*)-central with 0 < c* ≤ 1 (c* computed exactly; c* ≤ 1 by KD-D2)', established: cPositive }] };
};

export const t10Best = defineProperty<CentralInstance, CentralDerived>({
  id: 'KD-T10-LOWER/best-c',
  claim: 'KD-T10-LOWER',
  title: 'gen_S ≥ c*·gen_T − K_n/η with the best central constant c*(η) of h under Δ',
  relation: 'le',
  arbitrary: centralArb,
  seedKey: WORLD_STREAM,
  establish: establishT10Best,
  sides: t10Sides(bestC),
  classify,
  controls: t10Controls('best-c', bestC),
  probes: [{ id: 'KD-T10-LOWER/best-c~swapped-kl', description: 'K_n = KL(Δ‖Γ) in place of KL(Γ‖Δ)', sides: t10Sides(bestC, { swapKl: true }) }],
});

const r2Cfn: CFn = (F, d, g) => r2C(F, d, g);

export const t10R2 = defineProperty<CentralInstance, CentralDerived>({
  id: 'KD-T10-LOWER/remark-2-constants',
  claim: 'KD-T10-LOWER',
  title: "gen_S ≥ c·gen_T − K_n/η with Remark 2's c = 1 − ησ²/(2gen_T)",
  relation: 'le',
  arbitrary: centralArb,
  seedKey: WORLD_STREAM,
  establish: establishCentral,
  sides: t10Sides(r2Cfn),
  classify,
  controls: t10Controls('remark-2-constants', r2Cfn).filter((c) => !c.id.endsWith('half-k')),
  probes: t10Controls('remark-2-constants', r2Cfn).filter((c) => c.id.endsWith('half-k')),
});

/** Gaussian mean shift with δ < 0, |δ| < 2m: η* = |δ|/s², c = 1 − ηs²/(2m) gives c·m − K/η = m + δ. */
interface Shift {
  m: number;
  s: number;
  delta: number;
}
const downShiftArb = shiftArb.map((x) => ({ ...x, m: Math.abs(x.m) + 0.5, delta: -Math.abs(x.delta) })).filter((x) => x.delta < 0 && -x.delta < 2 * x.m);

const gaussSides = (opts: { noC?: boolean; etaFactor?: number } = {}) =>
  <T>(F: Field<T>, x: Shift) => {
    const m = F.fromNumber(x.m), s = F.fromNumber(x.s), delta = F.fromNumber(x.delta);
    const K = gaussianKl(F, F.add(m, delta), s, m, s);
    const eta = F.div(F.abs(delta), F.square(s));
    const c = opts.noC ? F.fromNumber(1) : F.sub(F.fromNumber(1), F.div(F.mul(eta, F.square(s)), F.mul(F.fromNumber(2), m)));
    return { lhs: F.sub(F.mul(c, m), F.div(K, F.mul(F.fromNumber(opts.etaFactor ?? 1), eta))), rhs: F.add(m, delta) };
  };

export const t10Gaussian = defineProperty<Shift>({
  id: 'KD-T10-LOWER/gaussian-mean-shift',
  claim: 'KD-T10-LOWER',
  title: 'equality on the Gaussian mean-shift family with η* = |δ|/s² and c = 1 − η*s²/(2m)',
  relation: 'le',
  arbitrary: downShiftArb,
  establish: (x) => ({ hypotheses: [{ name: 'h ~ N(m, s²), m > 0, |δ| < 2m: (η*, c)-central by Remark 2 (exact for a Gaussian)', established: x.m > 0 && -x.delta < 2 * x.m }], derived: undefined }),
  sides: gaussSides(),
  classify: (x) => [x.s < 1 ? 's:<1' : 's:≥1'],
  controls: [
    { id: 'KD-T10-LOWER/gaussian-mean-shift~half-k', description: 'K/(2η) in place of K/η', sides: gaussSides({ etaFactor: 2 }) },
    { id: 'KD-T10-LOWER/gaussian-mean-shift~without-c', description: 'gen_T without c', sides: gaussSides({ noC: true }) },
  ],
});

export const properties = [d2BestC, r2World, r2Corollary, t10Best, t10R2, t10Gaussian];
