import type fc from 'fast-check';
import type { Args, Value } from './protocol.ts';

/**
 * The floating-point format an implementation is judged in (`--precision`). Every tolerance policy
 * is written once as a multiple of the unit roundoff u (4(n + 2)·u·cond, say) and takes u and the
 * underflow floor from here, so a float32 library is held to what float32 can do with the same
 * conditioning rule. What is judged strictly does not change with the format: NaN and ±∞ where the
 * exact result (rounded to the format) is finite, overflow, and validation.
 */
export interface Precision {
  readonly name: 'float64' | 'float32';
  /** unit roundoff: 2^-53 for doubles, 2^-24 for float32 */
  readonly u: number;
  /** absolute floor of every tolerance: 16 subnormal ulps of the format (a result that underflows keeps no relative accuracy) */
  readonly underflowFloor: number;
  /** the largest finite number of the format */
  readonly max: number;
  /** the number of the format nearest to a double (±∞ beyond the range) */
  round(x: number): number;
  /**
   * An input moved into the format, keeping its edge cases: a value of the format stays; others
   * inside ±2^±64 are rounded;
   * beyond, the binary exponent is compressed onto the format's range, so 1e300 stays huge
   * (≈ 9e37 in float32) and 5e-324 stays the smallest subnormal. A matrix is scaled as a whole by
   * a power of two (exact), so its structure (symmetry, definiteness up to rounding) survives.
   */
  toFormat(args: Args): Args;
}

const identity = (args: Args): Args => args;

export const FLOAT64: Precision = { name: 'float64', u: 2 ** -53, underflowFloor: 2 ** -1070, max: Number.MAX_VALUE, round: (x) => x, toFormat: identity };

/** log2 of the format's extremes onto which the doubles' exponents beyond ±64 are compressed */
const F32 = { maxLog2: Math.log2(3.4028234663852886e38), minLog2: -149 };
const KEEP = 64;

/** The binary logarithm of |x| moved from the doubles' range onto float32's (identity within ±64). */
function compressLog2(l: number): number {
  if (l > KEEP) return KEEP + ((l - KEEP) * (F32.maxLog2 - KEEP)) / (1024 - KEEP);
  if (l < -KEEP) return -KEEP + ((l + KEEP) * (F32.minLog2 + KEEP)) / (-1074 + KEEP);
  return l;
}

function scalarToFloat32(x: number): number {
  if (!Number.isFinite(x) || Math.fround(x) === x) return x; // already a float32 (e.g. drawn at its limits)
  const l = Math.log2(Math.abs(x));
  if (l >= -KEEP && l <= KEEP) return Math.fround(x);
  const y = Math.fround(Math.sign(x) * 2 ** compressLog2(l));
  return Number.isFinite(y) ? y : Math.sign(x) * Math.fround(3.4028234663852886e38);
}

function matrixToFloat32(A: number[][]): number[][] {
  if (A.every((r) => r.every((x) => !Number.isFinite(x) || Math.fround(x) === x))) return A;
  const big = Math.max(0, ...A.flat().filter(Number.isFinite).map(Math.abs));
  if (big === 0) return A.map((r) => r.map(Math.fround));
  const l = Math.log2(big);
  // one exact power of two for the whole matrix; the largest entry lands where compression puts it
  const s = 2 ** Math.round(compressLog2(l) - l);
  return A.map((r) => r.map((x) => Math.fround(x * s)));
}

function valueToFloat32(v: Value): Value {
  if (typeof v === 'number') return scalarToFloat32(v);
  if (v.length > 0 && Array.isArray(v[0])) return matrixToFloat32(v as number[][]);
  return (v as number[]).map(scalarToFloat32);
}

export const FLOAT32: Precision = {
  name: 'float32',
  u: 2 ** -24,
  underflowFloor: 2 ** -145,
  max: 3.4028234663852886e38,
  round: Math.fround,
  // a word (kd_loss's reduction) is not a number: it travels as it is
  toFormat: (args) => Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? v : valueToFloat32(v)])),
};

export const PRECISIONS = { float64: FLOAT64, float32: FLOAT32 } as const;
export type PrecisionName = keyof typeof PRECISIONS;

/** A generator of cases drawn representable in the format (the identity for doubles). */
export function representableIn<C extends { args: Args }>(P: Precision, cases: fc.Arbitrary<C>): fc.Arbitrary<C> {
  return P === FLOAT64 ? cases : cases.map((c) => ({ ...c, args: P.toFormat(c.args) }));
}

/**
 * How invalid input is judged (`--validation`): `strict` expects an error or NaN and reports a
 * finite answer as a silent wrong answer; `lenient` sends invalid input and reports what came back,
 * without judging it, for libraries that document no validation.
 */
export type Validation = 'strict' | 'lenient';

/** Everything an answer is judged against besides the reference value. */
export interface Profile {
  precision: Precision;
  validation: Validation;
}

export const DEFAULT_PROFILE: Profile = { precision: FLOAT64, validation: 'strict' };
