import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty, type HypothesisCheck } from '../src/engine/property.ts';
import { certify, precisionPolicy } from '../src/numerics/certify.ts';
import { dist } from '../src/prob/distribution.ts';
import { cgf, mean, range, rv, variance, type FiniteRV } from '../src/prob/cgf.ts';
import { bestProxy, hoeffdingSigma, mgfBoundRhs, type ProxyEnclosure } from '../src/prob/subgaussian.ts';
import { gaussianCgfFromMoments } from '../src/prob/gaussian.ts';
import { atomCount, weightsOf } from '../src/gen/weights.ts';
import { lambdaArb, valuesOf } from '../src/gen/values.ts';
import { gridReal, logReal } from '../src/gen/reals.ts';
import { memoByJson } from '../src/engine/memo.ts';

/**
 * KD-L7-SUBG (App. Lemma 7, eq. (11)): if X is σ²-sub-Gaussian, i.e. log E e^{λ(X−EX)} ≤ λ²σ²/2
 * for all λ, then log E e^{λX} ≤ λ·EX + λ²σ²/2 for all λ; equality for X ~ N(m, σ²).
 * The hypothesis is established on each instance: by Hoeffding's lemma (X ∈ [a, b], certified
 * against the best proxy), by a certified branch and bound for the best proxy, or exactly for
 * a Gaussian.
 */

interface BoundedInstance {
  weightKind: string;
  valueKind: string;
  weights: number[];
  values: number[];
  /**
   * A λ; 'argmax': the λ where the best proxy is (nearly) attained; or λ = t/(b − a), scaled to the
   * range, where the bound is informative (λ·(b − a) beyond about 8 makes it worse than the trivial
   * log E e^{λX} ≤ λ·max X).
   */
  lambda: number | 'argmax' | { perRange: number };
}

const anyBoundedArb: fc.Arbitrary<BoundedInstance> = atomCount(12).chain((n) =>
  fc
    .record({
      w: weightsOf(n),
      v: valuesOf(n),
      lambda: fc.oneof(
        { weight: 2, arbitrary: lambdaArb },
        { weight: 1, arbitrary: fc.constant('argmax' as const) },
        { weight: 3, arbitrary: fc.oneof(gridReal(-4, 4), fc.constantFrom(1e-6, -1e-6, 2, -2)).map((t) => ({ perRange: t })) },
      ),
    })
    .map(({ w, v, lambda }) => ({ weightKind: w.kind, valueKind: v.kind, weights: w.weights, values: v.values, lambda })),
);

/** A point mass (one charged value): the bound is an identity there. */
const pointMass = (inst: BoundedInstance) => new Set(inst.values.filter((_, i) => inst.weights[i] > 0)).size <= 1;

/** Point masses stay among the edge cases, at about a tenth of the draws rather than a third. */
const boundedArb: fc.Arbitrary<BoundedInstance> = fc.oneof({ weight: 1, arbitrary: anyBoundedArb }, { weight: 3, arbitrary: anyBoundedArb.filter((inst) => !pointMass(inst)) });

/** The instance's λ: 'argmax' is resolved by the route (the best proxy's λ*, or 2/(b − a)). */
const lambdaOf = (inst: BoundedInstance, a: number, b: number, argmax: number): number => {
  if (inst.lambda === 'argmax') return argmax;
  if (typeof inst.lambda === 'number') return inst.lambda;
  return b > a && Number.isFinite(inst.lambda.perRange / (b - a)) ? inst.lambda.perRange / (b - a) : inst.lambda.perRange;
};

/** X a point mass (the bound is λx = λx + 0), or λ = 0 (0 ≤ 0): an identity. */
const pointMassOrZero = (_inst: BoundedInstance, d: { a: number; b: number; lambda: number }) =>
  d.a === d.b ? 'X is a point mass: both sides are λ·x' : d.lambda === 0 ? 'λ = 0: both sides are 0' : null;

interface Derived {
  X: FiniteRV;
  a: number;
  b: number;
  proxy: ProxyEnclosure;
  lambda: number;
}

