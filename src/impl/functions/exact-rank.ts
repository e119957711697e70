import { decompose } from '../../numerics/exact.ts';

/**
 * The exact rank of a matrix of finite doubles: every entry is m·2^e, so the matrix times a common
 * power of two is an integer matrix, reduced by fraction-free (Bareiss) elimination in BigInt. The
 * check-impl contract at singular input needs exact singularity: a pivot that is merely tiny in 60
 * digits is a nearly singular matrix, where any reasonable answer is accepted.
 */
export function exactRank(A: readonly (readonly number[])[]): number {
  const parts = A.map((r) => r.map(decompose));
  const e0 = Math.min(...parts.flat().filter((p) => p.mantissa !== 0n).map((p) => p.exponent));
  if (!Number.isFinite(e0)) return 0; // the zero matrix
  const M = parts.map((r) => r.map((p) => (p.mantissa === 0n ? 0n : (p.negative ? -1n : 1n) * p.mantissa * 2n ** BigInt(p.exponent - e0))));
  const m = M.length, n = M[0]?.length ?? 0;
  let rank = 0, prev = 1n;
  for (let c = 0; c < n && rank < m; c++) {
    const p = M.findIndex((row, i) => i >= rank && row[c] !== 0n);
    if (p < 0) continue;
    [M[rank], M[p]] = [M[p], M[rank]];
    for (let i = rank + 1; i < m; i++) {
      for (let j = c + 1; j < n; j++) M[i][j] = (M[i][j] * M[rank][c] - M[i][c] * M[rank][j]) / prev;
      M[i][c] = 0n;
    }
    prev = M[rank][c];
    rank++;
  }
  return rank;
}

/** Whether a square matrix of finite doubles is exactly singular. */
export const exactlySingular = (A: readonly (readonly number[])[]): boolean => exactRank(A) < A.length;

/** The sign of the determinant of a square matrix of finite doubles, exactly (Bareiss in BigInt). */
export function exactDetSign(A: readonly (readonly number[])[]): -1 | 0 | 1 {
  const parts = A.map((r) => r.map(decompose));
  const e0 = Math.min(...parts.flat().filter((p) => p.mantissa !== 0n).map((p) => p.exponent));
  if (!Number.isFinite(e0)) return 0;
  const M = parts.map((r) => r.map((p) => (p.mantissa === 0n ? 0n : (p.negative ? -1n : 1n) * p.mantissa * 2n ** BigInt(p.exponent - e0))));
  const n = M.length;
  let sign = 1, prev = 1n;
  for (let c = 0; c < n; c++) {
    const p = M.findIndex((row, i) => i >= c && row[c] !== 0n);
    if (p < 0) return 0;
    if (p !== c) {
      [M[c], M[p]] = [M[p], M[c]];
      sign = -sign;
    }
    for (let i = c + 1; i < n; i++) {
      for (let j = c + 1; j < n; j++) M[i][j] = (M[i][j] * M[c][c] - M[i][c] * M[c][j]) / prev;
      M[i][c] = 0n;
    }
    prev = M[c][c];
  }
  return (prev > 0n ? sign : -sign) as -1 | 1;
}

/** Whether a symmetric matrix of finite doubles is positive semidefinite, exactly: every principal minor ≥ 0. */
export function exactlyPsd(A: readonly (readonly number[])[]): boolean {
  const n = A.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const idx = [...Array(n).keys()].filter((i) => mask & (1 << i));
    if (exactDetSign(idx.map((i) => idx.map((j) => A[i][j]))) < 0) return false;
  }
  return true;
}
