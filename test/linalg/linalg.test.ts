import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { cholesky, inverseSpd, logdetSpd } from '../../src/linalg/cholesky.ts';
import { identity, kron, lift, LinalgError, matmul, unvec, vec } from '../../src/linalg/matrix.ts';
import { certifiedSpd } from '../../src/linalg/certified-spd.ts';
import { illConditionedSpdOf, spdOf } from '../../src/gen/matrices.ts';

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
 * The double path (ml-matrix) against the Decimal reference, on SPD matrices with condition
 * numbers up to ~1e12: the worst error divided by κ·ε is reported and must stay of order 1–100
 * (what a backward-stable method gives); a larger ratio would blame the implementation.
 */
describe('ml-matrix double path against the Decimal reference', () => {
  it('loses no more than the conditioning forces', async () => {
    const { doublePathSurvey } = await import('../../src/linalg/differential.ts');
    const samples = fc.sample(fc.integer({ min: 1, max: 4 }).chain((n) => fc.oneof(spdOf(n), illConditionedSpdOf(n))), { numRuns: 300, seed: 5 });
    const s = doublePathSurvey(samples.map((m) => m.matrix).filter(certifiedSpd));
    console.info(`double path over ${s.matrices} SPD matrices (κ up to ${s.maxCondition.toExponential(1)}): worst log-det error ${s.worst.logdetRatio.toFixed(2)}·κε (κ = ${s.worst.logdetCondition.toExponential(1)}), worst inverse error ${s.worst.inverseRatio.toFixed(2)}·κε (κ = ${s.worst.inverseCondition.toExponential(1)}), worst eigenvalue error ${s.worst.eigenRatio.toFixed(2)}·λ_max·ε`);
    expect(s.matrices).toBeGreaterThan(100);
    expect(s.maxCondition).toBeGreaterThan(1e11);
    expect(s.bands.length).toBe(5);
    expect(s.bands.every((b) => b.matrices >= 5)).toBe(true);
    expect(s.worst.logdetRatio).toBeLessThan(100);
    expect(s.worst.inverseRatio).toBeLessThan(100);
    expect(s.worst.eigenRatio).toBeLessThan(100);
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
