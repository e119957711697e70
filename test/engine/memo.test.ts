import { describe, expect, it } from 'vitest';
import { doublesKey, memoByKey } from '../../src/engine/memo.ts';

describe('memoByKey', () => {
  it('computes once per key, and again after the capacity is passed and the table cleared', () => {
    let calls = 0;
    const f = memoByKey((xs: number[]) => (calls++, xs.reduce((a, b) => a + b, 0)), doublesKey, 5, (xs) => xs.length);
    expect(f([1, 2])).toBe(3);
    expect(f([1, 2])).toBe(3);
    expect(calls).toBe(1);
    expect(f([3, 4, 5])).toBe(12); // held 2 + 3 = 5: still within capacity
    expect(f([1, 2])).toBe(3);
    expect(calls).toBe(2);
    expect(f([6])).toBe(6); // 5 + 1 > 5: cleared first
    expect(calls).toBe(3);
    expect(f([1, 2])).toBe(3);
    expect(calls).toBe(4);
  });

  it('memoises undefined results too', () => {
    let calls = 0;
    const f = memoByKey((_x: number) => void calls++, String, 10);
    f(1);
    f(1);
    expect(calls).toBe(1);
  });
});

describe('doublesKey', () => {
  it('keeps apart the doubles JSON would merge', () => {
    const keys = [[0], [-0], [Infinity], [-Infinity], [NaN], [1e-320], [5e-324]].map(doublesKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(doublesKey([0.1, 2])).not.toBe(doublesKey([0.1, 2.0000000000000004]));
    expect(doublesKey([1, 23])).not.toBe(doublesKey([12, 3]));
  });
});
