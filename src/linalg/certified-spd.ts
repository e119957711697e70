import { intervalDoubleField } from '../numerics/interval-double-field.ts';
import { inCertifiedContext } from '../numerics/high-precision.ts';
import type { Field } from '../numerics/field.ts';
import { cholesky } from './cholesky.ts';
import { LinalgError, lift, type Mat } from './matrix.ts';
import { InsufficientPrecision } from '../numerics/insufficient-precision.ts';

/**
 * Certify that a matrix of doubles is symmetric positive definite: exact symmetry, then a
 * Cholesky whose every pivot is certified positive (double intervals, then MPFR or Decimal at 60
 * and 200 digits for near-singular input). false when a pivot is certified ≤ 0.
 */
export function certifiedSpd(A: number[][]): boolean {
  if (A.some((r, i) => r.length !== A.length || r.some((x, j) => x !== A[j][i]))) return false;
  return certifiedPositiveDefinite((F) => lift(F, A));
}

/**
 * The same certificate for a symmetric matrix built in the context (e.g. u·I − H with u a decimal
 * literal): true when a Cholesky with certified positive pivots succeeds.
 */
export function certifiedPositiveDefinite(build: <T>(F: Field<T>) => Mat<T>): boolean {
  const inDoubles = () => cholesky(intervalDoubleField, build(intervalDoubleField));
  // 60 and 200 digits: MPFR, and Decimal where MPFR cannot decide (inCertifiedContext)
  // a pivot certified ≤ 0 in MPFR is the answer (LinalgError); a straddling one asks Decimal
  const at = (digits: number) => () => inCertifiedContext(digits, (F) => void cholesky(F, build(F)), (e) => e instanceof LinalgError);
  for (const attempt of [inDoubles, at(60), at(200)]) {
    try {
      attempt();
      return true;
    } catch (e) {
      if (e instanceof InsufficientPrecision) continue;
      if (e instanceof LinalgError) return false;
      throw e;
    }
  }
  return false;
}
