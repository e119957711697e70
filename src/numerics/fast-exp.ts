import { Decimal } from 'decimal.js';
import { constantsFor, decimalAt, wider } from './fast-ln.ts';

/**
 * Exponential with a rigorous enclosure, in binary fixed point on BigInt (decimal.js's exp costs
 * about 25× mpmath's at 40 digits). x = k·ln 2 + r with |r| ≤ ln 2 / 2; e^r = (e^{r/2^s})^{2^s}
 * with the Taylor series of e^{r/2^s} summed until its terms drop below one unit of 2^−P. The
 * truncations (under one unit each), the error of k·ln 2 (|k| units) and their growth through the
 * s squarings are bounded by a relative 2^−(P − guard), which the result is widened by before it is
 * rounded outward to `digits` significant digits.
 */
const SQUARINGS = 8;
const LOG2_10 = 3.3219280948873626;

/** ln 2 at P bits, within two units (the logarithm kernel's constant table). */
const ln2Fixed = (P: number): bigint => constantsFor(P).ln2;

const bitLength = (n: bigint): number => (n < 0n ? -n : n).toString(2).length;

/** floor(x·2^P) for a finite Decimal x (exact decimal scaling, then one floor). */
export function toFixed(x: Decimal, P: number): bigint {
  const d = x.d;
  let digits = String(d[0]);
  for (let i = 1; i < d.length; i++) digits += String(d[i]).padStart(7, '0');
  const E = x.e - (digits.length - 1); // |x| = N·10^E
  let N = BigInt(digits) << BigInt(P);
  if (E >= 0) N *= 10n ** BigInt(E);
  else N = x.isNegative() ? -((N + 10n ** BigInt(-E) - 1n) / 10n ** BigInt(-E)) : N / 10n ** BigInt(-E);
  return E >= 0 && x.isNegative() ? -N : N;
}

/**
 * An enclosure of e^x for a finite Decimal x with |x| < 10^4 (null otherwise: decimal.js handles the rest), each
 * end with `digits` significant digits, rounded outward.
 */
export function expEnclosure(x: Decimal, digits: number): { lo: Decimal; hi: Decimal } | null {
  // e^x (x ≠ 0 rational) is never on the decimal grid: when the enclosure straddles a grid point,
  // more guard digits separate it, so the result is one unit wide like a correctly rounded one
  for (const extra of [8, 30, 90]) {
    const e = expWith(x, digits, extra);
    if (e === null || !wider(e, digits)) return e;
  }
  return expWith(x, digits, 200);
}


function expWith(x: Decimal, digits: number, extra: number): { lo: Decimal; hi: Decimal } | null {
  if (!x.isFinite()) return null;
  if (x.isZero()) return { lo: new Decimal(1), hi: new Decimal(1) };
  const xd = x.toNumber();
  // beyond e^±10000 the decimal conversion below grows with |x|: decimal.js is as fast there
  if (!(Math.abs(xd) < 1e4)) return null;
  if (x.e < -(digits + 4)) {
    // |x| < 10^−(digits+4): e^x lies between 1 and 1 + 2x, within one unit of 1
    const down = decimalAt(digits, Decimal.ROUND_FLOOR), up = decimalAt(digits, Decimal.ROUND_CEIL);
    return x.isPositive() ? { lo: new down(1), hi: up.add(1, up.mul(x, 2)) } : { lo: down.add(1, down.mul(x, 2)), hi: new up(1) };
  }
  const k = Math.round(xd / Math.LN2);
  const guard = SQUARINGS + 24 + bitLength(BigInt(k));
  const P = 32 * Math.ceil(((digits + extra + 2) * LOG2_10 + guard) / 32);
  const one = 1n << BigInt(P);
  const R = toFixed(x, P) - BigInt(k) * ln2Fixed(P); // r = x − k·ln 2, |r| ≤ ~0.35 (+ rounding of k)
  const Rs = R >> BigInt(SQUARINGS); // r / 2^s (floor: one more unit)
  let term = one, sum = one;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * Rs) / (n << BigInt(P));
    sum += term;
  }
  let Y = sum;
  for (let i = 0; i < SQUARINGS; i++) Y = (Y * Y) >> BigInt(P);
  // e^x ∈ Y·2^(k−P)·[1 − δ, 1 + δ] with δ = 2^−(P − guard): write it as q·10^(E10 − K) with K digits
  const K = digits + extra;
  const E10 = Math.floor(xd / Math.LN10) - 1;
  const a = K - E10; // multiply by 10^a and by 2^(k − P)
  let num = Y, den = 1n;
  if (a >= 0) num *= 10n ** BigInt(a);
  else den *= 10n ** BigInt(-a);
  const b = k - P;
  if (b >= 0) num <<= BigInt(b);
  else den <<= BigInt(-b);
  const q = num / den; // floor; true value in [q, q + 1)·(1 ± δ)
  const pad = (q >> BigInt(P - guard)) + 2n;
  const down = decimalAt(digits, Decimal.ROUND_FLOOR), up = decimalAt(digits, Decimal.ROUND_CEIL);
  const lo = q - pad;
  return {
    lo: new down(`${lo > 0n ? lo : 0n}e${E10 - K}`).toSignificantDigits(digits, Decimal.ROUND_FLOOR),
    hi: new up(`${q + 1n + pad}e${E10 - K}`).toSignificantDigits(digits, Decimal.ROUND_CEIL),
  };
}
