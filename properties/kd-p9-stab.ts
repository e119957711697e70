import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { classifyWorld, deterministicLearnerArb, ermWorldArb, shapeArb, twoLevelErmWorldArb, type WorldInstance } from '../src/gen/world.ts';
import { doubleField } from '../src/numerics/double-field.ts';
import { lambdaArb } from '../src/gen/values.ts';
import { gridReal } from '../src/gen/reals.ts';
import { centredLogMeanExp, weightedMean } from '../src/prob/moments.ts';
import { hLawUnderDelta } from '../src/kd/proxy.ts';
import { boundedDifferenceOfH, stabilityConstant, stabilityLambda, stabilityProxy2, uniformStability } from '../src/kd/stability.ts';
import { checkWorld, lossRange, type DeterministicLearner, type WorldSpec } from '../src/kd/world.ts';

/**
 * KD-P9-STAB (App. Prop. 9; constant reconstructed): for a deterministic (or seed-fixed),
 * β-uniformly stable teacher A with loss in [a, b], H(D) = L_μ(A(D)) − L_D(A(D)) has bounded
 * differences c = 2β + (b − a)/n, so by McDiarmid it is σ²-sub-Gaussian with σ = c√n/2.
 * β and the differences of H are computed exactly by enumerating all neighbouring datasets.
 */

interface StabInstance {
  world: WorldInstance;
  /** λ itself, or λ·σ on the scale of Prop. 9's σ (where the mgf bound is informative) */
  lambda: number | { perSigma: number };
}

/**
 * ERM worlds; half of them with two-level losses and n = 1, where the ERM memorises its one point
 * or is forced onto a hypothesis that is poor there: H spreads over more than the loss range, the
 * regime in which the stability term is needed.
 */
const oneSampleShape = fc.oneof(
  { weight: 1, arbitrary: shapeArb.map((s) => ({ ...s, n: 1 })) },
  // six data points: the most room for a point where every hypothesis is poor
  { weight: 2, arbitrary: fc.record({ kx: fc.constantFrom(2, 3), kf: fc.integer({ min: 2, max: 4 }) }).map(({ kx, kf }) => ({ kx, ky: 6 / kx, n: 1, kf })) },
);
const stabWorldArb = fc.oneof(
  { weight: 1, arbitrary: ermWorldArb },
  { weight: 1, arbitrary: twoLevelErmWorldArb() },
  { weight: 2, arbitrary: twoLevelErmWorldArb(oneSampleShape) },
);
const stabArb: fc.Arbitrary<StabInstance> = fc.record({
  world: stabWorldArb,
  lambda: fc.oneof({ weight: 1, arbitrary: lambdaArb }, { weight: 3, arbitrary: fc.oneof(gridReal(-8, 8), fc.constantFrom(1e-6, -1e-6, 2, -2)).map((perSigma) => ({ perSigma })) }),
});
const ERM: DeterministicLearner = { kind: 'erm' };

const establish = (inst: StabInstance) => {
  checkWorld(inst.world.world);
  const { a, b } = lossRange(inst.world.world);
  return {
    hypotheses: [
      { name: 'teacher deterministic (ERM, lowest index on ties)', established: inst.world.world.teacher.kind === 'erm' },
      { name: 'loss in [a, b] (exact range of the table)', established: b >= a },
      { name: 'β-uniform stability computed exactly over all neighbouring datasets', established: true },
    ],
    derived: inst.world.world,
  };
};

const classify = (inst: StabInstance) => {
  const w = inst.world.world;
  const beta = uniformStability(doubleField, w, ERM);
  return [...classifyWorld(inst.world), beta === 0 ? 'beta:0' : 'beta:>0', `lambda:${typeof inst.lambda === 'number' ? 'absolute' : 'per-sigma'}`];
};

/** The instance's λ, a double: itself, or perSigma/σ with σ = c√n/2 of the world. */
const lambdaOf = (inst: StabInstance, w: WorldSpec): number => stabilityLambda(w, ERM, inst.lambda);

/** A constant loss table: H ≡ 0 and every constant of Prop. 9 is 0. */
const constantLoss = (w: WorldSpec) => {
  const { a, b } = lossRange(w);
  return a === b ? 'constant loss (a = b): H ≡ 0 and both sides are 0' : null;
};
/** At λ = 0 both sides of an mgf bound are log 1 = 0 = 0·σ²/2. */
const mgfDegenerate = (lambda: number, w: WorldSpec) => (lambda === 0 ? 'λ = 0: both sides are 0' : constantLoss(w));

