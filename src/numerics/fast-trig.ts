import { Decimal } from 'decimal.js';
import { toFixed } from './fast-exp.ts';
import { fixedToDecimal } from './fast-ln.ts';

/**
 * Cosine and sine with rigorous enclosures, in binary fixed point on BigInt (decimal.js's cos costs
 * most of a Decimal evaluation of the sharpness worlds). x = k·π/2 + r with |r| < 0.8, then the
 * Taylor series of cos r or sin r, summed until the terms drop below one unit of 2^−P. Truncations
 * (under a unit per step), the floor of x (one unit) and k·π/2 (2|k| units; π/2 within two) are
 * bounded by `pad` units; |d sin/dr|, |d cos/dr| ≤ 1, so input errors pass through unamplified. The
 * error is absolute, about 10^−(digits+8): as tight as decimal.js's own result padded by 10^−digits,
 * which the interval context used before, and 10^8 times tighter.
 */
const LOG2_10 = 3.3219280948873626;

/** atan(1/m)·2^P by its alternating series (each term truncated by under one unit). */
function atanInverse(m: bigint, P: number): bigint {
  const m2 = m * m;
  let power = (1n << BigInt(P)) / m, sum = 0n;
  for (let k = 1n, sign = 1n; power > 0n; k += 2n, sign = -sign) {
    sum += (sign * power) / k;
    power /= m2;
  }
  return sum;
}

const masters = new Map<number, bigint>();
/** π/2 at P bits within two units: Machin's π/4 = 4 atan(1/5) − atan(1/239) at the next multiple of 1024 bits plus 64, shifted down. */
function halfPiFixed(P: number): bigint {
  const Pm = 1024 * Math.ceil((P + 1) / 1024) + 64;
  let m = masters.get(Pm);
  if (m === undefined) masters.set(Pm, (m = 8n * atanInverse(5n, Pm) - 2n * atanInverse(239n, Pm)));
  return m >> BigInt(Pm - P);
}

const bitLength = (n: number): number => (n === 0 ? 0 : Math.floor(Math.log2(Math.abs(n))) + 1);

/**
 * An enclosure of cos x or sin x for a finite Decimal x with |x| < 10^6 (null otherwise: decimal.js
 * handles the rest), each end with at most `digits` significant digits, rounded outward, within [−1, 1].
 */
export function trigEnclosure(fn: 'cos' | 'sin', x: Decimal, digits: number): { lo: Decimal; hi: Decimal } | null {
  if (!x.isFinite()) return null;
  if (x.isZero()) return fn === 'cos' ? { lo: new Decimal(1), hi: new Decimal(1) } : { lo: new Decimal(0), hi: new Decimal(0) };
  const xd = x.toNumber();
  if (!(Math.abs(xd) < 1e6)) return null;
  const k = Math.round(xd / (Math.PI / 2));
  const K = digits + 10; // decimal places carried
  const P = 32 * Math.ceil((K * LOG2_10 + 16 + bitLength(k)) / 32);
  const one = 1n << BigInt(P);
  const R = toFixed(x, P) - BigInt(k) * halfPiFixed(P); // |r| ≤ π/4 + rounding of k < 0.8
  const R2 = (R * R) >> BigInt(P);
  const quadrant = ((k % 4) + 4) % 4;
  // cos x: cos r, −sin r, −cos r, sin r by quadrant; sin x: sin r, cos r, −sin r, −cos r
  const useSin = fn === 'cos' ? quadrant % 2 === 1 : quadrant % 2 === 0;
  const negate = fn === 'cos' ? quadrant === 1 || quadrant === 2 : quadrant >= 2;
  let term = useSin ? R : one, sum = term, terms = 0;
  for (let n = useSin ? 1 : 0; term !== 0n; n += 2, terms++) {
    term = -((term * R2) >> BigInt(P)) / BigInt((n + 1) * (n + 2));
    sum += term;
  }
  const S = negate ? -sum : sum;
  const pad = BigInt(8 + 3 * terms + 2 * Math.abs(k));
  const clamp = (v: bigint) => (v > one ? one : v < -one ? -one : v);
  return { lo: fixedToDecimal(clamp(S - pad), P, K + 2, digits, false), hi: fixedToDecimal(clamp(S + pad), P, K + 2, digits, true) };
}
