/**
 * A module adapter for `kdverify check-impl`: the matrix quantities of the contract computed with
 * ml-matrix, written the way a typical ml-matrix user would write them (no hardening beyond that).
 *
 *   npx kdverify check-impl --module examples/adapters/ml-matrix.ts
 *
 * Exports only the matrix functions: logdet, inverse, singular_values, rank_k_approx, kl_gaussian.
 * Notes on the library (ml-matrix 6.15):
 *  - `determinant` is an explicit formula for 2×2 and 3×3 and LU above; `Math.log(determinant(a))`
 *    underflows to −∞ when det < ~1e-308 (e.g. 1e-6·I₆₀), even though log det is ≈ −829.
 *  - `inverse(a)` is an LU solve against I (no pivot-growth or conditioning warning).
 *  - `new SVD(a)` is the one-sided Golub–Kahan (JAMA) SVD; it prints a console warning for wide
 *    matrices unless `autoTranspose: true`, which we pass. `diagonal` is min(m, n) values.
 */
import { Matrix, SVD, determinant, inverse as mlInverse } from 'ml-matrix';

export const name = 'ml-matrix';

type Vec = number[];
type Mat = number[][];

/** log det a as a user would: Math.log(determinant(a)). */
export function logdet(a: Mat): number {
  return Math.log(determinant(new Matrix(a)));
}

export function inverse(a: Mat): Mat {
  return mlInverse(new Matrix(a)).to2DArray();
}

/** new SVD(a).diagonal, sorted descending. */
export function singular_values(a: Mat): Vec {
  return new SVD(new Matrix(a), { autoTranspose: true }).diagonal.sort((x, y) => y - x);
}

/** Truncated SVD reconstruction U_k Σ_k V_kᵀ. */
export function rank_k_approx(a: Mat, k: number): Mat {
  const A = new Matrix(a);
  const svd = new SVD(A, { autoTranspose: true });
  const s = svd.diagonal;
  const order = s.map((_, i) => i).sort((i, j) => s[j] - s[i]).slice(0, Math.max(0, k));
  const U = svd.leftSingularVectors;
  const V = svd.rightSingularVectors;
  const out = Matrix.zeros(A.rows, A.columns);
  for (const i of order) {
    out.add(U.getColumnVector(i).mmul(V.getColumnVector(i).transpose()).mul(s[i]));
  }
  return out.to2DArray();
}

/**
 * KL(N(mu1,cov1) ‖ N(mu2,cov2)) = ½[tr(Σ₂⁻¹Σ₁) + (μ₂−μ₁)ᵀΣ₂⁻¹(μ₂−μ₁) − k + log(det Σ₂ / det Σ₁)],
 * with `inverse` and `determinant` straightforwardly.
 */
export function kl_gaussian(mu1: Vec, cov1: Mat, mu2: Vec, cov2: Mat): number {
  const k = mu1.length;
  const S1 = new Matrix(cov1);
  const S2inv = mlInverse(new Matrix(cov2));
  const d = Matrix.columnVector(mu2.map((m, i) => m - mu1[i]));
  const tr = S2inv.mmul(S1).trace();
  const quad = d.transpose().mmul(S2inv).mmul(d).get(0, 0);
  const logdets = Math.log(determinant(new Matrix(cov2)) / determinant(S1));
  return 0.5 * (tr + quad - k + logdets);
}
