import fc from 'fast-check';
import { gridReal, signedLogReal } from './reals.ts';

/**
 * Real values on atoms (functions g, random-variable values): small integers, moderate reals,
 * large magnitudes where e^g overflows doubles, and constants.
 */
export type ValueKind = 'small-int' | 'real' | 'large' | 'constant' | 'binary';

const real = fc.oneof(gridReal(-50, 50), signedLogReal(-6, 1), fc.constantFrom(5e-324, -5e-324, 0.1, 1 / 3));

export function valuesOf(n: number): fc.Arbitrary<{ kind: ValueKind; values: number[] }> {
  const vec = (a: fc.Arbitrary<number>) => fc.array(a, { minLength: n, maxLength: n });
  const tagged = (kind: ValueKind, a: fc.Arbitrary<number[]>) => a.map((values) => ({ kind, values }));
  return fc.oneof(
    { weight: 3, arbitrary: tagged('small-int', vec(fc.integer({ min: -5, max: 5 }))) },
    { weight: 3, arbitrary: tagged('real', vec(real)) },
    { weight: 1, arbitrary: tagged('large', vec(fc.oneof(fc.integer({ min: -800, max: 800 }), fc.constantFrom(-745, 709, 710, 1000, -1000)))) },
    { weight: 1, arbitrary: tagged('constant', fc.integer({ min: -3, max: 3 }).map((c) => Array(n).fill(c))) },
    { weight: 1, arbitrary: tagged('binary', vec(fc.constantFrom(0, 1))) },
  );
}

/** λ for mgf bounds: tiny, moderate and large, both signs. */
export const lambdaArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: gridReal(-10, 10) },
  { weight: 2, arbitrary: signedLogReal(-8, 2) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e-8, -1e-8, 0.5, -0.5, 1, -1) },
);
