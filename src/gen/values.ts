import fc from 'fast-check';
import { gridReal, gridRealS, signedLogReal, signedLogRealS } from './reals.ts';
import { constantFromS, intS, oneofS, vectorOf, type Sampler } from './fast-vector.ts';

/**
 * Real values on atoms (functions g, random-variable values): small integers, moderate reals,
 * large magnitudes where e^g overflows doubles, and constants.
 */
export type ValueKind = 'small-int' | 'real' | 'large' | 'constant' | 'binary';

const real = oneofS({ weight: 1, sampler: gridRealS(-50, 50) }, { weight: 1, sampler: signedLogRealS(-6, 1) }, { weight: 1, sampler: constantFromS(5e-324, -5e-324, 0.1, 1 / 3) });

/** Value vectors of length n: small integers, reals, large magnitudes, constants and binary values. */
export function valuesOf(n: number): fc.Arbitrary<{ kind: ValueKind; values: number[] }> {
  const vec = (a: Sampler<number>) => vectorOf(a, n);
  const tagged = (kind: ValueKind, a: fc.Arbitrary<number[]>) => a.map((values) => ({ kind, values }));
  return fc.oneof(
    { weight: 3, arbitrary: tagged('small-int', vec(intS(-5, 5))) },
    { weight: 3, arbitrary: tagged('real', vec(real)) },
    { weight: 1, arbitrary: tagged('large', vec(oneofS({ weight: 1, sampler: intS(-800, 800) }, { weight: 1, sampler: constantFromS(-745, 709, 710, 1000, -1000) }))) },
    { weight: 1, arbitrary: tagged('constant', fc.integer({ min: -3, max: 3 }).map((c) => Array(n).fill(c))) },
    { weight: 1, arbitrary: tagged('binary', vec(constantFromS(0, 1))) },
  );
}

/** λ for mgf bounds: tiny, moderate and large, both signs. */
export const lambdaArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: gridReal(-10, 10) },
  { weight: 2, arbitrary: signedLogReal(-8, 2) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e-8, -1e-8, 0.5, -0.5, 1, -1) },
);
