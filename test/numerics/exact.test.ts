import { describe, expect, it } from 'vitest';
import { test as ftest, fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { compareExactSums, exactDecimalString, nextDown } from '../../src/numerics/exact.ts';
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

describe('compareExactSums', () => {
  const Wide = Decimal.clone({ precision: 2000, minE: -9e15, maxE: 9e15 });
  const exactSum = (xs: number[]) => xs.reduce((s, x) => s.plus(exactDecimalString(x)), new Wide(0));
  const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), fc.constantFrom(0, 0.1, 0.2, 0.3, 1, 5e-324, 1e-300, 2 ** 53));
  // near-ties: b is a permutation of a, perhaps with one term moved by an ulp (sums then differ by ≤ an ulp of one term)
  const nearTie = fc.array(finite, { minLength: 1, maxLength: 6 }).chain((a) =>
    fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length }), fc.constantFrom(0, 1, -1), fc.nat(a.length - 1)).map(([a, b, nudge, i]) => {
      const c = [...b];
      if (nudge !== 0 && c[i] !== 0) c[i] = nudge > 0 ? -nextDown(-c[i]) : nextDown(c[i]);
      return [a, c] as const;
    }),
  );
  const pair = fc.oneof(fc.tuple(fc.array(finite, { maxLength: 6 }), fc.array(finite, { maxLength: 6 })), nearTie);
  ftest.prop([pair], { numRuns: 2000 })('is the sign of the exact difference, ties included', ([a, b]) => {
    const d = exactSum([...a]).minus(exactSum([...b]));
    expect(compareExactSums(a, b)).toBe(d.isZero() ? 0 : d.isPositive() ? 1 : -1);
  });
  it('sees a difference doubles round away: 0.1 + 0.2 against 0.3', () => {
    expect(compareExactSums([0.1, 0.2], [0.3])).toBe(1);
    expect(compareExactSums([1e16, 1, -1e16], [1])).toBe(0);
    expect(compareExactSums([2 ** 53, 1], [2 ** 53])).toBe(1);
  });
});
