import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { Matrix, CholeskyDecomposition, determinant, inverse } from 'ml-matrix';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { cholesky, inverseSpd, logdetSpd } from '../../src/linalg/cholesky.ts';
import { identity, kron, lift, LinalgError, matmul, unvec, vec } from '../../src/linalg/matrix.ts';
import { certifiedSpd } from '../../src/linalg/certified-spd.ts';
import { spdOf } from '../../src/gen/matrices.ts';

const I40 = intervalField(40);
const D50 = decimalField(50);

describe('Cholesky, inverse, log-determinant', () => {
  it('factor a known SPD matrix exactly', () => {
    // [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]]
    const L = cholesky(D50, lift(D50, [[4, 2], [2, 3]]));
    expect(L[0][0].toString()).toBe('2');
    expect(L[1][0].toString()).toBe('1');
    expect(L[1][1].minus(new (Decimal.clone({ precision: 50 }))(2).sqrt()).abs().lt('1e-48')).toBe(true);
    // log det = log 8
    const ld = logdetSpd(I40, lift(I40, [[4, 2], [2, 3]]));
    const ref = new (Decimal.clone({ precision: 60 }))(8).ln();
    expect(ld.lo.lte(ref) && ref.lte(ld.hi)).toBe(true);
  });

  it('reject a non-SPD matrix with a clear error, and a near-singular one as uncertifiable', () => {
    expect(() => cholesky(D50, lift(D50, [[1, 2], [2, 1]]))).toThrow(/not positive definite/);
    expect(() => lift(D50, [[1, 2], [3]])).toThrow(LinalgError);
    expect(certifiedSpd([[1, 2], [2, 1]])).toBe(false);
    expect(certifiedSpd([[1, 1], [1, 1 + 1e-15]])).toBe(true);
    expect(certifiedSpd([[1, 0.5], [0.4, 1]])).toBe(false); // not symmetric
  });

  test.prop([fc.integer({ min: 1, max: 4 }).chain((n) => spdOf(n))], { numRuns: 60 })('A·A⁻¹ encloses the identity (certified)', (spd) => {
    fc.pre(certifiedSpd(spd.matrix));
    const F = intervalField(60);
    const A = lift(F, spd.matrix);
    const P = matmul(F, A, inverseSpd(F, A));
    P.forEach((r, i) => r.forEach((x, j) => expect(x.lo.lte(i === j ? 1 : 0) && x.hi.gte(i === j ? 1 : 0)).toBe(true)));
  });
});

describe('vec and Kronecker', () => {
  it('vec stacks columns and unvec inverts it', () => {
    const A = lift(D50, [[1, 2, 3], [4, 5, 6]]);
    expect(vec(A).map((r) => r[0].toNumber())).toEqual([1, 4, 2, 5, 3, 6]);
    expect(unvec(vec(A), 2, 3).map((r) => r.map((x) => x.toNumber()))).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
  it('kron follows the block definition', () => {
    const K = kron(D50, lift(D50, [[1, 2]]), identity(D50, 2));
    expect(K.map((r) => r.map((x) => x.toNumber()))).toEqual([[1, 0, 2, 0], [0, 1, 0, 2]]);
  });
});

/**
 * The double path (ml-matrix) against the Decimal reference: the relative error of log det and of
 * the inverse, divided by the condition number, stays at the level of double rounding.
 */
describe('ml-matrix double path against the Decimal reference', () => {
  test.prop([fc.integer({ min: 1, max: 4 }).chain((n) => spdOf(n))], { numRuns: 150 })('log det and inverse, error relative to conditioning', (spd) => {
    fc.pre(certifiedSpd(spd.matrix));
    const A = new Matrix(spd.matrix);
    const refLd = logdetSpd(D50, lift(D50, spd.matrix));
    const chol = new CholeskyDecomposition(A);
    fc.pre(chol.isPositiveDefinite());
    const L = chol.lowerTriangularMatrix;
    let ld = 0;
    for (let i = 0; i < spd.matrix.length; i++) ld += 2 * Math.log(L.get(i, i));
    const cond = A.norm('frobenius') * inverse(A).norm('frobenius');
    // log det: absolute error ≲ n·cond·ε (perturbation of the factor)
    expect(Math.abs(ld - refLd.toNumber())).toBeLessThan(spd.matrix.length * cond * 2 ** -52 * 64 + 1e-12);
    // inverse: relative error ≲ cond·ε
    const refInv = inverseSpd(D50, lift(D50, spd.matrix));
    const inv = inverse(A);
    const scaleInv = inv.norm('frobenius');
    let err = 0;
    refInv.forEach((r, i) => r.forEach((x, j) => (err = Math.max(err, Math.abs(inv.get(i, j) - x.toNumber())))));
    expect(err / scaleInv).toBeLessThan(cond * 2 ** -52 * 64 + 1e-15);
    expect(Math.abs(determinant(A))).toBeGreaterThanOrEqual(0);
  });
});

describe('Jacobi symmetric eigen-decomposition', () => {
  it('finds the eigenvalues of a known matrix to the working precision', async () => {
    const { jacobiEigen } = await import('../../src/linalg/jacobi.ts');
    // [[2, 1, 0], [1, 2, 1], [0, 1, 2]] has eigenvalues 2 + √2, 2, 2 − √2
    const D = decimalField(60);
    const { values, vectors } = jacobiEigen(lift(D, [[2, 1, 0], [1, 2, 1], [0, 1, 2]]), 60);
    const r2 = new (Decimal.clone({ precision: 60 }))(2).sqrt();
    const expected = [r2.plus(2), new Decimal(2), r2.neg().plus(2)];
    values.forEach((v, i) => expect(v.minus(expected[i]).abs().lt('1e-50')).toBe(true));
    // A·q = λ·q for each column
    const A = lift(D, [[2, 1, 0], [1, 2, 1], [0, 1, 2]]);
    for (let c = 0; c < 3; c++) {
      const q = vectors.map((r) => [r[c]]);
      matmul(D, A, q).forEach((r, i) => expect(r[0].minus(values[c].times(q[i][0])).abs().lt('1e-50')).toBe(true));
    }
  });
  it('rejects a non-symmetric matrix', async () => {
    const { jacobiEigen } = await import('../../src/linalg/jacobi.ts');
    expect(() => jacobiEigen(lift(D50, [[1, 2], [3, 4]]))).toThrow(/symmetric/);
  });
});
