import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { intervalDoubleField } from '../../src/numerics/interval-double-field.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { gridReal } from '../../src/gen/reals.ts';

/** Interval cos and sin enclose the function at every point of the argument interval, extrema included. */
const I = intervalField(40);
const D = decimalField(60);
const contains = (b: { lo: string; hi: string }, x: Decimal) => new Decimal(b.lo).lte(x) && x.lte(new Decimal(b.hi));

describe('interval cos and sin', () => {
  test.prop([gridReal(-20, 20, 3), fc.constantFrom(0, 1e-12, 1e-3, 0.5, 2, 7), fc.integer({ min: 0, max: 10 })], { numRuns: 300 })(
    'the enclosure over [a, a + w] contains f at a, a + w and interior points',
    (a, w, j) => {
      const b = a + w;
      const t = D.add(D.fromNumber(a), D.mul(D.sub(D.fromNumber(b), D.fromNumber(a)), D.fromString(String(j / 10))));
      for (const f of ['cos', 'sin'] as const) {
        const dec = I[f]({ lo: I.fromNumber(a).lo, hi: I.fromNumber(b).hi });
        const dbl = intervalDoubleField[f]({ lo: a, hi: b });
        for (const x of [t, D.fromNumber(a), D.fromNumber(b)]) {
          const v = D[f](x);
          expect(contains(I.bounds(dec), v), `${f} [${a}, ${b}] at ${x}`).toBe(true);
          expect(contains(intervalDoubleField.bounds(dbl), v), `double ${f} [${a}, ${b}] at ${x}`).toBe(true);
        }
      }
    },
  );
  test.prop([fc.integer({ min: -6, max: 6 })])('an interval around kπ reaches the extremum (−1)^k of cos exactly', (k) => {
    const pi = Math.PI;
    const e = I.cos({ lo: I.fromNumber(k * pi - 1e-9).lo, hi: I.fromNumber(k * pi + 1e-9).hi });
    expect(k % 2 === 0 ? e.hi.eq(1) : e.lo.eq(-1)).toBe(true);
  });
});
