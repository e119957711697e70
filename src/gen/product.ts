import fc from 'fast-check';
import { weightsOf } from './weights.ts';
import { gridReal } from './reals.ts';

/**
 * Functions on small product spaces Z_1 × … × Z_n (n ≤ 5, |Z_i| ≤ 4, at most 256 points),
 * small enough to enumerate exactly. Table kinds range from the near-tight case of McDiarmid
 * (a sum of independent symmetric ±c_i/2 coordinates) to arbitrary tables and constants.
 */
export type TableKind = 'rademacher-sum' | 'additive' | 'random-int' | 'indicator' | 'max' | 'real' | 'constant';

/** A generated function on a small product space: its marginal weights and its table. */
export interface ProductInstanceData {
  kind: TableKind;
  marginals: number[][];
  table: number[];
}

const sizesArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }).filter((s) => s.reduce((a, b) => a * b, 1) <= 256);

/** Coordinates of point z (coordinate 0 fastest). */
export function coordinates(sizes: readonly number[], z: number): number[] {
  const out: number[] = [];
  for (const k of sizes) {
    out.push(z % k);
    z = Math.floor(z / k);
  }
  return out;
}

function tableFrom(sizes: number[], f: (c: number[]) => number): number[] {
  const n = sizes.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, (_, z) => f(coordinates(sizes, z)));
}

/** Functions on small product spaces (at most 256 points), from near-tight Rademacher sums to arbitrary tables and constants. */
export const productInstance: fc.Arbitrary<ProductInstanceData> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 5 })
      .map((c) => ({ kind: 'rademacher-sum' as const, marginals: c.map(() => [1, 1]), table: tableFrom(c.map(() => 2), (z) => z.reduce((s, zi, i) => s + (zi === 0 ? -c[i] / 2 : c[i] / 2), 0)) })),
  },
  {
    weight: 5,
    arbitrary: sizesArb.chain((sizes) =>
      fc.record({
        marginals: fc.tuple(...sizes.map((k) => weightsOf(k).map((w) => w.weights))),
        kind: fc.constantFrom<TableKind>('additive', 'random-int', 'indicator', 'max', 'real', 'constant'),
        seedTable: fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 256, maxLength: 256 }),
        reals: fc.array(gridReal(-10, 10), { minLength: 256, maxLength: 256 }),
      }).map(({ marginals, kind, seedTable, reals }) => {
        const n = sizes.reduce((a, b) => a * b, 1);
        const offsets = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
        const table =
          kind === 'additive' ? tableFrom(sizes, (z) => z.reduce((s, zi, i) => s + seedTable[offsets[i] + zi], 0))
          : kind === 'random-int' ? seedTable.slice(0, n)
          : kind === 'indicator' ? seedTable.slice(0, n).map((v) => (v > 0 ? 1 : 0))
          : kind === 'max' ? tableFrom(sizes, (z) => Math.max(...z.map((zi, i) => seedTable[offsets[i] + zi])))
          : kind === 'real' ? reals.slice(0, n)
          : Array(n).fill(seedTable[0]);
        return { kind, marginals: [...marginals], table };
      }),
    ),
  },
);
