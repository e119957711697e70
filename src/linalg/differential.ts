import { CholeskyDecomposition, EigenvalueDecomposition, Matrix, inverse } from 'ml-matrix';
import { jacobiEigen } from './jacobi.ts';
import { decimalField } from '../numerics/decimal-field.ts';
import { inverseSpd, logdetSpd } from './cholesky.ts';
import { lift } from './matrix.ts';

/**
 * The double-precision path (ml-matrix) against the Decimal reference on one SPD matrix: errors of
 * log det (absolute) and of the inverse (relative, Frobenius), each divided by κ·ε with κ the
 * Frobenius condition number and ε = 2⁻⁵²; and of the eigenvalues (absolute, divided by λ_max·ε,
 * the backward-stable scale). A ratio of order 1–100 means the double path loses only what the
 * conditioning forces; larger ratios blame the implementation.
 */
export interface DoublePathError {
  n: number;
  condition: number;
  logdetRatio: number;
  inverseRatio: number;
  eigenRatio: number;
}

const EPS = 2 ** -52;

export function doublePathError(A: number[][]): DoublePathError | null {
  const M = new Matrix(A);
  const chol = new CholeskyDecomposition(M);
  if (!chol.isPositiveDefinite()) return null;
  const D = decimalField(50);
  const L = chol.lowerTriangularMatrix;
  let ld = 0;
  for (let i = 0; i < A.length; i++) ld += 2 * Math.log(L.get(i, i));
  const inv = inverse(M);
  const condition = M.norm('frobenius') * inv.norm('frobenius');
  const refInv = inverseSpd(D, lift(D, A));
  let err = 0;
  refInv.forEach((r, i) => r.forEach((x, j) => (err += (inv.get(i, j) - x.toNumber()) ** 2)));
  const eig = new EigenvalueDecomposition(M, { assumeSymmetric: true }).realEigenvalues.sort((a, b) => b - a);
  const refEig = jacobiEigen(lift(D, A), 50).values.map((x) => x.toNumber());
  const eigenRatio = Math.max(...eig.map((x, i) => Math.abs(x - refEig[i]))) / (Math.abs(refEig[0]) * EPS);
  return {
    n: A.length,
    eigenRatio,
    condition,
    logdetRatio: Math.abs(ld - logdetSpd(D, lift(D, A)).toNumber()) / (condition * EPS),
    inverseRatio: Math.sqrt(err) / inv.norm('frobenius') / (condition * EPS),
  };
}

/** The worst double-path errors over many SPD matrices, per decade band of the condition number. */
export interface DoublePathSurvey {
  matrices: number;
  maxCondition: number;
  bands: Array<{ band: string; matrices: number; worstLogdetRatio: number; worstInverseRatio: number; worstEigenRatio: number }>;
  worst: { logdetRatio: number; logdetCondition: number; inverseRatio: number; inverseCondition: number; eigenRatio: number };
}

const BANDS: Array<[string, number]> = [['κ < 1e3', 1e3], ['1e3 ≤ κ < 1e6', 1e6], ['1e6 ≤ κ < 1e9', 1e9], ['1e9 ≤ κ < 1e12', 1e12], ['κ ≥ 1e12', Infinity]];

export function doublePathSurvey(matrices: number[][][]): DoublePathSurvey {
  const results = matrices.map(doublePathError).filter((r): r is DoublePathError => r !== null);
  const worstBy = (rs: DoublePathError[], key: 'logdetRatio' | 'inverseRatio' | 'eigenRatio') => rs.reduce<DoublePathError | null>((w, r) => (w === null || r[key] > w[key] ? r : w), null);
  const wl = worstBy(results, 'logdetRatio'), wi = worstBy(results, 'inverseRatio');
  let lower = 0;
  const bands = BANDS.map(([band, upper]) => {
    const rs = results.filter((r) => r.condition >= lower && r.condition < upper);
    lower = upper;
    return { band, matrices: rs.length, worstLogdetRatio: worstBy(rs, 'logdetRatio')?.logdetRatio ?? NaN, worstInverseRatio: worstBy(rs, 'inverseRatio')?.inverseRatio ?? NaN, worstEigenRatio: worstBy(rs, 'eigenRatio')?.eigenRatio ?? NaN };
  }).filter((b) => b.matrices > 0);
  return {
    matrices: results.length,
    maxCondition: Math.max(0, ...results.map((r) => r.condition)),
    bands,
    worst: { logdetRatio: wl?.logdetRatio ?? NaN, logdetCondition: wl?.condition ?? NaN, inverseRatio: wi?.inverseRatio ?? NaN, inverseCondition: wi?.condition ?? NaN, eigenRatio: worstBy(results, 'eigenRatio')?.eigenRatio ?? NaN },
  };
}
