/**
 * A module adapter for `kdverify check-impl`: the matrix quantities computed with numeric.js 1.2.6
 * (`numeric` on npm, float64), written the way its users write them.
 *
 *   (cd .npm-impl && npm install numeric@1)      # kept out of the project's dependencies
 *   npx kdverify check-impl --module examples/adapters/numeric.ts
 *
 * Notes on the library: `numeric.inv` is Gauss–Jordan with partial pivoting and no singularity
 * check; `numeric.det` is an LU product; `numeric.svd` is Golub–Reinsch (1970), which throws the
 * string "Need more rows than columns" for wide matrices and "Error: no convergence." after 50
 * iterations; `numeric.norm2` is √(Σx²) without scaling.
 */
import { createRequire } from 'node:module';

type Vec = number[];
type Mat = number[][];
interface Numeric {
  inv(a: Mat): Mat;
  det(a: Mat): number;
  svd(a: Mat): { U: Mat; S: Vec; V: Mat };
  norm2(v: Vec): number;
  dot(a: Mat | Vec, b: Mat | Vec): Mat | Vec | number;
  transpose(a: Mat): Mat;
  sub(a: Vec, b: Vec): Vec;
}
const numeric = createRequire(new URL('../../.npm-impl/', import.meta.url))('numeric') as Numeric;

export const name = 'numeric.js 1.2.6';

export const inverse = (a: Mat): Mat => numeric.inv(a);

/** log det a = Math.log(numeric.det(a)), as a user would. */
export const logdet = (a: Mat): number => Math.log(numeric.det(a));

/** numeric.svd(a).S, sorted descending (the library does not sort). */
export const singular_values = (a: Mat): Vec => [...numeric.svd(a).S].sort((x, y) => y - x);

/** U_k Σ_k V_kᵀ from numeric.svd. */
export function rank_k_approx(a: Mat, k: number): Mat {
  const { U, S, V } = numeric.svd(a);
  const top = S.map((_, i) => i).sort((i, j) => S[j] - S[i]).slice(0, k);
  return a.map((row, i) => row.map((_, j) => top.reduce((s, t) => s + U[i][t] * S[t] * V[j][t], 0)));
}

/** ½[tr(Σ₂⁻¹Σ₁) + dᵀΣ₂⁻¹d − k + log(det Σ₂ / det Σ₁)] with numeric.inv and numeric.det. */
export function kl_gaussian(mu1: Vec, cov1: Mat, mu2: Vec, cov2: Mat): number {
  const S2inv = numeric.inv(cov2);
  const d = numeric.sub(mu2, mu1);
  const M = numeric.dot(S2inv, cov1) as Mat;
  const tr = M.reduce((s, r, i) => s + r[i], 0);
  const quad = numeric.dot(d, numeric.dot(S2inv, d) as Vec) as number;
  return 0.5 * (tr + quad - mu1.length + Math.log(numeric.det(cov2) / numeric.det(cov1)));
}

/** √(Σc²)/2 with numeric.norm2. */
export const mcdiarmid_sigma = (c: Vec): number => numeric.norm2(c) / 2;
