/**
 * A module adapter for `kdverify check-impl`: the quantities of the contract computed with
 * mathjs (default config: IEEE doubles), written the way a typical mathjs user would write them,
 * calling mathjs's own function wherever it has one. The point is to find out what users of the
 * library actually get, so nothing here is hardened beyond what such a user would do.
 *
 *   npx kdverify check-impl --module examples/adapters/mathjs.ts
 *
 * Notes on the library (mathjs 15.2):
 *  - `kldivergence(x, y)` computes Σ x̂_i·log(x̂_i/ŷ_i) with x̂ = x/Σx, ŷ = y/Σy, i.e. KL(x‖y):
 *    the FIRST argument is the distribution the expectation is taken under (its JSDoc names the
 *    parameters `q, p`, which reads backwards but the code is KL(first‖second)). It NORMALISES both
 *    inputs, so it never notices unnormalised input. It has no zero conventions: x_i = 0 gives
 *    0·log 0 = 0·(−∞) = NaN (and 0/0 when y_i = 0 too), and any non-numeric result becomes NaN.
 *    x_i > 0 = y_i gives +∞, which happens to be right.
 *  - mathjs has no entropy, logsumexp, cgf or softmax; they are written from mathjs primitives.
 *  - mathjs has no SVD: singular values are √(eigenvalues of AᵀA) from `eigs` (a Jacobi method
 *    for symmetric input), which squares the condition number; tiny eigenvalues that come out
 *    negative are clamped to 0 before `sqrt` (mathjs's `sqrt` of a negative number returns a
 *    Complex, not a number).
 *  - `log` of a negative number also returns a Complex under the default config.
 */
import {
  det,
  divide,
  dotMultiply,
  dotPow,
  eigs,
  exp,
  inv,
  kldivergence,
  log,
  lusolve,
  map,
  max,
  multiply,
  norm,
  sqrt,
  subtract,
  sum,
  trace,
  transpose,
} from 'mathjs';

export const name = 'mathjs';

type Vec = number[];
type Mat = number[][];

const num = (x: unknown): number => x as number;

/** KL(p‖q) via mathjs's `kldivergence(p, q)` (= KL(first‖second), normalising both). */
export function kl_discrete(p: Vec, q: Vec): number {
  return num(kldivergence(p, q));
}

/** −Σ p_i log p_i, the straightforward way: −sum(p .* log(p)) (0·log 0 → 0·(−∞) = NaN). */
export function entropy(p: Vec): number {
  return -num(sum(dotMultiply(p, map(p, (v: number) => log(v)) as Vec)));
}

/**
 * log Σ exp(x_i). Choice: the library-faithful straightforward log(sum(exp(x))), which is what
 * mathjs users typically write (no max shift), so it overflows to +∞ for large logits and gives
 * −∞ for very negative ones. Deliberately not the stable version.
 */
export function logsumexp(x: Vec): number {
  return num(log(num(sum(map(x, (v: number) => exp(v))))));
}

/** log Σ p_i exp(λ x_i), the same straightforward way (no shift). */
export function cgf(x: Vec, p: Vec, lambda: number): number {
  const e = map(multiply(x, lambda) as Vec, (v: number) => exp(v)) as Vec;
  return num(log(num(sum(dotMultiply(p, e)))));
}

/** softmax(z / T), with the max subtraction a careful user writes. */
export function softmax(z: Vec, temperature: number): Vec {
  const s = divide(z, temperature) as Vec;
  const e = map(subtract(s, max(s)) as Vec, (v: number) => exp(v)) as Vec;
  return divide(e, sum(e)) as Vec;
}

/** p_i^{1/T} / Σ_j p_j^{1/T}. */
export function power_soften(p: Vec, temperature: number): Vec {
  const w = dotPow(p, divide(1, temperature) as number) as Vec;
  return divide(w, sum(w)) as Vec;
}

/**
 * KL(N(mu1,cov1) ‖ N(mu2,cov2)) = ½[tr(Σ₂⁻¹Σ₁) + (μ₂−μ₁)ᵀΣ₂⁻¹(μ₂−μ₁) − k + log det Σ₂ − log det Σ₁],
 * with `inv`, `trace`, `lusolve` and `det` as a user would.
 */
export function kl_gaussian(mu1: Vec, cov1: Mat, mu2: Vec, cov2: Mat): number {
  const k = mu1.length;
  const d = subtract(mu2, mu1) as Vec;
  const tr = num(trace(multiply(inv(cov2), cov1) as Mat));
  const sol = (lusolve(cov2, d) as Mat).map((r) => r[0]); // lusolve returns a column
  const quad = num(multiply(d, sol));
  const logdets = num(log(num(det(cov2)))) - num(log(num(det(cov1))));
  return 0.5 * (tr + quad - k + logdets);
}

/** log det a = log(det(a)) (det underflows to 0 for small-scale or large matrices → −∞). */
export function logdet(a: Mat): number {
  return num(log(num(det(a))));
}

export function inverse(a: Mat): Mat {
  return inv(a) as Mat;
}

/** Gram matrix of the smaller side: AᵀA (n×n) if rows ≥ cols, else AAᵀ. */
function gram(a: Mat): Mat {
  const at = transpose(a) as Mat;
  return a.length >= (a[0]?.length ?? 0) ? (multiply(at, a) as Mat) : (multiply(a, at) as Mat);
}

/**
 * mathjs has no SVD: σ_i = √λ_i(AᵀA) from `eigs` (min(m, n) values), sorted descending.
 * Negative round-off eigenvalues are clamped to 0 (mathjs `sqrt` would return a Complex).
 */
export function singular_values(a: Mat): Vec {
  const { values } = eigs(gram(a), { eigenvectors: false });
  return (values as Vec).map((v) => num(sqrt(Math.max(v, 0)))).sort((x, y) => y - x);
}

/**
 * Best rank-k approximation A·V_k·V_kᵀ, V_k = the top-k eigenvectors of AᵀA (the top-k right
 * singular vectors), i.e. projection of the rows of A onto the top-k right singular subspace.
 */
export function rank_k_approx(a: Mat, k: number): Mat {
  const at = transpose(a) as Mat;
  const { eigenvectors } = eigs(multiply(at, a) as Mat);
  const top = [...eigenvectors!]
    .sort((x, y) => num(y.value) - num(x.value))
    .slice(0, k)
    .map((e) => e.vector as Vec);
  const n = at.length;
  if (top.length === 0) return a.map((r) => r.map(() => 0));
  const vk = transpose(top) as Mat; // n×k
  const proj = n > 0 ? (multiply(vk, transpose(vk)) as Mat) : [];
  return multiply(a, proj) as Mat;
}

/** gen_t + σ·√(2·kn). */
export function kd_upper_bound(gen_t: number, sigma: number, kn: number): number {
  return gen_t + sigma * num(sqrt(2 * kn));
}

/** c·gen_t − kn/η. */
export function kd_lower_bound(gen_t: number, c: number, eta: number, kn: number): number {
  return c * gen_t - num(divide(kn, eta));
}

/**
 * √(Σ c_i²)/2 via `norm(c)` (the 2-norm), which is what a user reaches for. mathjs's `norm`
 * sums |c_i|² unscaled, so it overflows for |c_i| ≳ 1e154; mathjs's `hypot(...c)` is scaled and
 * would not (not used: `norm` is the natural call).
 */
export function mcdiarmid_sigma(c: Vec): number {
  return num(norm(c)) / 2;
}

/** (b − a)/2. */
export function hoeffding_sigma(a: number, b: number): number {
  return num(divide(subtract(b, a), 2));
}
