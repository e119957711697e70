import fc from 'fast-check';
import { matrixOf } from './matrices.ts';

/**
 * Data of the linear-Gaussian case study: inputs X (d×n), labels Y (k×n), the ground truth W*
 * (k×d), and the Gibbs teacher's prior precision λ, inverse temperature β_T and noise ν.
 */
export interface LgData {
  X: number[][];
  Y: number[][];
  Wstar: number[][];
  lambda: number;
  betaT: number;
  nu: number;
}

/** Linear-Gaussian data: k, d ≤ 3, n ≤ 4, with a grid of λ, β_T and ν. */
export const lgDataArb: fc.Arbitrary<LgData> = fc
  .record({ k: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 4 }) })
  .chain(({ k, d, n }) =>
    fc.record({
      X: matrixOf(d, n),
      Y: matrixOf(k, n),
      Wstar: matrixOf(k, d),
      lambda: fc.constantFrom(0.01, 0.1, 1, 10),
      betaT: fc.constantFrom(0.25, 0.5, 1, 2, 8),
      nu: fc.constantFrom(0.1, 0.25, 0.5, 1, 2),
    }),
  );
