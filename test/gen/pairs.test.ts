import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleBy, weightPairOf } from '../../src/gen/pairs.ts';

describe('weight pairs never emit an invalid instance', () => {
  it('scaling keeps every positive weight positive and finite, or leaves the weights alone', () => {
    expect(scaleBy([5e-324, 5e-324], 1e-6)).toEqual([5e-324 / 1e-6, 5e-324 / 1e-6]);
    expect(scaleBy([1e308, 1], 1e6)).toEqual([1e308 / 1e6, 1 / 1e6]);
    // 5e-324 × 1e-6 underflows and 1e305 / 1e-6 overflows: unchanged
    expect(scaleBy([5e-324, 1e305], 1e-6)).toEqual([5e-324, 1e305]);
    expect(scaleBy([0, 3], 2)).toEqual([0, 6]);
  });

  it('no pair has an all-zero or non-finite side (20,000 draws, every relation and size)', () => {
    let draws = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => weightPairOf(n)), (pair) => {
        draws++;
        for (const w of [pair.q, pair.p]) {
          expect(w.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
          expect(w.some((x) => x > 0)).toBe(true);
        }
      }),
      { numRuns: 20_000, seed: 2 },
    );
    expect(draws).toBe(20_000);
  });
});
