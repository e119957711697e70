import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { down, down2, intervalDoubleField as D, up, up2 } from '../../src/numerics/interval-double-field.ts';
import { signedLogReal } from '../../src/gen/reals.ts';

/**
 * The double screen's fast paths (finite operands and results, no infinity or NaN checks) return
 * exactly the ends of the general rule: each IEEE result pushed outward by `down`/`up` (two steps
 * for exp and log), with ∞ kept where an operand end was infinite.
 */
const end = fc.oneof(
  { weight: 6, arbitrary: signedLogReal(-320, 320) },
  { weight: 2, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, 1e-300, 700, -745) },
);
const interval = fc.tuple(end, end).map(([x, y]) => ({ lo: Math.min(x, y), hi: Math.max(x, y) }));
const nonNegative = interval.map((a) => ({ lo: Math.abs(a.lo) <= Math.abs(a.hi) ? Math.abs(a.lo) : Math.abs(a.hi), hi: Math.max(Math.abs(a.lo), Math.abs(a.hi)) }));

const finite = (x: number) => Number.isFinite(x);
const same = (got: { lo: number; hi: number }, lo: number, hi: number) => expect([got.lo, got.hi]).toEqual([lo, hi]);

describe('double-interval fast paths', () => {
  test.prop([interval, interval], { numRuns: 3000 })('add and sub of finite results', (a, b) => {
    if (finite(a.lo + b.lo) && finite(a.hi + b.hi)) same(D.add(a, b), down(a.lo + b.lo), up(a.hi + b.hi));
    if (finite(a.lo - b.hi) && finite(a.hi - b.lo)) same(D.sub(a, b), down(a.lo - b.hi), up(a.hi - b.lo));
  });
  test.prop([nonNegative, nonNegative], { numRuns: 3000 })('mul, div and square of non-negative enclosures', (a, b) => {
    if (finite(a.hi * b.hi)) same(D.mul(a, b), down(a.lo * b.lo), up(a.hi * b.hi));
    if (b.lo > 0 && finite(a.hi / b.lo)) same(D.div(a, b), down(a.lo / b.hi), up(a.hi / b.lo));
    if (finite(a.hi * a.hi)) same(D.square(a), Math.max(0, down(a.lo * a.lo)), up(a.hi * a.hi));
  });
  test.prop([interval], { numRuns: 3000 })('exp and log', (a) => {
    if (Math.exp(a.hi) < Infinity && Math.exp(a.lo) >= 1e-300) same(D.exp(a), Math.max(0, down2(Math.exp(a.lo))), up2(Math.exp(a.hi)));
    if (a.lo > 0 && a.hi < Infinity) same(D.log(a), down2(Math.log(a.lo)), up2(Math.log(a.hi)));
  });
  test.prop([interval, interval], { numRuns: 2000 })('every result encloses the IEEE results of its ends', (a, b) => {
    for (const [r, xs] of [
      [D.add(a, b), [a.lo + b.lo, a.hi + b.hi]],
      [D.sub(a, b), [a.lo - b.hi, a.hi - b.lo]],
    ] as const) for (const x of xs) if (!Number.isNaN(x)) expect(r.lo <= x && x <= r.hi).toBe(true);
  });
});
