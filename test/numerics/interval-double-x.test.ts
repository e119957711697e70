import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { intervalDoubleXField as X, type ExtendedInterval } from '../../src/numerics/interval-double-x-field.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import type { Field } from '../../src/numerics/field.ts';

/**
 * The extended-exponent double intervals must enclose the exact value of every formula, also where
 * plain doubles underflow or overflow. Reference: the same formula in 60-digit Decimal intervals
 * (exponent range ±9e15). An enclosure [lo, hi] is accepted when it contains the reference
 * enclosure's midpoint up to the reference's own width (the exact value lies in both).
 */
const R = intervalField(60);
/** Exact enough for any double's expansion (≤ 767 significant digits) and any exponent here. */
const Wide = Decimal.clone({ precision: 2000, minE: -9e15, maxE: 9e15 });
type RI = ReturnType<typeof R.fromNumber>;

function contains(x: ExtendedInterval, ref: RI): boolean {
  const b = X.bounds(x);
  const lo = new Wide(ref.lo), hi = new Wide(ref.hi);
  if (!lo.isFinite() || !hi.isFinite()) return true; // an infinite reference end: only finite ones are compared
  const mid = lo.plus(hi).div(2), w = hi.minus(lo);
  return new Wide(b.lo).minus(w).lte(mid) && mid.lte(new Wide(b.hi).plus(w));
}

/** Doubles from every part of the range: subnormal, tiny, moderate, huge; both signs. */
const extreme = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(5e-324, 1e-310, 1e-300, 1e-12, 1, 1e12, 1e300, 1.7976931348623157e308),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -323, max: 308 })).map(([m, e]) => Number(`${m}e${e}`)),
);
const positive = extreme.map(Math.abs).filter((x) => x > 0 && Number.isFinite(x));

/** A formula over both contexts: products of tiny weights, their sum, log, exp, sqrt and a ratio. */
function formula<T>(F: Field<T>, w: number[], v: number): T[] {
  const ws = w.map((x) => F.fromNumber(x));
  const prod = ws.reduce((a, b) => F.mul(a, b));
  const total = ws.reduce((a, b) => F.add(a, b));
  const p = F.div(prod, total);
  const lp = F.log(p);
  return [prod, total, p, lp, F.exp(F.mul(F.fromNumber(v), lp)), F.sqrt(p), F.sub(p, F.div(prod, F.add(total, F.fromNumber(v)))), F.square(F.neg(p)), F.exp(F.fromNumber(v * 1e3)), F.cos(F.fromNumber(v))];
}

describe('extended-exponent double intervals', () => {
  test.prop([fc.array(positive, { minLength: 1, maxLength: 6 }), fc.double({ min: -3, max: 3, noNaN: true })], { numRuns: 800 })('enclose the exact value where doubles under- and overflow', (w, v) => {
    const got = formula(X, w, v), ref = formula(R, w, v);
    got.forEach((g, i) => expect(contains(g, ref[i]), `#${i}: [${X.bounds(g).lo}, ${X.bounds(g).hi}] vs [${ref[i].lo}, ${ref[i].hi}]`).toBe(true));
  });

  test.prop([extreme, extreme], { numRuns: 800 })('+ − × ÷ min max of signed values', (x, y) => {
    const a = X.fromNumber(x), b = X.fromNumber(y), p = R.fromNumber(x), q = R.fromNumber(y);
    for (const op of ['add', 'sub', 'mul', 'min', 'max', 'hull'] as const) expect(contains(X[op](a, b), R[op](p, q)), op).toBe(true);
    if (y !== 0) expect(contains(X.div(a, b), R.div(p, q))).toBe(true);
  });

  it('keeps μ(x)ⁿ for μ(x) = 5e-324/10^12 positive, where a double is 0', () => {
    const p = X.div(X.fromNumber(5e-324), X.fromNumber(1e12));
    const p4 = X.mul(X.mul(p, p), X.mul(p, p));
    expect(X.sign(p4)).toBe(1);
    expect(X.lowerNumber(p4)).toBe(0); // as a double it is below MIN_VALUE: 0 is the lower bound
    expect(X.upperNumber(p4)).toBe(Number.MIN_VALUE);
    // log p⁴ = 4·log p, finite and certified
    const lp = X.log(p4);
    expect(Number.isFinite(X.lowerNumber(lp)) && X.upperNumber(lp) < -3000).toBe(true);
    const rp = R.div(R.fromNumber(5e-324), R.fromNumber(1e12));
    expect(contains(lp, R.log(R.mul(R.mul(rp, rp), R.mul(rp, rp))))).toBe(true);
  });

  it('bounds e^x far outside the double range by powers of two', () => {
    const big = X.exp(X.fromNumber(1e5)), tiny = X.exp(X.fromNumber(-1e5));
    expect(contains(big, R.exp(R.fromNumber(1e5)))).toBe(true);
    expect(contains(tiny, R.exp(R.fromNumber(-1e5)))).toBe(true);
    expect(X.sign(tiny)).toBe(1);
    expect(X.bounds(X.exp(X.fromNumber(1e300)))).toEqual({ lo: '1e30000', hi: 'Infinity' });
    expect(X.bounds(X.exp(X.fromNumber(-1e300)))).toEqual({ lo: '0', hi: '1e-30000' });
  });
});
