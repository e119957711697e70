import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { inverseSpd, logdetSpd } from '../../src/linalg/cholesky.ts';
import { jacobiEigen } from '../../src/linalg/jacobi.ts';
import { jacobiSvd } from '../../src/linalg/svd.ts';
import { spdPower } from '../../src/linalg/spd-power.ts';
import { lift, LinalgError, matmul, transpose } from '../../src/linalg/matrix.ts';
import { matrixOf } from '../../src/gen/matrices.ts';
import { linalgCases, type LinalgCase } from '../fixtures/load.ts';

/** The Decimal matrix reference against mpmath's own linear algebra (generate_linalg_values.py). */
const D = decimalField(60);

const compute: Record<LinalgCase['fn'], (A: number[][]) => Decimal[]> = {
  svd: (A) => jacobiSvd(lift(D, A), 60).values,
  eigsy: (A) => jacobiEigen(lift(D, A), 60).values,
  logdet: (A) => [logdetSpd(D, lift(D, A))],
  inverse: (A) => inverseSpd(D, lift(D, A)).flat(),
  invsqrt: (A) => spdPower(lift(D, A), -0.5, 60).flat(),
};

describe('Decimal matrix reference against mpmath', () => {
  for (const fn of Object.keys(compute) as LinalgCase['fn'][]) {
    const cases = linalgCases(fn);
    it(`${fn}: ${cases.length} reference cases agree to 40 digits of the largest entry`, () => {
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const got = compute[fn](c.args.A);
        const ref = c.value.map((s) => new Decimal(s));
        expect(got.length, c.label).toBe(ref.length);
        const scale = Decimal.max(1, ...ref.map((x) => x.abs()));
        got.forEach((x, i) => expect(x.minus(ref[i]).abs().lte(scale.times('1e-40')), `${fn} ${c.label} [${i}]: ${x} vs ${ref[i]}`).toBe(true));
      }
    });
  }
});

describe('one-sided Jacobi SVD', () => {
  it.each([[[[0, 0]]], [[[1, 2, 3], [2, 4, 6]]], [[[0], [0]]], [[[1, 2], [2, 4]]]])('keeps V and U orthonormal when a singular value is 0: %j', (A) => {
    const { U, V } = jacobiSvd(lift(D, A), 60);
    for (const M of [U, V]) matmul(D, transpose(M), M).forEach((r, i) => r.forEach((x, j) => expect(x.minus(i === j ? 1 : 0).abs().lt('1e-50')).toBe(true)));
  });
  test.prop([fc.integer({ min: 1, max: 4 }).chain((m) => fc.integer({ min: 1, max: 4 }).chain((n) => matrixOf(m, n)))], { numRuns: 60 })(
    'A = U·diag(s)·Vᵀ with orthonormal V and descending s ≥ 0',
    (A) => {
      const { values, U, V } = jacobiSvd(lift(D, A), 60);
      const US = U.map((r) => r.map((x, j) => x.times(values[j])));
      const R = matmul(D, US, transpose(V));
      R.forEach((r, i) => r.forEach((x, j) => expect(x.minus(D.fromNumber(A[i][j])).abs().lt('1e-50')).toBe(true)));
      const VtV = matmul(D, transpose(V), V);
      VtV.forEach((r, i) => r.forEach((x, j) => expect(x.minus(i === j ? 1 : 0).abs().lt('1e-50')).toBe(true)));
      values.forEach((s, i) => expect(s.gte(0) && (i === 0 || s.lte(values[i - 1]))).toBe(true));
    },
  );
  it('rejects empty, ragged and non-finite input with a clear error', () => {
    expect(() => jacobiSvd([])).toThrow(LinalgError);
    expect(() => jacobiSvd([[new Decimal(1)], [new Decimal(1), new Decimal(2)]])).toThrow(/rectangular/);
    expect(() => jacobiSvd([[new Decimal(NaN)]])).toThrow(/finite/);
  });
  it('spdPower rejects a matrix that is not positive definite', () => {
    expect(() => spdPower(lift(D, [[1, 2], [2, 1]]), -0.5)).toThrow(/positive definite/);
  });
});
