import { Decimal } from 'decimal.js';
import { decimalField } from '../numerics/decimal-field.ts';
import { LinalgError, transpose, type Mat } from './matrix.ts';

export interface Svd {
  /** Singular values, descending, min(m, n) of them. */
  values: Decimal[];
  /** m × r left singular vectors (columns), orthonormal: those of zero singular values complete the others. */
  U: Mat<Decimal>;
  /** n × r right singular vectors (columns), orthonormal. */
  V: Mat<Decimal>;
}

/**
 * Singular value decomposition by one-sided (Hestenes) Jacobi in Decimal at `digits`: rotate
 * column pairs of A until every pair is orthogonal to 10^−(digits−5) relative, accumulating the
 * rotations in V; then σ_i = ‖column i‖ and U = A·V·diag(1/σ). One-sided Jacobi computes small
 * singular values to high relative accuracy, which the Σ^{-1/2}-weighted tail sums need.
 * Precision-convergent, not certified: a caller that needs a certificate uses U, V as exact data.
 */
export function jacobiSvd(A: Mat<Decimal>, digits = 60): Svd {
  const m = A.length, n = A[0]?.length ?? 0;
  if (m === 0 || n === 0 || A.some((r) => r.length !== n)) throw new LinalgError('jacobiSvd needs a non-empty rectangular matrix');
  if (A.some((r) => r.some((x) => !x.isFinite()))) throw new LinalgError('jacobiSvd needs finite entries');
  if (m < n) {
    const t = jacobiSvd(transpose(A), digits);
    return { values: t.values, U: t.V, V: t.U };
  }
  const F = decimalField(digits);
  const zero = F.fromNumber(0), one = F.fromNumber(1);
  // columns of A, then of V, stored as arrays for cheap pair rotations
  const a = Array.from({ length: n }, (_, j) => A.map((r) => F.add(r[j], zero)));
  const v = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => (i === j ? one : zero)));
  const dot = (x: Decimal[], y: Decimal[]) => x.reduce((s, xi, i) => s.plus(xi.times(y[i])), zero);
  const tol = new (Decimal.clone({ precision: digits }))(`1e-${digits - 5}`);
  const rotate = (x: Decimal[], y: Decimal[], c: Decimal, s: Decimal) => {
    for (let i = 0; i < x.length; i++) {
      const xi = x[i], yi = y[i];
      x[i] = c.times(xi).minus(s.times(yi));
      y[i] = s.times(xi).plus(c.times(yi));
    }
  };
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const alpha = dot(a[p], a[p]), beta = dot(a[q], a[q]), gamma = dot(a[p], a[q]);
        if (gamma.isZero() || gamma.abs().lte(tol.times(alpha.times(beta).sqrt()))) continue;
        rotated = true;
        // the rotation that zeroes the (p, q) entry of AᵀA: ζ = (β − α)/(2γ), t = sgn(ζ)/(|ζ| + √(1 + ζ²))
        const zeta = beta.minus(alpha).div(gamma.times(2));
        const t = F.fromNumber(zeta.isNegative() ? -1 : 1).div(zeta.abs().plus(zeta.times(zeta).plus(1).sqrt()));
        const c = one.div(t.times(t).plus(1).sqrt());
        const s = c.times(t);
        rotate(a[p], a[q], c, s);
        rotate(v[p], v[q], c, s);
      }
    }
    if (!rotated) break;
  }
  const norms = a.map((col) => dot(col, col).sqrt());
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => norms[j].cmp(norms[i]));
  const u = order.map((j) => (norms[j].isZero() ? null : a[j].map((x) => x.div(norms[j]))));
  // a zero singular value leaves its left vector free: complete the others to an orthonormal set
  // (the transposed, wide case returns these as right vectors, which must be orthonormal)
  const basis = u.filter((c): c is Decimal[] => c !== null);
  const completed = u.map((c) => c ?? completeOrthonormal(basis, m, F));
  return {
    values: order.map((j) => norms[j]),
    U: Array.from({ length: m }, (_, i) => completed.map((c) => c[i])),
    V: Array.from({ length: n }, (_, i) => order.map((j) => v[j][i])),
  };
}

/**
 * A unit vector of length m orthogonal to the (orthonormal) `basis`, which it joins: the standard
 * basis vector with the largest remainder after Gram–Schmidt (applied twice), normalised.
 */
function completeOrthonormal(basis: Decimal[][], m: number, F: ReturnType<typeof decimalField>): Decimal[] {
  const zero = F.fromNumber(0);
  const dot = (x: Decimal[], y: Decimal[]) => x.reduce((s, xi, i) => s.plus(xi.times(y[i])), zero);
  let best: Decimal[] | null = null, bestNorm = zero;
  for (let k = 0; k < m; k++) {
    let r = Array.from({ length: m }, (_, i) => F.fromNumber(i === k ? 1 : 0));
    for (let pass = 0; pass < 2; pass++) for (const b of basis) {
      const c = dot(r, b);
      r = r.map((x, i) => x.minus(c.times(b[i])));
    }
    const norm = dot(r, r).sqrt();
    if (norm.gt(bestNorm)) [best, bestNorm] = [r, norm];
  }
  const unit = best!.map((x) => x.div(bestNorm));
  basis.push(unit);
  return unit;
}
