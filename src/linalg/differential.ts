import { CholeskyDecomposition, Matrix, inverse } from 'ml-matrix';
import { decimalField } from '../numerics/decimal-field.ts';
import { inverseSpd, logdetSpd } from './cholesky.ts';
import { lift } from './matrix.ts';

/**
 * The double-precision path (ml-matrix) against the Decimal reference on one SPD matrix: errors of
 * log det (absolute) and of the inverse (relative, Frobenius), each divided by κ·ε with κ the
 * Frobenius condition number and ε = 2⁻⁵². A ratio of order 1–100 means the double path loses only
 * what the conditioning forces; larger ratios blame the implementation.
 */
export interface DoublePathError {
  n: number;
  condition: number;
  logdetRatio: number;
  inverseRatio: number;
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
  return {
    n: A.length,
    condition,
    logdetRatio: Math.abs(ld - logdetSpd(D, lift(D, A)).toNumber()) / (condition * EPS),
    inverseRatio: Math.sqrt(err) / inv.norm('frobenius') / (condition * EPS),
  };
}
