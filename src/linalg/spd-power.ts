import type { Decimal } from 'decimal.js';
import { decimalField } from '../numerics/decimal-field.ts';
import { jacobiEigen } from './jacobi.ts';
import { LinalgError, type Mat } from './matrix.ts';

/**
 * Σ^p (p = ±½, ±1, …) of a symmetric positive definite matrix, from its Jacobi
 * eigen-decomposition at `digits`: Q·diag(λ^p)·Qᵀ. Precision-convergent, not certified.
 */
export function spdPower(Sigma: Mat<Decimal>, p: number, digits = 60): Mat<Decimal> {
  const F = decimalField(digits);
  const { values, vectors: Q } = jacobiEigen(Sigma, digits);
  if (values.some((l) => !l.isPositive())) throw new LinalgError('spdPower needs a positive definite matrix');
  const powered = values.map((l) => l.pow(p));
  return Q.map((qi) => Q.map((qj) => qi.reduce((s, x, k) => s.plus(x.times(powered[k]).times(qj[k])), F.fromNumber(0))));
}
