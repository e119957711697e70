import { Decimal } from 'decimal.js';

/**
 * Natural logarithm with a rigorous enclosure, in binary fixed point on BigInt: about 10–30× faster
 * than decimal.js's ln at 20–100 digits (ln is most of the cost of a certified KL).
 *
 * x = N·10^E with an integer mantissa N; N = m·2^(b−1) with m ∈ [1, 2); m = c_j·z with the table
 * value c_j = 1 + j/64 (j the six bits after the leading one), so z ∈ [1, 1 + 1/64); and
 * ln z = 2·atanh(t), t = (z − 1)/(z + 1) < 1/129, summed until the terms drop below one unit.
 * Every fixed-point operation truncates by less than one unit of 2^−P; the constants (ln c_j, ln 2,
 * ln 10) are within one unit; the result is widened by a bound on all of these and rounded outward.
 */

interface Constants {
  P: number;
  one: bigint;
  ln2: bigint;
  ln10: bigint;
  lnC: bigint[];
}

const constants = new Map<number, Constants>();

/** atanh(n/d)·2^P for 0 ≤ n/d < 1, by its series in fixed point (under 2 units of error per term). */
function atanhFixed(n: bigint, d: bigint, P: number): bigint {
  const x = (n << BigInt(P)) / d;
  const x2 = (x * x) >> BigInt(P);
  let power = x, sum = 0n;
  for (let k = 1n; power > 0n; k += 2n) {
    sum += power / k;
    power = (power * x2) >> BigInt(P);
  }
  return sum;
}

/**
 * Constants at P bits, shifted down from a master table at the next multiple of 1024 bits plus 64
 * guard bits (the series' truncations, a few hundred units there, vanish in the shift):
 * ln 2 = 2 atanh(1/3), ln 10 = 3 ln 2 + 2 atanh(1/9), ln(1 + j/64) = 2 atanh(j/(128 + j)).
 */
export function constantsFor(P: number): Constants {
  let c = constants.get(P);
  if (!c) {
    const Pm = 1024 * Math.ceil((P + 1) / 1024) + 64;
    let m = constants.get(Pm);
    if (!m) {
      const ln2 = 2n * atanhFixed(1n, 3n, Pm);
      m = { P: Pm, one: 1n << BigInt(Pm), ln2, ln10: 3n * ln2 + 2n * atanhFixed(1n, 9n, Pm), lnC: Array.from({ length: 64 }, (_, j) => 2n * atanhFixed(BigInt(j), BigInt(128 + j), Pm)) };
      constants.set(Pm, m);
    }
    // master values are within a few hundred units of 2^−Pm: shifted down ≥ 64 bits, within two units of 2^−P
    const s = BigInt(Pm - P);
    c = { P, one: 1n << BigInt(P), ln2: m.ln2 >> s, ln10: m.ln10 >> s, lnC: m.lnC.map((v) => v >> s) };
    constants.set(P, c);
  }
  return c;
}

const bitLength = (n: bigint): number => n.toString(2).length;

/**
 * Integer mantissa and decimal exponent of a finite positive Decimal, x = N·10^E, from its
 * documented representation: digits `d` in base 10^7 (the first word without leading zeros) and
 * `e`, the decimal exponent of the leading digit.
 */
function decompose(x: Decimal): { N: bigint; E: number; length: number } {
  const d = x.d;
  let digits = String(d[0]);
  for (let i = 1; i < d.length; i++) digits += String(d[i]).padStart(7, '0');
  return { N: BigInt(digits), E: x.e - (digits.length - 1), length: digits.length };
}

const constructors = new Map<string, typeof Decimal>();
/** A Decimal constructor at `digits` with a directed rounding and the widest exponent range (cached). */
export function decimalAt(digits: number, rounding: Decimal.Rounding): typeof Decimal {
  const key = `${digits}:${rounding}`;
  let D = constructors.get(key);
  if (!D) constructors.set(key, (D = Decimal.clone({ precision: digits, rounding, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 })));
  return D;
}

/**
 * An enclosure of ln x for finite x > 0, with `digits` significant digits at each end (rounded
 * outward); absolute error below 10^−(digits+4) relative to max(1, |ln x|) before rounding.
 */
