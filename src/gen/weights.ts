import fc from 'fast-check';
import { constantFromS, constantS, intS, oneofS, tuple2S, vectorOf, type Sampler } from './fast-vector.ts';

/**
 * Weight vectors for finite distributions. Never fc.double on [0, 1] (uniform over bit patterns,
 * so nearly every draw is tiny): weights come from integers or from integer powers of ten, and
 * edge cases are drawn on purpose.
 */
export type WeightKind = 'integer' | 'sparse' | 'log-scale' | 'one-hot' | 'uniform' | 'extreme';

/** Integer weights 0..1000, zeros about one time in four. */
const integerWeight = oneofS({ weight: 1, sampler: constantS(0) }, { weight: 3, sampler: intS(1, 1000) });

/** m·10^e with m in 1..9 and e in [−12, 12]: ratios up to 1e±12 and beyond. */
const logScaleWeight = tuple2S(intS(1, 9), intS(-12, 12), (m, e) => m * 10 ** e);

function ensurePositive(w: number[]): number[] {
  return w.some((x) => x > 0) ? w : w.map((x, i) => (i === 0 ? 1 : x));
}

/** A weight vector of exactly n atoms, tagged with how it was drawn. */
export function weightsOf(n: number): fc.Arbitrary<{ kind: WeightKind; weights: number[] }> {
  // vectors drawn as fc.array draws them, without its per-element objects (src/gen/fast-vector.ts)
  const vec = (a: Sampler<number>) => vectorOf(a, n).map(ensurePositive);
  const tagged = (kind: WeightKind, a: fc.Arbitrary<number[]>) => a.map((weights) => ({ kind, weights }));
  return fc.oneof(
    { weight: 4, arbitrary: tagged('integer', vec(intS(1, 1000))) },
    { weight: 3, arbitrary: tagged('sparse', vec(integerWeight)) },
    { weight: 3, arbitrary: tagged('log-scale', vec(logScaleWeight)) },
    { weight: 1, arbitrary: tagged('one-hot', fc.nat({ max: n - 1 }).map((k) => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0)))) },
    { weight: 1, arbitrary: tagged('uniform', fc.integer({ min: 1, max: 7 }).map((c) => Array(n).fill(c))) },
    {
      weight: 1,
      arbitrary: tagged('extreme', vec(constantFromS(0, 1, 1e-12, 1e12, 5e-324, 1e-300, 1e300))),
    },
  );
}

/** Sizes biased to small spaces, with an occasional large one. */
export const atomCount = (max = 30): fc.Arbitrary<number> =>
  fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 3, arbitrary: fc.integer({ min: 7, max: Math.min(12, max) }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) });

/** Weight vectors of a random size up to `max` (see weightsOf). */
export const weights = (max = 30) => atomCount(max).chain((n) => weightsOf(n));
