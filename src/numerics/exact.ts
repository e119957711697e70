/**
 * Exact conversion of IEEE-754 doubles to decimal strings.
 *
 * A finite double is m·2^e with an integer m; when e < 0 it equals m·5^(−e)/10^(−e), a
 * terminating decimal. We build that string with BigInt, so no digit is rounded (decimal.js
 * parses decimal strings exactly, whatever its precision setting).
 */

const view = new DataView(new ArrayBuffer(8));

/** Decompose a finite double into sign, integer mantissa and binary exponent: x = ±m·2^e. */
export function decompose(x: number): { negative: boolean; mantissa: bigint; exponent: number } {
  if (!Number.isFinite(x)) throw new RangeError(`decompose: ${x} is not finite`);
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { negative, mantissa: fraction, exponent: -1074 };
  return { negative, mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

const powersOf5: bigint[] = [1n];
/** 5^k, cached: scales go up to 1074 and recur constantly. */
function pow5(k: number): bigint {
  for (let i = powersOf5.length; i <= k; i++) powersOf5.push(powersOf5[i - 1] * 5n);
  return powersOf5[k];
}

// the same doubles (weights, values, bounds) are converted again and again: remember the strings
const memo = new Map<number, string>();
const MEMO_LIMIT = 200_000;

/** The exact decimal value of a double ("Infinity", "-Infinity", "NaN" for the special values). */
export function exactDecimalString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  let s = memo.get(x);
  if (s === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(x, (s = convert(x)));
  }
  return s;
}

/** The exact decimal value of x·2^k for a finite double x and an integer k (any size). */
export function exactScaledDecimalString(x: number, k: number): string {
  if (k === 0 || x === 0 || !Number.isFinite(x)) return exactDecimalString(x);
  return convert(x, k);
}

function convert(x: number, k = 0): string {
  view.setFloat64(0, x);
  const hi = view.getUint32(0), lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const top = biased === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000;
  if (top === 0 && lo === 0) return '0';
  const sign = hi >>> 31 === 1 ? '-' : '';
  // drop trailing zero bits: m·2^e with m odd keeps the decimal expansion as short as it can be.
  // The mantissa has at most 53 bits: exact as a double, so the shift is a division by 2^tz.
  const tz = lo !== 0 ? 31 - Math.clz32(lo & -lo) : 32 + 31 - Math.clz32(top & -top);
  const mantissa = BigInt((top * 4294967296 + lo) / 2 ** tz);
  const exponent = (biased === 0 ? -1074 : biased - 1075) + k + tz;
  if (exponent >= 0) return sign + (mantissa << BigInt(exponent)).toString();
  const scale = -exponent;
  const digits = (mantissa * pow5(scale)).toString();
  // value = digits · 10^(−scale): written in scientific form to keep the string short for tiny values
  return `${sign}${digits}e-${scale}`;
}

/** The largest double below a finite x (−MIN_VALUE below ±0; −∞ below −MAX_VALUE). */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  view.setFloat64(0, x);
  // the bit pattern of a positive double grows with it, of a negative one shrinks
  view.setBigUint64(0, view.getBigUint64(0) + (x > 0 ? -1n : 1n));
  return view.getFloat64(0);
}

/**
 * The sign of Σa − Σb for finite doubles, exactly. Doubles decide when the rounded difference is
 * further from 0 than the summation error can reach (recursive summation of k terms errs by less
 * than k·2⁻⁵³·Σ|x|); otherwise every term becomes an integer multiple of the smallest power of two
 * among them and the sums are compared as BigInts.
 */
export function compareExactSums(a: readonly number[], b: readonly number[]): -1 | 0 | 1 {
  let sa = 0, sb = 0, mass = 0;
  for (const x of a) {
    sa += x;
    mass += Math.abs(x);
  }
  for (const x of b) {
    sb += x;
    mass += Math.abs(x);
  }
  const diff = sa - sb;
  // a, b and the difference each round: (|a| + |b| + 2)·2⁻⁵² of the mass bounds all of it, with room
  const reach = (a.length + b.length + 2) * 2 ** -52 * mass;
  if (Number.isFinite(diff) && Number.isFinite(reach) && Math.abs(diff) > 2 * reach) return diff > 0 ? 1 : -1;
  const terms = [...a.map(decompose), ...b.map((x) => {
    const t = decompose(x);
    return { ...t, negative: !t.negative };
  })];
  const E = Math.min(...terms.map((t) => t.exponent));
  let total = 0n;
  for (const t of terms) total += (t.negative ? -t.mantissa : t.mantissa) << BigInt(t.exponent - E);
  return total > 0n ? 1 : total < 0n ? -1 : 0;
}

/** x·2^k in steps that stay inside the double exponent range (exact unless it under- or overflows). */
export function ldexp(x: number, k: number): number {
  let y = x;
  for (let r = k; r !== 0 && y !== 0 && Number.isFinite(y); ) {
    const step = Math.max(-1000, Math.min(1000, r));
    y *= 2 ** step;
    r -= step;
  }
  return y;
}

/** Whether a·b = c·d exactly, for finite nonnegative doubles (products as BigInt mantissas). */
export function exactProductsEqual(a: number, b: number, c: number, d: number): boolean {
  // (a zero factor, not a product that underflows: 5e-324 · 1e-12 is not 0)
  const zeroLeft = a === 0 || b === 0, zeroRight = c === 0 || d === 0;
  if (zeroLeft || zeroRight) return zeroLeft === zeroRight;
  const [x, y, z, w] = [a, b, c, d].map(decompose);
  const left = { m: x.mantissa * y.mantissa, e: x.exponent + y.exponent }, right = { m: z.mantissa * w.mantissa, e: z.exponent + w.exponent };
  const e = Math.min(left.e, right.e);
  return left.m << BigInt(left.e - e) === right.m << BigInt(right.e - e);
}