/** Hoeffding route: boundedness is certified on the instance; Hoeffding's lemma gives the proxy. */
function establishHoeffding(inst: BoundedInstance): { hypotheses: HypothesisCheck[]; derived: Derived } {
  const X = rv(inst.values, dist(inst.weights));
  const { a, b } = range(X);
  // 'argmax' has no meaning without the best proxy: use λ = 2/(b − a), where the mgf bends most.
  const lambda = lambdaOf(inst, a, b, b > a ? Math.min(1e6, 2 / (b - a)) : 1);
  return {
    hypotheses: [{ name: "X ∈ [a, b] (min and max of the support, exact), hence ((b − a)/2)²-sub-Gaussian by Hoeffding's lemma", established: Number.isFinite(a) && Number.isFinite(b) }],
    derived: { X, a, b, proxy: { lo: '0', hi: '0', argmax: lambda, pieces: 0, context: 'not computed' }, lambda },
  };
}

/**
 * The best-proxy properties draw one instance stream (and the worker pool keeps a stream on one
 * thread): σ*² of an instance is computed once for both of them, their controls and probes.
 */
const BEST_PROXY_STREAM = 'KD-L7-SUBG/best-proxy-laws';
const bestProxyOf = memoByJson((X: FiniteRV) => bestProxy(X));

/** Best-proxy route: σ*² enclosed by a certified branch and bound. */
function establishBestProxy(inst: BoundedInstance): { hypotheses: HypothesisCheck[]; derived: Derived } {
  const X = rv(inst.values, dist(inst.weights));
  const { a, b } = range(X);
  const proxy = bestProxyOf(X);
  const lambda = lambdaOf(inst, a, b, proxy.argmax);
  if (!Number.isFinite(lambda)) throw new RangeError(`λ = ${lambda} is not finite`);
  const ordered = certify((F) => ({ lhs: F.fromString(proxy.lo), rhs: F.fromString(proxy.hi) }), 'le', precisionPolicy(30)).verdict !== 'violated';
  return {
    hypotheses: [{ name: 'X is σ*²-sub-Gaussian with σ*² ∈ [lo, hi] certified by branch and bound', established: ordered, detail: `[${proxy.lo}, ${proxy.hi}] (${proxy.context}, ${proxy.pieces} pieces)` }],
    derived: { X, a, b, proxy, lambda },
  };
}

const boundedClassify = (inst: BoundedInstance) => [
  `weights:${inst.weightKind}`,
  `values:${inst.valueKind}`,
  `lambda:${inst.lambda === 'argmax' ? 'argmax' : typeof inst.lambda === 'object' ? 'per-range' : Math.abs(inst.lambda) < 1e-3 ? 'tiny' : Math.abs(inst.lambda) > 10 ? 'large' : 'moderate'}`,
];

/**
 * lhs = log E e^{λX}; rhs = λEX + λ²σ²/2 for the σ² that `proxy` picks. The base is λEX, so room
 * used = ψ_c(λ)/(λ²σ²/2); the bound says nothing at or above λ·max X (λ > 0) or λ·min X (λ < 0),
 * which log E e^{λX} never exceeds.
 */
const mgfSides = (proxy: <T>(F: Field<T>, d: Derived) => T, meanTerm = true) =>
  <T>(F: Field<T>, _inst: BoundedInstance, d: Derived) => {
    const L = F.fromNumber(d.lambda);
    const mu = meanTerm ? mean(F, d.X) : F.fromNumber(0);
    return { lhs: cgf(F, d.X, L), rhs: mgfBoundRhs(F, mu, proxy(F, d), L), base: F.mul(L, mean(F, d.X)), trivial: F.mul(L, F.fromNumber(d.lambda >= 0 ? d.b : d.a)) };
  };

const hoeffding2 = <T>(F: Field<T>, d: Derived) => F.square(hoeffdingSigma(F, d.a, d.b));

