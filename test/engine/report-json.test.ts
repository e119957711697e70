import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { INSTANCE_LEAF_LIMIT, isTruncated, reportJson } from '../../src/engine/report-json.ts';
import { fromJson, toJson, type Json } from '../../src/engine/serialize.ts';

/** The instance's values in a record (a truncation marker's length and hash are not values of the instance). */
const values = (j: Json): number =>
  Array.isArray(j) ? j.reduce((n: number, x) => n + values(x), 0)
  : j !== null && typeof j === 'object' ? ('$truncated' in j ? values((j.$truncated as { first: Json }).first) : Object.values(j).reduce((n: number, x) => n + values(x), 0))
  : 1;

describe('instances as a report records them', () => {
  it('a small instance exactly, special doubles included', () => {
    const x = { p: [0.1, -0, Infinity, NaN], m: [[1, 2], [3, 4]], T: 5e-324 };
    expect(reportJson(x)).toEqual(toJson(x));
    expect(isTruncated(reportJson(x))).toBe(false);
  });

  it('a huge one with its long arrays truncated: length, the hash of the exact serialisation, the first elements, within the leaf limit', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => (i === 7 ? -0 : i / 3));
    const matrix = Array.from({ length: 300 }, (_, i) => Array.from({ length: 300 }, (_, j) => i - j));
    const j = reportJson({ big, matrix, t: 2 }) as { big: { $truncated: { length: number; sha256: string; first: Json[] } }; matrix: Json; t: number };
    expect(j.t).toBe(2);
    expect(j.big.$truncated.length).toBe(50_000);
    expect(j.big.$truncated.sha256).toBe(createHash('sha256').update(JSON.stringify(toJson(big))).digest('hex'));
    expect(j.big.$truncated.first).toEqual(toJson(big.slice(0, j.big.$truncated.first.length)));
    expect(isTruncated(j.matrix)).toBe(true);
    // the limit, and the scalar fields of small objects (here t)
    expect(values(j as unknown as Json)).toBeLessThanOrEqual(INSTANCE_LEAF_LIMIT + 1);
    expect(() => fromJson(j as unknown as Json)).toThrow(/truncated/);
  });

  it('an object with 30 000 fields is cut like an array', () => {
    const wide = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, i]));
    const j = reportJson(wide) as { $truncated: { length: number; sha256: string; first: Record<string, number> } };
    expect(j.$truncated.length).toBe(30_000);
    expect(j.$truncated.sha256).toBe(createHash('sha256').update(JSON.stringify(wide)).digest('hex'));
    expect(Object.keys(j.$truncated.first).length).toBeGreaterThan(0);
    expect(Object.keys(j.$truncated.first).length).toBeLessThanOrEqual(INSTANCE_LEAF_LIMIT);
  });
});
