import fc from 'fast-check';
import { booleanS, intS, mapS, tuple2S, type Sampler } from './fast-vector.ts';

/**
 * Real numbers spread the way a person means "between a and b". fc.double is uniform over bit
 * patterns, so most of its draws are tiny; these are uniform on a decimal grid, or log-uniform.
 * Each is a Sampler (src/gen/fast-vector.ts) too, so vectors of them generate without per-element objects.
 */

/** k/10^digits for integer k, uniform on [min, max]. */
export const gridRealS = (min: number, max: number, digits = 3): Sampler<number> =>
  mapS(intS(Math.ceil(min * 10 ** digits), Math.floor(max * 10 ** digits)), (k) => k / 10 ** digits);
/** The same as a fast-check arbitrary. */
export const gridReal = (min: number, max: number, digits = 3): fc.Arbitrary<number> => gridRealS(min, max, digits).arb;

/** m·10^e with m in [1, 10) on a 3-digit grid and e uniform in [minExp, maxExp]: log-uniform magnitudes. */
export const logRealS = (minExp: number, maxExp: number): Sampler<number> =>
  tuple2S(intS(1000, 9999), intS(minExp, maxExp), (m, e) => (m / 1000) * 10 ** e);
/** The same as a fast-check arbitrary. */
export const logReal = (minExp: number, maxExp: number): fc.Arbitrary<number> => logRealS(minExp, maxExp).arb;

/** Either sign of a log-uniform magnitude. */
export const signedLogRealS = (minExp: number, maxExp: number): Sampler<number> =>
  tuple2S(booleanS(), logRealS(minExp, maxExp), (neg, x) => (neg ? -x : x));
/** The same as a fast-check arbitrary. */
export const signedLogReal = (minExp: number, maxExp: number): fc.Arbitrary<number> => signedLogRealS(minExp, maxExp).arb;