export const subgHoeffding = defineProperty<BoundedInstance, Derived>({
  id: 'KD-L7-SUBG/hoeffding',
  claim: 'KD-L7-SUBG',
  title: "log E e^{λX} ≤ λEX + λ²σ²/2 for bounded X with Hoeffding's σ = (b − a)/2",
  relation: 'le',
  // subnormal values (5e-324) make both sides ~1e-646: resolving them takes ~660 digits
  maxDigits: 700,
  arbitrary: boundedArb,
  establish: establishHoeffding,
  sides: mgfSides(hoeffding2),
  degenerate: pointMassOrZero,
  classify: boundedClassify,
  controls: [
    {
      id: 'KD-L7-SUBG/hoeffding~sigma-for-sigma2',
      description: 'σ written for σ²: λ²σ/2',
      sides: mgfSides((F, d) => hoeffdingSigma(F, d.a, d.b)),
    },
    {
      id: 'KD-L7-SUBG/hoeffding~quarter-range',
      description: 'σ = (b − a)/4 (a missing factor 2)',
      sides: mgfSides((F, d) => F.div(hoeffding2(F, d), F.fromNumber(4))),
    },
    {
      id: 'KD-L7-SUBG/hoeffding~variance-as-proxy',
      description: 'σ² = Var X (the variance is not a sub-Gaussian proxy for skewed X)',
      sides: mgfSides((F, d) => variance(F, d.X)),
    },
    {
      id: 'KD-L7-SUBG/hoeffding~dropped-mean',
      description: 'the λ·EX term dropped',
      sides: mgfSides(hoeffding2, false),
    },
  ],
});

export const subgBestProxy = defineProperty<BoundedInstance, Derived>({
  id: 'KD-L7-SUBG/best-proxy',
  claim: 'KD-L7-SUBG',
  title: 'the same bound with the certified optimal proxy σ*² = sup_λ 2ψ_c(λ)/λ² (upper end of its enclosure)',
  relation: 'le',
  // subnormal values (5e-324) make both sides ~1e-646: resolving them takes ~660 digits
  maxDigits: 700,
  arbitrary: boundedArb,
  seedKey: BEST_PROXY_STREAM,
  establish: establishBestProxy,
  sides: mgfSides((F, d) => F.fromString(d.proxy.hi)),
  degenerate: pointMassOrZero,
  headline: true,
  classify: boundedClassify,
  controls: [
    {
      id: 'KD-L7-SUBG/best-proxy~shrunk-1e-6',
      description: 'σ² = (1 − 10⁻⁶)·σ*² (a proxy just below the optimum)',
      sides: mgfSides((F, d) => F.mul(F.fromString(d.proxy.lo), F.fromString('0.999999'))),
    },
    {
      id: 'KD-L7-SUBG/best-proxy~variance-as-proxy',
      description: 'σ² = Var X in place of the optimal proxy',
      sides: mgfSides((F, d) => variance(F, d.X)),
    },
  ],
});

export const subgProxySandwich = defineProperty<BoundedInstance, Derived>({
  id: 'KD-L7-SUBG/proxy-sandwich',
  claim: 'KD-L7-SUBG',
  title: "Var X ≤ σ*² ≤ ((b − a)/2)²: the certified best proxy against Hoeffding's lemma (lower end of the enclosure)",
  relation: 'le',
  // subnormal values (5e-324) make both sides ~1e-646: resolving them takes ~660 digits
  maxDigits: 700,
  arbitrary: boundedArb,
  seedKey: BEST_PROXY_STREAM,
  establish: establishBestProxy,
  // room used = σ*²/((b − a)/2)²: how much of Hoeffding's proxy the law needs (1 for ±1 fair coins)
  sides: (F, _inst, d) => ({ lhs: F.fromString(d.proxy.lo), rhs: hoeffding2(F, d) }),
  degenerate: (_i, d) => (d.a === d.b ? 'X is a point mass: σ*² = ((b − a)/2)² = 0' : null),
  checks: 'σ*² ≤ ((b − a)/2)² with σ*² the lower end of the certified enclosure; Var X ≤ σ*² holds by construction (the branch and bound starts from φ(0⁺) = Var X) and is shown by the refuted control σ*² ≤ Var X only in its other direction',
  classify: boundedClassify,
  controls: [
    {
      id: 'KD-L7-SUBG/proxy-sandwich~range-over-4-squared',
      description: "Hoeffding's proxy with the range halved twice: ((b − a)/4)²",
      sides: (F, _inst, d) => ({ lhs: F.fromString(d.proxy.lo), rhs: F.div(hoeffding2(F, d), F.fromNumber(4)) }),
    },
    {
      id: 'KD-L7-SUBG/proxy-sandwich~variance-above-proxy',
      description: 'the order reversed: σ*² ≤ Var X',
      sides: (F, _inst, d) => ({ lhs: F.fromString(d.proxy.lo), rhs: variance(F, d.X) }),
    },
  ],
});

