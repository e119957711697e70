import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { lnEnclosure } from '../../src/numerics/fast-ln.ts';

/** decimal.js's own ln, 30 digits finer: an independent implementation (Taylor series on its own arithmetic). */
const reference = (x: string, digits: number) => Decimal.clone({ precision: digits + 30 }).ln(x);

const encloses = (x: string, digits: number) => {
  const e = lnEnclosure(new Decimal(x), digits);
  const ref = reference(x, digits);
  expect(e.lo.lte(ref), `${x} at ${digits}: lo ${e.lo} > ${ref}`).toBe(true);
  expect(e.hi.gte(ref), `${x} at ${digits}: hi ${e.hi} < ${ref}`).toBe(true);
  // and tightly: a few units in the last of `digits` places, relative to |ln x| (so exactly [0, 0]
  // at x = 1, which the generator reaches as e.g. 10e-1: a relative width would be 0/0 there)
  const width = e.hi.minus(e.lo);
  expect(width.lte(ref.abs().times(new Decimal(10).pow(-(digits - 2)))), `${x} at ${digits}: width ${width}`).toBe(true);
};

const mantissa = fc.bigInt({ min: 1n, max: 10n ** 60n });
const decimalArb = fc.tuple(mantissa, fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`);

describe('the fixed-point logarithm', () => {
  test.prop([decimalArb, fc.integer({ min: 15, max: 200 })], { numRuns: 400 })('encloses ln x tightly', (x, digits) => encloses(x, digits));

  it.each(['2', '10', '0.5', '5e-324', '1.7976931348623157e308', '1e-300000', '9e900000', '3.1415926535897932384626433832795028841971'])('encloses ln %s', (x) => {
    for (const digits of [20, 40, 100, 250]) encloses(x, digits);
  });

  it('keeps relative accuracy next to 1, where ln x ≈ x − 1 is tiny', () => {
    for (const x of ['1.000000000000000000000000000001', '0.999999999999999999999999', '1.0000000000000002220446049250313080847263336181640625', '0.99999999999999988897769753748434595763683319091796875']) for (const digits of [20, 40, 80]) encloses(x, digits);
  });

  it('is exact at 1 and refuses what has no real logarithm', () => {
    expect(lnEnclosure(new Decimal(1), 40)).toEqual({ lo: new Decimal(0), hi: new Decimal(0) });
    for (const x of ['0', '-1', 'Infinity', 'NaN']) expect(() => lnEnclosure(new Decimal(x), 40)).toThrow(RangeError);
  });
});

import { expEnclosure } from '../../src/numerics/fast-exp.ts';

const expEncloses = (x: string, digits: number) => {
  const e = expEnclosure(new Decimal(x), digits)!;
  const ref = Decimal.clone({ precision: digits + 30, minE: -9e15, maxE: 9e15 }).exp(x);
  expect(e.lo.lte(ref), `${x} at ${digits}: lo ${e.lo} > ${ref}`).toBe(true);
  expect(e.hi.gte(ref), `${x} at ${digits}: hi ${e.hi} < ${ref}`).toBe(true);
  // one unit in the last place, like a correctly rounded pair of ends
  expect(e.hi.minus(e.lo).lte(e.hi.times(`1e-${digits - 1}`)), `${x} at ${digits}: [${e.lo}, ${e.hi}]`).toBe(true);
};

describe('the fixed-point exponential', () => {
  const argument = fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -60, max: 3 })).map(([m, e]) => `${m}e${e}`).filter((s) => Math.abs(Number(s)) < 1e4);
  test.prop([argument, fc.integer({ min: 15, max: 200 })], { numRuns: 400 })('encloses e^x within one unit', (x, digits) => encloses2(x, digits));
  const encloses2 = expEncloses;

  it.each(['1', '-1', '-745.1', '709.78', '9999.5', '-9999.5', '1e-23', '-1e-23', '1e-300', '0.6931471805599453094172321214581765680755'])('encloses e^%s', (x) => {
    for (const digits of [20, 30, 40, 100, 250]) expEncloses(x, digits);
  });

  it('is exact at 0 and leaves |x| ≥ 1e4 and non-finite x to decimal.js', () => {
    expect(expEnclosure(new Decimal(0), 40)).toEqual({ lo: new Decimal(1), hi: new Decimal(1) });
    for (const x of ['1e4', '-123456', 'Infinity', 'NaN']) expect(expEnclosure(new Decimal(x), 40)).toBeNull();
  });
});

import { trigEnclosure } from '../../src/numerics/fast-trig.ts';

const trigEncloses = (fn: 'cos' | 'sin', x: string, digits: number) => {
  const e = trigEnclosure(fn, new Decimal(x), digits)!;
  const ref = Decimal.clone({ precision: digits + 30 })[fn](x);
  expect(e.lo.lte(ref), `${fn} ${x} at ${digits}: lo ${e.lo} > ${ref}`).toBe(true);
  expect(e.hi.gte(ref), `${fn} ${x} at ${digits}: hi ${e.hi} < ${ref}`).toBe(true);
  // a few units in the last place, or 10^−(digits+6) absolute where cos/sin is near 0
  const width = e.hi.minus(e.lo);
  expect(width.lte(Decimal.max(ref.abs().times(`1e-${digits - 2}`), `1e-${digits + 6}`)), `${fn} ${x} at ${digits}: [${e.lo}, ${e.hi}]`).toBe(true);
};

describe('the fixed-point cosine and sine', () => {
  const argument = fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -60, max: 5 })).map(([m, e]) => `${m}e${e}`).filter((s) => Math.abs(Number(s)) < 1e6);
  test.prop([fc.constantFrom<'cos' | 'sin'>('cos', 'sin'), argument, fc.integer({ min: 15, max: 200 })], { numRuns: 400 })('encloses cos x and sin x tightly', (fn, x, digits) => trigEncloses(fn, x, digits));

  // multiples of π/2 and π/4 (rounded), huge and tiny arguments, the quadrant boundaries
  it.each(['1', '-1', '1.5707963267948966192313216916397514420985846996875529', '3.14159265358979323846264338327950288419716939937510582', '-4.71238898038468985769396507491925432629575409906265871', '0.78539816339744830961566084581987572104929234984377645', '2.356194490192345', '999999.5', '-999999.5', '1e-30', '-1e-300', '710.5'])('encloses cos and sin of %s', (x) => {
    for (const digits of [20, 40, 100, 250]) for (const fn of ['cos', 'sin'] as const) trigEncloses(fn, x, digits);
  });

  it('is exact at 0 and leaves |x| ≥ 1e6 and non-finite x to decimal.js', () => {
    expect(trigEnclosure('cos', new Decimal(0), 40)).toEqual({ lo: new Decimal(1), hi: new Decimal(1) });
    expect(trigEnclosure('sin', new Decimal(0), 40)).toEqual({ lo: new Decimal(0), hi: new Decimal(0) });
    for (const x of ['1e6', '-12345678', 'Infinity', 'NaN']) expect(trigEnclosure('cos', new Decimal(x), 40)).toBeNull();
  });
});
