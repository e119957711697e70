import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { cols, identity, LinalgError, rows, transpose, type Mat } from './matrix.ts';
import { InsufficientPrecision } from '../numerics/insufficient-precision.ts';

/**
 * Cholesky A = L·Lᵀ of a symmetric positive-definite matrix. Each pivot must be certified
 * positive in F: a pivot ≤ 0 means A is not positive definite (LinalgError); a pivot whose enclosure
 * straddles 0 means F cannot tell at its precision (InsufficientPrecision: certify retries higher).
 */
export function cholesky<T>(F: Field<T>, A: Mat<T>): Mat<T> {
  const n = rows(A);
  if (cols(A) !== n) throw new LinalgError(`cholesky of a ${n}×${cols(A)} matrix`);
  const L: Mat<T> = Array.from({ length: n }, () => Array.from({ length: n }, () => F.fromNumber(0)));
  for (let j = 0; j < n; j++) {
    const pivot = F.sub(A[j][j], sum(F, L[j].slice(0, j).map((x) => F.square(x))));
    const s = F.sign(pivot);
    if (s === undefined) throw new InsufficientPrecision(`cholesky: pivot ${j} is not certified positive at ${Math.round(F.digits)} digits (near-singular input)`);
    if (s <= 0) throw new LinalgError(`cholesky: the matrix is not positive definite (pivot ${j} is ${s === 0 ? 'zero' : 'negative'})`);
    L[j][j] = F.sqrt(pivot);
    for (let i = j + 1; i < n; i++) {
      const dot = sum(F, L[i].slice(0, j).map((x, k) => F.mul(x, L[j][k])));
      L[i][j] = F.div(F.sub(A[i][j], dot), L[j][j]);
    }
  }
  return L;
}

/** log det A = 2 Σ log L_jj for SPD A. */
export function logdetSpd<T>(F: Field<T>, A: Mat<T>): T {
  const L = cholesky(F, A);
  return F.mul(F.fromNumber(2), sum(F, L.map((r, j) => F.log(r[j]))));
}

/** Solve L·Lᵀ·X = B by forward and back substitution. */
export function choleskySolve<T>(F: Field<T>, L: Mat<T>, B: Mat<T>): Mat<T> {
  const n = rows(L);
  if (rows(B) !== n) throw new LinalgError(`solve: ${n}×${n} system with a ${rows(B)}-row right side`);
  const m = cols(B);
  const Y: Mat<T> = Array.from({ length: n }, () => Array(m));
  for (let i = 0; i < n; i++)
    for (let c = 0; c < m; c++) Y[i][c] = F.div(F.sub(B[i][c], sum(F, L[i].slice(0, i).map((x, k) => F.mul(x, Y[k][c])))), L[i][i]);
  const LT = transpose(L);
  const X: Mat<T> = Array.from({ length: n }, () => Array(m));
  for (let i = n - 1; i >= 0; i--)
    for (let c = 0; c < m; c++) X[i][c] = F.div(F.sub(Y[i][c], sum(F, LT[i].slice(i + 1).map((x, k) => F.mul(x, X[i + 1 + k][c])))), LT[i][i]);
  return X;
}

/** A⁻¹ for SPD A, through its Cholesky factor. */
export function inverseSpd<T>(F: Field<T>, A: Mat<T>): Mat<T> {
  return choleskySolve(F, cholesky(F, A), identity(F, rows(A)));
}
