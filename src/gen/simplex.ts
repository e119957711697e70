import fc from 'fast-check';
import { logReal } from './reals.ts';
import { weightsOf, type WeightKind } from './weights.ts';

/**
 * Instances for the softening-operator axioms: a distribution as weights (with zeros, ties,
 * one-hot, uniform and extreme ratios, plus tie-rich small-integer weights), a temperature and
 * the companions each axiom needs: a larger temperature, a nearby distribution (perturbing one
 * weight, which flips ties), very large and very small temperatures.
 */
export interface AxiomInstance {
  kind: WeightKind | 'ties';
  w: number[];
  T: number;
  /** T2 = T·ratio > T (entropy monotonicity) */
  ratio: number;
  /** continuity: temperature in [1/2, 2] and the perturbed weight w[index] + eta·max w */
  Tc: number;
  perturb: { index: number; eta: number };
  /** boundary behaviour as T → ∞ and T → 0⁺ */
  Tbig: number;
  Tsmall: number;
}

const temperature = fc.oneof(fc.constantFrom(1, 0.5, 2, 10), logReal(-2, 2));

const tieWeights = (n: number) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }).map((w) => (w.some((x) => x > 0) ? w : w.map((_, i) => (i === 0 ? 1 : 0))));

/** Instances for the softening axioms (see AxiomInstance). */
export const axiomInstanceArb: fc.Arbitrary<AxiomInstance> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    weights: fc.oneof({ weight: 3, arbitrary: weightsOf(n) }, { weight: 1, arbitrary: tieWeights(n).map((weights) => ({ kind: 'ties' as const, weights })) }),
    T: temperature,
    ratio: fc.constantFrom(1 + 1e-9, 1.01, 2, 10),
    Tc: fc.constantFrom(0.5, 0.7, 1, 1.5, 2),
    perturb: fc.record({ index: fc.nat({ max: n - 1 }), eta: fc.constantFrom(1e-6, 1e-9, 1e-12, 1e-15) }),
    Tbig: fc.constantFrom(1e4, 1e8, 1e12),
    Tsmall: fc.constantFrom(0.1, 0.01, 0.001),
  }).map(({ weights, ...rest }) => ({ kind: weights.kind, w: weights.weights, ...rest })),
);

/** The perturbed weights of a continuity instance. */
export const perturbed = (i: AxiomInstance): number[] => {
  const max = Math.max(...i.w);
  return i.w.map((x, k) => (k === i.perturb.index ? x + i.perturb.eta * max : x));
};