const bdSides = (constant: <T>(F: Field<T>, w: WorldSpec, beta: T) => T) =>
  <T>(F: Field<T>, _inst: StabInstance, w: WorldSpec) => ({
    lhs: boundedDifferenceOfH(F, w, ERM),
    rhs: constant(F, w, uniformStability(F, w, ERM)),
  });

const range = <T>(F: Field<T>, w: WorldSpec) => {
  const { a, b } = lossRange(w);
  return F.sub(F.fromNumber(b), F.fromNumber(a));
};
const rangeOverN = <T>(F: Field<T>, w: WorldSpec, factor = 1) => F.div(range(F, w), F.fromNumber(factor * w.n));

export const p9BoundedDifferences = defineProperty<StabInstance, WorldSpec>({
  id: 'KD-P9-STAB/bounded-differences',
  claim: 'KD-P9-STAB',
  title: 'max over neighbouring datasets |H(d) − H(d′)| ≤ 2β + (b − a)/n, all exact',
  relation: 'le',
  arbitrary: stabArb,
  seedKey: 'KD-WORLD-ERM',
  establish,
  sides: bdSides(stabilityConstant),
  degenerate: (_i, w) => constantLoss(w),
  headline: true,
  checks:
    'Structural ceiling: |ΔL_d(A)| ≤ ((n − 1)β + (b − a))/n for any deterministic A, so the differences never exceed (2 − 1/n)β + (b − a)/n; for an ERM, L_d(A(d)) ≤ L_d(A(d′)) gives |ΔL_d(A)| ≤ (b − a)/n and the differences are at most β + (b − a)/n (KD-P9-STAB/erm-bounded-differences). On these ERM worlds the room used is therefore at most (β + (b − a)/n)/(2β + (b − a)/n), and reaches 1 only where β = 0.',
  classify,
  controls: [
    { id: 'KD-P9-STAB/bounded-differences~no-range-term', description: '2β alone (the swapped sample\'s own loss ignored)', sides: bdSides((F, _w, beta) => F.mul(F.fromNumber(2), beta)) },
    { id: 'KD-P9-STAB/bounded-differences~range-over-2n', description: '2β + (b − a)/(2n)', sides: bdSides((F, w, beta) => F.add(F.mul(F.fromNumber(2), beta), rangeOverN(F, w, 2))) },
  ],
});

export const p9ErmBoundedDifferences = defineProperty<StabInstance, WorldSpec>({
  id: 'KD-P9-STAB/erm-bounded-differences',
  claim: 'KD-P9-STAB',
  title: 'for an ERM teacher (derived here): max |H(d) − H(d′)| ≤ β + (b − a)/n, the factor 2 on β not needed',
  relation: 'le',
  arbitrary: stabArb,
  seedKey: 'KD-WORLD-ERM',
  // about the stability term: where the ERM never changes its hypothesis (β = 0) this is the bounded-differences property
  establish: (inst) => {
    const e = establish(inst);
    return { ...e, hypotheses: [...e.hypotheses, { name: 'β > 0: the ERM changes its hypothesis between some neighbouring datasets', established: uniformStability(doubleField, inst.world.world, ERM) > 0 }] };
  },
  sides: bdSides((F, w, beta) => F.add(beta, rangeOverN(F, w))),
  degenerate: (_i, w) => constantLoss(w),
  checks: '|ΔL_μ(A)| ≤ β as in Prop. 9; ERM optimality L_d(A(d)) ≤ L_d(A(d′)) and L_d′(A(d′)) ≤ L_d′(A(d)) bound L_d(A(d)) − L_d′(A(d′)) by ±(b − a)/n. Its room used is the share of the exact differences in β + (b − a)/n.',
  classify,
  controls: [
    { id: 'KD-P9-STAB/erm-bounded-differences~no-beta', description: '(b − a)/n alone: the ERM\'s change of hypothesis ignored', sides: bdSides((F, w) => rangeOverN(F, w)) },
    { id: 'KD-P9-STAB/erm-bounded-differences~half-beta', description: 'β/2 + (b − a)/n', sides: bdSides((F, w, beta) => F.add(F.div(beta, F.fromNumber(2)), rangeOverN(F, w))) },
  ],
});

const mgfSides = (proxy2: <T>(F: Field<T>, w: WorldSpec) => T) =>
  <T>(F: Field<T>, inst: StabInstance, w: WorldSpec) => {
    const { w: ws, x } = hLawUnderDelta(F, w);
    const L = F.fromNumber(lambdaOf(inst, w));
    return { lhs: centredLogMeanExp(F, ws, x, L), rhs: F.div(F.mul(F.square(L), proxy2(F, w)), F.fromNumber(2)) };
  };

