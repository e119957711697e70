import { intervalDoubleField } from '../numerics/interval-double-field.ts';
import { intervalField } from '../numerics/interval-decimal-field.ts';
import type { Field } from '../numerics/field.ts';
import { cholesky } from './cholesky.ts';
import { LinalgError, lift } from './matrix.ts';
import { InsufficientPrecision } from '../numerics/insufficient-precision.ts';

/**
 * Certify that a matrix of doubles is symmetric positive definite: exact symmetry, then a
 * Cholesky whose every pivot is certified positive (double intervals, then Decimal at 60 and 200
 * digits for near-singular input). false when a pivot is certified ≤ 0.
 */
export function certifiedSpd(A: number[][]): boolean {
  if (A.some((r, i) => r.length !== A.length || r.some((x, j) => x !== A[j][i]))) return false;
  for (const F of [intervalDoubleField, intervalField(60), intervalField(200)] as Field<unknown>[]) {
    try {
      cholesky(F, lift(F, A));
      return true;
    } catch (e) {
      if (e instanceof InsufficientPrecision) continue;
      if (e instanceof LinalgError) return false;
      throw e;
    }
  }
  return false;
}
