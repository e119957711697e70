import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';

/**
 * Small dense matrices over an arithmetic context: the same code gives doubles, Decimal at a
 * precision, or certified enclosures. Row-major arrays of rows; vec() stacks columns.
 */
export type Mat<T> = T[][];

/** A matrix of the wrong shape, or not positive definite where it must be. */
export class LinalgError extends Error {
  override name = 'LinalgError';
}

export const rows = <T>(A: Mat<T>) => A.length;
export const cols = <T>(A: Mat<T>) => (A.length === 0 ? 0 : A[0].length);

/** A matrix of doubles entered exactly into F; rejects ragged or non-finite input. */
export function lift<T>(F: Field<T>, A: readonly (readonly number[])[]): Mat<T> {
  const c = A[0]?.length ?? 0;
  A.forEach((r, i) => {
    if (r.length !== c) throw new LinalgError(`row ${i} has ${r.length} entries, expected ${c}`);
    r.forEach((x, j) => {
      if (!Number.isFinite(x)) throw new LinalgError(`entry (${i}, ${j}) is not finite: ${x}`);
    });
  });
  return A.map((r) => r.map((x) => F.fromNumber(x)));
}

export const identity = <T>(F: Field<T>, n: number): Mat<T> =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => F.fromNumber(i === j ? 1 : 0)));

export const transpose = <T>(A: Mat<T>): Mat<T> => Array.from({ length: cols(A) }, (_, j) => A.map((r) => r[j]));

function sameShape<T>(A: Mat<T>, B: Mat<T>, what: string): void {
  if (rows(A) !== rows(B) || cols(A) !== cols(B)) throw new LinalgError(`${what}: shapes ${rows(A)}×${cols(A)} and ${rows(B)}×${cols(B)} differ`);
}

export function add<T>(F: Field<T>, A: Mat<T>, B: Mat<T>): Mat<T> {
  sameShape(A, B, 'add');
  return A.map((r, i) => r.map((x, j) => F.add(x, B[i][j])));
}

export function sub<T>(F: Field<T>, A: Mat<T>, B: Mat<T>): Mat<T> {
  sameShape(A, B, 'sub');
  return A.map((r, i) => r.map((x, j) => F.sub(x, B[i][j])));
}

export const scale = <T>(F: Field<T>, c: T, A: Mat<T>): Mat<T> => A.map((r) => r.map((x) => F.mul(c, x)));

export function matmul<T>(F: Field<T>, A: Mat<T>, B: Mat<T>): Mat<T> {
  if (cols(A) !== rows(B)) throw new LinalgError(`matmul: ${rows(A)}×${cols(A)} times ${rows(B)}×${cols(B)}`);
  return A.map((r) => Array.from({ length: cols(B) }, (_, j) => sum(F, r.map((x, k) => F.mul(x, B[k][j])))));
}

/** Kronecker product A ⊗ B. */
export function kron<T>(F: Field<T>, A: Mat<T>, B: Mat<T>): Mat<T> {
  const out: Mat<T> = [];
  for (const ra of A) for (const rb of B) out.push(ra.flatMap((a) => rb.map((b) => F.mul(a, b))));
  return out;
}

/** Column-stacking vec(A), as a column vector (n·m × 1). */
export const vec = <T>(A: Mat<T>): Mat<T> => transpose(A).flat().map((x) => [x]);

/** The inverse of vec for an r × c matrix. */
export function unvec<T>(v: Mat<T>, r: number, c: number): Mat<T> {
  if (v.length !== r * c) throw new LinalgError(`unvec: ${v.length} entries for ${r}×${c}`);
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => v[j * r + i][0]));
}

export function trace<T>(F: Field<T>, A: Mat<T>): T {
  if (rows(A) !== cols(A)) throw new LinalgError(`trace of a ${rows(A)}×${cols(A)} matrix`);
  return sum(F, A.map((r, i) => r[i]));
}

/** ‖A‖_F² = Σ a_ij². */
export const frobenius2 = <T>(F: Field<T>, A: Mat<T>): T => sum(F, A.flat().map((x) => F.square(x)));
