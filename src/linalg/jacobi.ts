import { Decimal } from 'decimal.js';
import { decimalField } from '../numerics/decimal-field.ts';
import { LinalgError, type Mat } from './matrix.ts';

/**
 * Symmetric eigen-decomposition by cyclic Jacobi rotations in Decimal at `digits`, to the working
 * precision (off-diagonal mass below 10^−(digits−5) of the Frobenius norm). Eigenvalues descend;
 * the eigenvectors are the columns of `vectors`. Not certified: callers that need a certificate
 * use the vectors as exact data (e.g. a projector whose objective is then enclosed).
 */
export function jacobiEigen(A: Mat<Decimal>, digits = 60): { values: Decimal[]; vectors: Mat<Decimal> } {
  const F = decimalField(digits);
  const n = A.length;
  if (A.some((r) => r.length !== n)) throw new LinalgError('jacobiEigen needs a square matrix');
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (!A[i][j].eq(A[j][i])) throw new LinalgError('jacobiEigen needs a symmetric matrix');
  const a = A.map((r) => r.map((x) => F.add(x, F.fromNumber(0))));
  const v: Mat<Decimal> = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => F.fromNumber(i === j ? 1 : 0)));
  const norm = a.flat().reduce((s, x) => s.plus(x.times(x)), F.fromNumber(0)).sqrt();
  const tol = norm.times(`1e-${digits - 5}`);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = F.fromNumber(0);
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = off.plus(a[p][q].times(a[p][q]));
    if (off.sqrt().lte(tol)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q].isZero()) continue;
        // rotation angle: t = sgn(θ)/(|θ| + √(θ² + 1)), θ = (a_qq − a_pp)/(2a_pq)
        const theta = a[q][q].minus(a[p][p]).div(a[p][q].times(2));
        const t = F.fromNumber(theta.isNegative() ? -1 : 1).div(theta.abs().plus(theta.times(theta).plus(1).sqrt()));
        const c = F.fromNumber(1).div(t.times(t).plus(1).sqrt());
        const s = t.times(c);
        for (let k = 0; k < n; k++) {
          const akp = a[k][p], akq = a[k][q];
          a[k][p] = c.times(akp).minus(s.times(akq));
          a[k][q] = s.times(akp).plus(c.times(akq));
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k], aqk = a[q][k];
          a[p][k] = c.times(apk).minus(s.times(aqk));
          a[q][k] = s.times(apk).plus(c.times(aqk));
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c.times(vkp).minus(s.times(vkq));
          v[k][q] = s.times(vkp).plus(c.times(vkq));
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j][j].cmp(a[i][i]));
  return { values: order.map((i) => a[i][i]), vectors: v.map((r) => order.map((i) => r[i])) };
}
