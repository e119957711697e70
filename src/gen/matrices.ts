import fc from 'fast-check';
import { gridReal } from './reals.ts';

/**
 * Small dense matrices: entries on a decimal grid or small integers. SPD matrices are B·Bᵀ + εI
 * with ε from 1 down to 1e-12, so condition numbers reach about 1e12 (and a rank-deficient B
 * makes the rounded matrix only barely positive definite, or not at all: a certified Cholesky
 * decides).
 */
const entry = fc.oneof(fc.integer({ min: -3, max: 3 }), gridReal(-5, 5, 2));

/** r×c matrices with small integer or grid entries. */
export const matrixOf = (r: number, c: number): fc.Arbitrary<number[][]> => fc.array(fc.array(entry, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });

/** The ridges ε of the generated SPD matrices B·Bᵀ + εI, from well to badly conditioned. */
export const RIDGES = [1, 0.1, 1e-3, 1e-6, 1e-9, 1e-12] as const;

/** A generated SPD matrix and how it was built. */
export interface SpdSpec {
  ridge: number;
  matrix: number[][];
}

/** n×n SPD matrices B·Bᵀ + εI, ε from RIDGES. */
export function spdOf(n: number): fc.Arbitrary<SpdSpec> {
  return fc.record({ B: matrixOf(n, n), ridge: fc.constantFrom(...RIDGES) }).map(({ B, ridge }) => ({
    ridge,
    matrix: B.map((ri, i) => B.map((rj, j) => ri.reduce((s, x, k) => s + x * rj[k], 0) + (i === j ? ridge : 0))),
  }));
}

/**
 * SPD matrices whose conditioning is set by the ridge: B·Bᵀ + εI with B of rank n − 1 (its last row
 * an integer combination of the others), so κ ≈ ‖B‖²/ε spreads over 1 … 1e13 as ε runs over RIDGES.
 */
export function illConditionedSpdOf(n: number): fc.Arbitrary<SpdSpec> {
  if (n < 2) return spdOf(n);
  return fc
    .record({ B: matrixOf(n - 1, n), a: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n - 1, maxLength: n - 1 }), ridge: fc.constantFrom(...RIDGES) })
    .map(({ B, a, ridge }) => {
      const rows = [...B, B[0].map((_, j) => B.reduce((s, r, i) => s + a[i] * r[j], 0))];
      return { ridge, matrix: rows.map((ri, i) => rows.map((rj, j) => ri.reduce((s, x, k) => s + x * rj[k], 0) + (i === j ? ridge : 0))) };
    });
}