export function lnEnclosure(x: Decimal, digits: number): { lo: Decimal; hi: Decimal } {
  if (!(x.isFinite() && x.isPositive() && !x.isZero())) throw new RangeError(`lnEnclosure needs a finite positive argument, got ${x.toString()}`);
  // ln x (x ≠ 1 rational) is never on the decimal grid: more guard digits separate a straddled grid point
  for (const extra of [6, 30, 90]) {
    const e = lnWith(x, digits, extra);
    if (!wider(e, digits)) return e;
  }
  return lnWith(x, digits, 200);
}

/** More than one unit in the last place apart (relative to |hi|): the kernels then retry with more guard digits. */
export const wider = (e: { lo: Decimal; hi: Decimal }, digits: number): boolean => e.hi.minus(e.lo).gt(e.hi.abs().times(`1e-${digits - 1}`));

function lnWith(x: Decimal, digits: number, guardDigits: number): { lo: Decimal; hi: Decimal } {
  const { N, E, length } = decompose(x);
  // near 1, ln x ≈ x − 1 is small: carry as many extra digits as leading zeros of x − 1
  let extra = 0;
  if (x.e === 0 || x.e === -1) {
    const scaled = E < 0 ? N - tenTo(-E) : N - 1n; // (x − 1)·10^−E
    if (scaled === 0n) return { lo: new Decimal(0), hi: new Decimal(0) };
    extra = Math.max(0, length - (scaled < 0n ? -scaled : scaled).toString().length - (x.e === -1 ? 1 : 0));
  }
  const P = 32 * Math.ceil(((digits + guardDigits + 6 + Math.min(extra, 4 * digits)) * 3.3219280948873626 + 16) / 32);
  const c = constantsFor(P);
  const b = bitLength(N);
  // m = N / 2^(b−1) ∈ [1, 2) as fixed point (exact when N fits in P bits)
  const shift = BigInt(P - (b - 1));
  const M = shift >= 0n ? N << shift : N >> -shift;
  const j = Number((M >> BigInt(P - 6)) & 63n);
  const Cj = BigInt(64 + j) << BigInt(P - 6);
  const Z = (M << BigInt(P)) / Cj; // z = m / c_j ∈ [1, 1 + 1/64)
  const T = ((Z - c.one) << BigInt(P)) / (Z + c.one); // t = (z − 1)/(z + 1)
  const T2 = (T * T) >> BigInt(P);
  let power = T, sum = 0n, terms = 0;
  for (let k = 1n; power > 0n; k += 2n, terms++) {
    sum += power / k;
    power = (power * T2) >> BigInt(P);
  }
  const lnZ = 2n * sum;
  const R = c.lnC[j] + lnZ + BigInt(b - 1) * c.ln2 + BigInt(E) * c.ln10;
  // truncations: shifts and divisions (≤ 4), 2 per series term, doubled by the factor 2; constants
  // (ln c_j, (b − 1)·ln 2, E·ln 10) within two units each (a master value shifted down), times their multipliers
  const pad = BigInt(8 + 4 * terms + 2 * (1 + Math.abs(b - 1) + Math.abs(E)) + 4);
  const K = digits + guardDigits + Math.min(extra, 4 * digits);
  return { lo: fixedToDecimal(R - pad, P, K, digits, false), hi: fixedToDecimal(R + pad, P, K, digits, true) };
}

const pow10 = new Map<number, bigint>();
const tenTo = (k: number): bigint => {
  let t = pow10.get(k);
  if (t === undefined) pow10.set(k, (t = 10n ** BigInt(k)));
  return t;
};

/**
 * v·2^−P as a Decimal of `digits` significant digits, rounded toward −∞ (`up` false) or +∞: the
 * decimal expansion to K places is truncated toward the rounding direction, then rounded.
 */
export function fixedToDecimal(v: bigint, P: number, K: number, digits: number, up: boolean): Decimal {
  const negative = v < 0n;
  const a = negative ? -v : v;
  let q = (a * tenTo(K)) >> BigInt(P); // floor(|v|·10^K / 2^P)
  // |v|·10^K/2^P ∈ [q, q + 1): move outward in the rounding direction
  if (up !== negative) q += 1n;
  const rounding = up ? Decimal.ROUND_CEIL : Decimal.ROUND_FLOOR;
  return new (decimalAt(digits, rounding))(`${negative ? '-' : ''}${q}e-${K}`).toSignificantDigits(digits, rounding);
}
