import { describe, expect, it } from 'vitest';
import { test as ftest, fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { exactDecimalString, nextDown } from '../../src/numerics/exact.ts';
import { referenceCases } from '../fixtures/load.ts';

describe('exactDecimalString', () => {
  it.each(referenceCases('exact_decimal'))('matches Python Decimal for $label', ({ args, value }) => {
    const s = exactDecimalString(args.x as number);
    if (value === '-0') expect(s).toBe('-0');
    else expect(new Decimal(s).eq(new Decimal(value))).toBe(true);
  });

  ftest.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])('reads back to the same double', (x) => {
    expect(Object.is(Number(exactDecimalString(x)), x)).toBe(true);
  });

  ftest.prop([fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })])(
    'is exact: the decimal difference of two doubles has the sign of the double comparison',
    (x, y) => {
      const d = new Decimal(exactDecimalString(x)).minus(new Decimal(exactDecimalString(y)));
      expect(d.isZero() ? 0 : d.isPositive() ? 1 : -1).toBe(x === y ? 0 : x > y ? 1 : -1);
    },
  );

  it('writes the special values', () => {
    expect([exactDecimalString(Infinity), exactDecimalString(-Infinity), exactDecimalString(NaN)]).toEqual(['Infinity', '-Infinity', 'NaN']);
  });
});

describe('nextDown', () => {
  ftest.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])('is the largest double below x', (x) => {
    const y = nextDown(x);
    expect(y < x).toBe(true);
    // nothing lies strictly between: the exact midpoint, correctly rounded, is one of the two ends
    const Wide = Decimal.clone({ precision: 1200, minE: -9e15, maxE: 9e15 });
    const mid = Number(new Wide(exactDecimalString(x)).plus(exactDecimalString(y)).div(2).toFixed());
    expect(mid === y || mid === x).toBe(true);
  });
  it('steps across zero and past the largest double', () => {
    expect([nextDown(0), nextDown(-0), nextDown(Number.MIN_VALUE), nextDown(-Number.MAX_VALUE), nextDown(1)]).toEqual([-Number.MIN_VALUE, -Number.MIN_VALUE, 0, -Infinity, 1 - 2 ** -53]);
  });
});