interface GaussianInstance {
  m: number;
  s: number;
  lambda: number;
}

/** |λ·s| ≤ 20 keeps the moment series short (u = λ²s²/2 ≤ 200). */
const gaussianArb: fc.Arbitrary<GaussianInstance> = fc
  .record({
    m: fc.oneof(fc.integer({ min: -5, max: 5 }), gridReal(-10, 10)),
    s: fc.oneof(fc.constantFrom(1, 0.5, 2, 1e-3, 10), logReal(-3, 1)),
    t: fc.oneof(fc.constantFrom(1e-8, -1e-8, 1, -1, 0.5), gridReal(-20, 20)),
  })
  .map(({ m, s, t }) => ({ m, s, lambda: t / s }));

const gaussianSides = (proxy: <T>(F: Field<T>, s: T) => T, meanTerm = true) =>
  <T>(F: Field<T>, inst: GaussianInstance) => {
    const L = F.fromNumber(inst.lambda);
    return {
      lhs: gaussianCgfFromMoments(F, inst.m, inst.s, inst.lambda),
      rhs: mgfBoundRhs(F, meanTerm ? F.fromNumber(inst.m) : F.fromNumber(0), proxy(F, F.fromNumber(inst.s)), L),
      base: F.mul(L, F.fromNumber(inst.m)),
    };
  };

export const subgGaussian = defineProperty<GaussianInstance>({
  id: 'KD-L7-SUBG/gaussian',
  claim: 'KD-L7-SUBG',
  title: 'equality for X ~ N(m, s²) with σ = s (mgf summed from the Gaussian moments, certified truncation)',
  relation: 'le',
  arbitrary: gaussianArb,
  establish: (inst) => ({
    hypotheses: [{ name: 'X ~ N(m, s²) is s²-sub-Gaussian (exact: ψ_c(λ) = λ²s²/2)', established: inst.s > 0 && Number.isFinite(inst.lambda) }],
    derived: undefined,
  }),
  sides: gaussianSides((F, s) => F.square(s)),
  attains: () => 'X ~ N(m, s²): log E e^{λX} = λm + λ²s²/2 exactly',
  classify: (inst) => [inst.s === 1 ? 's:1' : inst.s < 1 ? 's:<1' : 's:>1', Math.abs(inst.lambda * inst.s) < 1e-3 ? 'lambda·s:tiny' : 'lambda·s:moderate'],
  controls: [
    { id: 'KD-L7-SUBG/gaussian~sigma-for-sigma2', description: 'σ written for σ²', sides: gaussianSides((_F, s) => s) },
    { id: 'KD-L7-SUBG/gaussian~half-variance', description: 'σ² = s²/2', sides: gaussianSides((F, s) => F.div(F.square(s), F.fromNumber(2))) },
    { id: 'KD-L7-SUBG/gaussian~dropped-mean', description: 'the λ·EX term dropped', sides: gaussianSides((F, s) => F.square(s), false) },
  ],
});

export const properties = [subgHoeffding, subgBestProxy, subgProxySandwich, subgGaussian];
