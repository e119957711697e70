import fc from 'fast-check';
import type { SharpWorld } from '../sharp/world.ts';
import { gridReal } from './reals.ts';

/**
 * Sharpness worlds: p ∈ {1, 2, 3} parameters, 2–4 data points with positive integer weights,
 * n ≤ 3 draws (≤ 64 datasets), inputs and labels on a grid (with zero inputs and duplicated points
 * as edge cases), frequency ω, ridge λ and radius ρ over several decades.
 */
const coord = fc.oneof({ weight: 4, arbitrary: gridReal(-2, 2, 2) }, { weight: 1, arbitrary: fc.constant(0) });

export const sharpWorldArb: fc.Arbitrary<SharpWorld> = fc
  .record({ p: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 2, max: 4 }), n: fc.integer({ min: 1, max: 3 }) })
  .chain(({ p, m, n }) =>
    fc.record({
      p: fc.constant(p),
      xs: fc.array(fc.array(coord, { minLength: p, maxLength: p }), { minLength: m, maxLength: m }),
      ys: fc.array(gridReal(-2, 2, 2), { minLength: m, maxLength: m }),
      weights: fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(1000)), { minLength: m, maxLength: m }),
      n: fc.constant(n),
      omega: fc.constantFrom(0.25, 0.5, 1, 2, 4),
      lambda: fc.constantFrom(0.01, 0.1, 1, 10),
      rho: fc.constantFrom(0.001, 0.05, 0.2, 0.5, 1),
    }),
  );
