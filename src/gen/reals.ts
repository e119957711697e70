import fc from 'fast-check';

/**
 * Real numbers spread the way a person means "between a and b". fc.double is uniform over bit
 * patterns, so most of its draws are tiny; these are uniform on a decimal grid, or log-uniform.
 */

/** k/10^digits for integer k, uniform on [min, max]. */
export const gridReal = (min: number, max: number, digits = 3): fc.Arbitrary<number> =>
  fc.integer({ min: Math.ceil(min * 10 ** digits), max: Math.floor(max * 10 ** digits) }).map((k) => k / 10 ** digits);

/** m·10^e with m in [1, 10) on a 3-digit grid and e uniform in [minExp, maxExp]: log-uniform magnitudes. */
export const logReal = (minExp: number, maxExp: number): fc.Arbitrary<number> =>
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: minExp, max: maxExp })).map(([m, e]) => (m / 1000) * 10 ** e);

/** Either sign of a log-uniform magnitude. */
export const signedLogReal = (minExp: number, maxExp: number): fc.Arbitrary<number> =>
  fc.tuple(fc.boolean(), logReal(minExp, maxExp)).map(([neg, x]) => (neg ? -x : x));