const p9Proxy2 = <T>(F: Field<T>, w: WorldSpec) => stabilityProxy2(F, w, uniformStability(F, w, ERM));

export const p9Mgf = defineProperty<StabInstance, WorldSpec>({
  id: 'KD-P9-STAB/mgf',
  claim: 'KD-P9-STAB',
  title: 'log E e^{λ(H − EH)} ≤ λ²σ²/2 with σ = c√n/2, the exact law of H under μⁿ',
  relation: 'le',
  arbitrary: stabArb,
  seedKey: 'KD-WORLD-ERM',
  establish,
  sides: mgfSides(p9Proxy2),
  degenerate: (inst, w) => mgfDegenerate(lambdaOf(inst, w), w),
  checks:
    'Structural ceiling: the room used ψ_H(λ)/(λ²σ²/2) is at most σ*²(H)/σ² (σ*² the best proxy of the law of H), which McDiarmid with the exact differences c_H bounds by (c_H/c)² ≤ ((β + (b − a)/n)/(2β + (b − a)/n))² on ERM worlds; near 1 only for β = 0 and a nearly symmetric H, as λ → 0 (Hoeffding\'s lemma is attained only in that limit).',
  classify,
  controls: [
    { id: 'KD-P9-STAB/mgf~no-sqrt-n', description: 'σ = c/2 (the √n of McDiarmid dropped)', sides: mgfSides((F, w) => F.div(F.square(stabilityConstant(F, w, uniformStability(F, w, ERM))), F.fromNumber(4))) },
    { id: 'KD-P9-STAB/mgf~range-only', description: 'σ = (b − a)/(2√n) (the stability term dropped)', sides: mgfSides((F, w) => F.div(F.square(range(F, w)), F.mul(F.fromNumber(4), F.fromNumber(w.n)))) },
    { id: 'KD-P9-STAB/mgf~half-proxy', description: "σ² = n·c²/8: McDiarmid's exponent doubled", sides: mgfSides((F, w) => F.div(p9Proxy2(F, w), F.fromNumber(2))) },
  ],
});

/**
 * The flagged gap: a randomised teacher, an ERM whose class is picked by an internal seed ξ. For a
 * fixed ξ the teacher is deterministic and Prop. 9 applies around the conditional mean E[H | ξ];
 * Theorem 8 needs sub-Gaussianity around the unconditional mean E_Δ h.
 */
interface SeededInstance {
  world: WorldInstance;
  /** Deterministic learners selected by the seed. */
  seeds: DeterministicLearner[];
  seed: number;
  lambda: number;
}

const seededArb: fc.Arbitrary<SeededInstance> = ermWorldArb.chain((world) => {
  const kf = world.world.predictors.length;
  return fc.record({ world: fc.constant(world), seeds: fc.array(deterministicLearnerArb(kf), { minLength: 2, maxLength: 3 }), seed: fc.nat({ max: 2 }), lambda: lambdaArb }).map((r) => ({ ...r, seed: r.seed % r.seeds.length }));
});

const seededWorld = (inst: SeededInstance): WorldSpec => ({ ...inst.world.world, teacher: { kind: 'seeded', seeds: inst.seeds } });

const conditionalSides = <T>(F: Field<T>, inst: SeededInstance, w: WorldSpec) => {
  const fixed: WorldSpec = { ...w, teacher: inst.seeds[inst.seed] };
  const { w: ws, x } = hLawUnderDelta(F, fixed);
  const L = F.fromNumber(inst.lambda);
  const sigma2 = stabilityProxy2(F, w, uniformStability(F, w, inst.seeds[inst.seed]));
  return { lhs: centredLogMeanExp(F, ws, x, L), rhs: F.div(F.mul(F.square(L), sigma2), F.fromNumber(2)) };
};

const establishSeeded = (hypothesis: string) => (inst: SeededInstance) => {
  checkWorld(seededWorld(inst));
  return { hypotheses: [{ name: hypothesis, established: true }], derived: inst.world.world };
};
const classifySeeded = (inst: SeededInstance) => [...classifyWorld(inst.world), `seeds:${inst.seeds.length}`];

