import fc from 'fast-check';
import type { SharpWorld } from '../sharp/world.ts';
import type { SharpKdWorld } from '../sharp/kd-world.ts';
import { gridReal } from './reals.ts';

/**
 * Sharpness worlds: p ∈ {1, 2, 3} parameters, 2–4 data points with positive integer weights,
 * n ≤ 3 draws (≤ 64 datasets), inputs and labels on a grid (with zero inputs and duplicated points
 * as edge cases), frequency ω, ridge λ and radius ρ over several decades.
 */
const coord = fc.oneof({ weight: 4, arbitrary: gridReal(-2, 2, 2) }, { weight: 1, arbitrary: fc.constant(0) });

const randomWorldArb: fc.Arbitrary<SharpWorld> = fc
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

/**
 * Resonant worlds, where the sharpness bounds come close: inputs ±e_k (every point at the largest
 * norm), labels at multiples kπ/ω, so that a teacher near 0 (large ridge λ) sits where
 * cos(ω(fᵀx − y)) = ±1 (the sharpness of a point is largest there and the gradient g0 nearly 0);
 * `aligned` keeps every k even (cos = +1 everywhere: E S_P reaches its curvature bound as ρ → 0).
 */
const resonantWorldArb: fc.Arbitrary<SharpWorld> = fc
  .record({ p: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 2, max: 4 }), n: fc.integer({ min: 1, max: 3 }), omega: fc.constantFrom(0.5, 1, 2, 4), aligned: fc.boolean() })
  .chain(({ p, m, n, omega, aligned }) =>
    fc.record({
      p: fc.constant(p),
      xs: fc.array(fc.tuple(fc.integer({ min: 0, max: p - 1 }), fc.constantFrom(-1, 1)).map(([k, sgn]) => Array.from({ length: p }, (_, i) => (i === k ? sgn : 0))), { minLength: m, maxLength: m }),
      ys: fc.array(aligned ? fc.constantFrom(0, 2, -2) : fc.constantFrom(0, 1, -1, 2), { minLength: m, maxLength: m }).map((ks) => ks.map((k) => (k * Math.PI) / omega)),
      weights: fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(1000)), { minLength: m, maxLength: m }),
      n: fc.constant(n),
      omega: fc.constant(omega),
      lambda: fc.constantFrom(10, 100, 1000),
      rho: fc.constantFrom(0.001, 0.01, 0.05, 0.2, 1),
    }),
  );

/** Sharpness worlds (see the description above): random ones, and now and then resonant ones. */
export const sharpWorldArb: fc.Arbitrary<SharpWorld> = fc.oneof({ weight: 3, arbitrary: randomWorldArb }, { weight: 1, arbitrary: resonantWorldArb });

/** Distillation processes over sharpness worlds: a grid X × Y with 1–2 inputs and 2 labels, and a pseudo-label channel. */
export const sharpKdWorldArb: fc.Arbitrary<SharpKdWorld> = fc
  .record({ p: fc.integer({ min: 1, max: 2 }), a: fc.integer({ min: 1, max: 2 }), n: fc.integer({ min: 1, max: 3 }) })
  .chain(({ p, a, n }) =>
    fc.record({
      p: fc.constant(p),
      inputs: fc.array(fc.array(coord, { minLength: p, maxLength: p }), { minLength: a, maxLength: a }),
      labels: fc.array(gridReal(-2, 2, 2), { minLength: 2, maxLength: 2 }),
      weights: fc.array(fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(50)), { minLength: 2, maxLength: 2 }), { minLength: a, maxLength: a }),
      n: fc.constant(n),
      omega: fc.constantFrom(0.5, 1, 2),
      lambda: fc.constantFrom(0.1, 1, 10),
      rho: fc.constantFrom(0.05, 0.2, 0.5, 1),
      // the true channel (Γ = Δ, K_n = 0: no room) as an edge case; K_n > 0 otherwise
      relabel: fc.oneof(
        { weight: 1, arbitrary: fc.constant({ kind: 'truth' as const }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('gibbs' as const), beta: fc.constantFrom(0.5, 2, 8) }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('mixture' as const), beta: fc.constantFrom(0.5, 2, 8), eps: fc.constantFrom(0.01, 0.1, 0.5) }) },
      ),
    }),
  );
