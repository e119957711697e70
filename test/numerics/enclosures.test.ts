import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { intervalDoubleField as D } from '../../src/numerics/interval-double-field.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { exactDecimalString } from '../../src/numerics/exact.ts';
import { dist, DistributionError } from '../../src/prob/distribution.ts';
import { gridReal, signedLogReal } from '../../src/gen/reals.ts';

/** Enclosures must contain the exact result: checked against 50-digit Decimal on random inputs. */
const P = decimalField(50);
const inside = (enc: { lo: string; hi: string }, v: Decimal) => new Decimal(enc.lo).lte(v) && v.lte(new Decimal(enc.hi));
const anyReal = fc.oneof(gridReal(-700, 700, 6), signedLogReal(-300, 300), fc.double({ noNaN: true, noDefaultInfinity: true, min: -700, max: 700 }));
const positive = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: Number.MIN_VALUE }), signedLogReal(-300, 300).map(Math.abs));

describe('double-interval enclosures (V8 exp/log within one ulp, widened by two)', () => {
  test.prop([anyReal], { numRuns: 3000 })('exp', (x) => {
    expect(inside(D.bounds(D.exp(D.fromNumber(x))), P.exp(P.fromNumber(x)))).toBe(true);
  });
  test.prop([positive], { numRuns: 3000 })('log', (x) => {
    expect(inside(D.bounds(D.log(D.fromNumber(x))), P.log(P.fromNumber(x)))).toBe(true);
  });
  test.prop([anyReal, anyReal], { numRuns: 2000 })('+ − × ÷', (x, y) => {
    const [a, b] = [D.fromNumber(x), D.fromNumber(y)];
    const [p, q] = [P.fromNumber(x), P.fromNumber(y)];
    expect(inside(D.bounds(D.add(a, b)), P.add(p, q))).toBe(true);
    expect(inside(D.bounds(D.sub(a, b)), P.sub(p, q))).toBe(true);
    expect(inside(D.bounds(D.mul(a, b)), P.mul(p, q))).toBe(true);
    if (y !== 0) {
      // the 50-digit quotient is itself rounded: compare against an enclosure of it
      const I = intervalField(60);
      const e = I.div(I.fromNumber(x), I.fromNumber(y));
      const d = D.bounds(D.div(a, b));
      expect(new Decimal(d.lo).lte(e.lo) && e.hi.lte(new Decimal(d.hi))).toBe(true);
    }
  });
});

describe('Decimal-interval enclosures', () => {
  const I = intervalField(30);
  // |x| ≤ 1e6: beyond ~2e16 exp leaves decimal.js's exponent range (maxE 9e15) and both sides are ∞
  test.prop([fc.oneof(gridReal(-1e6, 1e6, 4), signedLogReal(-300, 5))], { numRuns: 500 })('exp at 30 digits contains the 50-digit value and is one ulp wide at most', (x) => {
    const e = I.exp(I.fromNumber(x));
    const v = P.exp(P.fromNumber(x));
    expect(e.lo.lte(v) && v.lte(e.hi)).toBe(true);
    expect(e.hi.minus(e.lo).lte(v.abs().times('1e-29'))).toBe(true);
  });
  test.prop([positive], { numRuns: 500 })('ln at 30 digits contains the 50-digit value', (x) => {
    const e = I.log(I.fromNumber(x));
    const v = P.log(P.fromNumber(x));
    expect(e.lo.lte(v) && v.lte(e.hi)).toBe(true);
  });
  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])('a double enters exactly', (x) => {
    const e = I.fromNumber(x);
    expect(e.lo.eq(e.hi) && e.lo.eq(new Decimal(exactDecimalString(x)))).toBe(true);
  });
});

describe('enclosure ends as points and as doubles', () => {
  const I = intervalField(30);
  const hugeOrTiny = fc.oneof(
    fc.double({ noNaN: true }),
    fc.integer({ min: -400, max: 400 }).chain((e) => fc.integer({ min: -999, max: 999 }).map((m) => `${m}.123456789e${e}`)),
  );
  const enc = hugeOrTiny.map((x) => (typeof x === 'number' ? I.fromNumber(x) : I.fromString(x)));
  test.prop([enc, enc], { numRuns: 1000 })('interval-decimal: lowerNumber ≤ lo and hi ≤ upperNumber, infinite only where the end is', (a, b) => {
    const x = I.hull(a, b);
    const lo = x.lo.isFinite() ? x.lo : null, hi = x.hi.isFinite() ? x.hi : null;
    const l = I.lowerNumber(x), u = I.upperNumber(x);
    // a finite end beyond the double range has only an infinite double on its outer side
    if (lo) expect(Number.isFinite(l) ? new Decimal(exactDecimalString(l)).lte(lo) : l === -Infinity && lo.lt(-Number.MAX_VALUE)).toBe(true);
    else expect(l).toBe(x.lo.toNumber());
    if (hi) expect(Number.isFinite(u) ? hi.lte(new Decimal(exactDecimalString(u))) : u === Infinity && hi.gt(Number.MAX_VALUE)).toBe(true);
    else expect(u).toBe(x.hi.toNumber());
    expect(I.lower(x).lo.eq(x.lo) && I.lower(x).hi.eq(x.lo) && I.upper(x).lo.eq(x.hi) && I.upper(x).hi.eq(x.hi)).toBe(true);
  });
  test.prop([fc.double({ noNaN: true }), fc.double({ noNaN: true })])('interval-double: the ends are the stored doubles', (x, y) => {
    const e = D.hull(D.fromNumber(x), D.fromNumber(y));
    expect([D.lowerNumber(e), D.upperNumber(e)]).toEqual([Math.min(x, y), Math.max(x, y)]);
    expect([D.lower(e), D.upper(e)]).toEqual([{ lo: e.lo, hi: e.lo }, { lo: e.hi, hi: e.hi }]);
  });
});

describe('finite distributions: clear errors', () => {
  test.each([
    [[], /at least one weight/],
    [[0, 0], /all weights are zero/],
    [[1, -1], /weight 1 is negative/],
    [[1, NaN], /weight 1 is not a number/],
    [[Infinity], /weight 0 is not finite/],
  ])('dist(%j)', (w, msg) => {
    expect(() => dist(w as number[])).toThrow(DistributionError);
    expect(() => dist(w as number[])).toThrow(msg as RegExp);
  });
});