export const p9Seeded = defineProperty<SeededInstance, WorldSpec>({
  id: 'KD-P9-STAB/seed-conditional',
  claim: 'KD-P9-STAB',
  title: 'randomised (seeded) teacher: for each fixed seed, H is σ_ξ²-sub-Gaussian around its conditional mean',
  relation: 'le',
  arbitrary: seededArb,
  establish: establishSeeded('seed held fixed: the teacher is a deterministic ERM for each seed'),
  sides: conditionalSides,
  degenerate: (inst, w) => mgfDegenerate(inst.lambda, w),
  classify: classifySeeded,
  controls: [
    {
      id: 'KD-P9-STAB/seed-conditional~no-sqrt-n',
      description: 'σ_ξ = c_ξ/2 (the √n of McDiarmid dropped)',
      sides: <T>(F: Field<T>, inst: SeededInstance, w: WorldSpec) => {
        const c = conditionalSides(F, inst, w);
        const L = F.fromNumber(inst.lambda);
        const cXi = stabilityConstant(F, w, uniformStability(F, w, inst.seeds[inst.seed]));
        return { lhs: c.lhs, rhs: F.div(F.mul(F.square(L), F.div(F.square(cXi), F.fromNumber(4))), F.fromNumber(2)) };
      },
    },
  ],
  probes: [
    {
      id: 'KD-P9-STAB/seed-conditional~unconditional-proxy',
      description: 'the flagged gap: the largest seed-conditional proxy used around the unconditional mean E_Δ h, as Theorem 8 would need',
      // the repaired proxy without its spread term: the largest conditional proxy alone
      sides: <T>(F: Field<T>, inst: SeededInstance, w: WorldSpec) => repairedSides(0)(F, inst, w),
    },
  ],
});

/**
 * A repair of the gap (derived here): averaging the conditional bounds over ξ,
 * E e^{λ(H − EH)} = avg_ξ e^{λ(m_ξ − m)} E e^{λ(H − m_ξ) | ξ} ≤ e^{λ² max σ_ξ²/2}·avg_ξ e^{λ(m_ξ − m)},
 * and Hoeffding's lemma on the conditional means gives the proxy max σ_ξ² + (max m_ξ − min m_ξ)²/4
 * (with |m_ξ| ≤ β_ξ for uniformly stable learners, at most max σ_ξ² + max β_ξ²).
 */
const repairedSides = (spreadFactor: number) =>
  <T>(F: Field<T>, inst: SeededInstance, w: WorldSpec) => {
    const { w: ws, x } = hLawUnderDelta(F, seededWorld(inst));
    const L = F.fromNumber(inst.lambda);
    const sigma2 = inst.seeds.map((s) => stabilityProxy2(F, w, uniformStability(F, w, s))).reduce((a, b) => F.max(a, b));
    const means = inst.seeds.map((s) => {
      const c = hLawUnderDelta(F, { ...w, teacher: s });
      return weightedMean(F, c.w, c.x);
    });
    const spread = F.sub(means.reduce((a, b) => F.max(a, b)), means.reduce((a, b) => F.min(a, b)));
    const proxy = F.add(sigma2, F.div(F.mul(F.fromNumber(spreadFactor), F.square(spread)), F.fromNumber(4)));
    return { lhs: centredLogMeanExp(F, ws, x, L), rhs: F.div(F.mul(F.square(L), proxy), F.fromNumber(2)) };
  };

export const p9SeedMixture = defineProperty<SeededInstance, WorldSpec>({
  id: 'KD-P9-STAB/seed-mixture-repaired',
  claim: 'KD-P9-STAB',
  title: 'randomised teacher, unconditionally: proxy max_ξ σ_ξ² + (spread of the conditional means)²/4 (a repair derived here)',
  relation: 'le',
  arbitrary: seededArb,
  establish: establishSeeded('each seed gives a deterministic ERM; the seed is uniform and independent of the data'),
  sides: repairedSides(1),
  degenerate: (inst, w) => mgfDegenerate(inst.lambda, w),
  classify: classifySeeded,
  controls: [
    {
      id: 'KD-P9-STAB/seed-mixture-repaired~spread-only',
      description: 'the proxy reduced to the spread term alone',
      sides: <T>(F: Field<T>, inst: SeededInstance, w: WorldSpec) => {
        const r = repairedSides(1)(F, inst, w);
        const sigma2 = inst.seeds.map((s) => stabilityProxy2(F, w, uniformStability(F, w, s))).reduce((a, b) => F.max(a, b));
        const L = F.fromNumber(inst.lambda);
        return { lhs: r.lhs, rhs: F.sub(r.rhs, F.div(F.mul(F.square(L), sigma2), F.fromNumber(2))) };
      },
    },
  ],
});

export const properties = [p9BoundedDifferences, p9ErmBoundedDifferences, p9Mgf, p9Seeded, p9SeedMixture];
