import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { choleskySolve, cholesky } from '../linalg/cholesky.ts';
import { ballCosDeficit } from './ball.ts';

/**
 * A parametric learning world for the sharpness-aware bound: parameters f ∈ ℝ^p, a finite data
 * space of points z_j = (x_j, y_j) with law μ (integer weights), n i.i.d. draws (all m^n datasets
 * enumerated), the bounded smooth loss
 *   ℓ(f; z) = 1 − cos(ω(fᵀx − y)) ∈ [0, 2],
 * and the ridge least-squares teacher A(D) = (Σ_i x_i x_iᵀ/n + λI)⁻¹ Σ_i x_i y_i/n.
 * Every average over the ρ-ball is exact: the per-point sharpness is
 *   s(f; z_j) = E_U ℓ(f+U; z_j) − ℓ(f; z_j) = cos(ω(fᵀx_j − y_j))·(1 − φ_p(ωρ‖x_j‖)),
 * with the deficit 1 − φ_p summed as its own series (ballCosDeficit), so sharpness keeps its
 * relative accuracy for small ρ and is exactly 0 at a zero input. Every quantity is a certified
 * enclosure.
 */
export interface SharpWorld {
  p: number;
  xs: number[][];
  ys: number[];
  weights: number[];
  n: number;
  omega: number;
  lambda: number;
  rho: number;
}

/** The range [a, b] = [0, 2] of the cosine loss. */
export const LOSS_RANGE = { a: 0, b: 2 } as const;

/** All m^n datasets as index tuples (coordinate 0 least significant), with their μ^n weights. */
export function datasets(w: SharpWorld): number[][] {
  const m = w.xs.length;
  return Array.from({ length: m ** w.n }, (_, d) => Array.from({ length: w.n }, (_, i) => Math.floor(d / m ** i) % m));
}

/** Neighbouring pairs (D, D with coordinate i replaced), as indices into datasets(w). */
export function neighbourPairs(w: SharpWorld): Array<[number, number]> {
  const m = w.xs.length;
  const pairs: Array<[number, number]> = [];
  for (let d = 0; d < m ** w.n; d++)
    for (let i = 0; i < w.n; i++) {
      const zi = Math.floor(d / m ** i) % m;
      for (let z = 0; z < m; z++) if (z !== zi) pairs.push([d, d + (z - zi) * m ** i]);
    }
  return pairs;
}

/** The quantities of the world in one arithmetic context, computed once per dataset. */
export function sharpQuantities<T>(F: Field<T>, w: SharpWorld) {
  const p = w.p, n = F.fromNumber(w.n);
  const omega = F.fromNumber(w.omega);
  const xs = w.xs.map((x) => x.map((v) => F.fromNumber(v)));
  const ys = w.ys.map((y) => F.fromNumber(y));
  const total = sum(F, w.weights.map((v) => F.fromNumber(v)));
  const mu = w.weights.map((v) => F.div(F.fromNumber(v), total));
  const norm2 = xs.map((x) => sum(F, x.map((v) => F.square(v))));
  // 1 − φ_p(ωρ‖x_j‖): the ball average of 1 − cos along x_j
  const deficit = norm2.map((q) => ballCosDeficit(F, F.mul(F.mul(omega, F.fromNumber(w.rho)), F.sqrt(q)), p));
  const norm = norm2.map((q) => F.sqrt(q));
  const residual = (f: T[], j: number) => F.sub(sum(F, f.map((v, k) => F.mul(v, xs[j][k]))), ys[j]);
  // the losses of every dataset's teacher at every point recur across the gaps: cos and sin of
  // ω·residual once per (f, j), f by identity
  const memo = (g: (x: T) => T) => {
    const cache = new WeakMap<T[], Map<number, T>>();
    return (f: T[], j: number): T => {
      let row = cache.get(f);
      if (!row) cache.set(f, (row = new Map()));
      let v = row.get(j);
      if (v === undefined) row.set(j, (v = g(F.mul(omega, residual(f, j)))));
      return v;
    };
  };
  const cosAt = memo((x) => F.cos(x)), sinAt = memo((x) => F.sin(x));
  const loss = (f: T[], j: number) => F.sub(F.fromNumber(1), cosAt(f, j));
  const sharpness = (f: T[], j: number) => F.mul(cosAt(f, j), deficit[j]);
  const smoothedLoss = (f: T[], j: number) => F.add(loss(f, j), sharpness(f, j));
  const gradNorm = (f: T[], j: number) => F.mul(F.mul(omega, F.abs(sinAt(f, j))), norm[j]);
  const teacher = (D: number[]): T[] => {
    const G = Array.from({ length: p }, (_, r) => Array.from({ length: p }, (_, c) => F.add(F.div(sum(F, D.map((j) => F.mul(xs[j][r], xs[j][c]))), n), r === c ? F.fromNumber(w.lambda) : F.fromNumber(0))));
    const b = Array.from({ length: p }, (_, r) => [F.div(sum(F, D.map((j) => F.mul(xs[j][r], ys[j]))), n)]);
    return choleskySolve(F, cholesky(F, G), b).map((r) => r[0]);
  };
  const empirical = (D: number[], l: (f: T[], j: number) => T) => (f: T[]) => F.div(sum(F, D.map((j) => l(f, j))), n);
  const population = (l: (f: T[], j: number) => T) => (f: T[]) => sum(F, mu.map((m, j) => F.mul(m, l(f, j))));
  return { F, mu, norm2, deficit, loss, sharpness, smoothedLoss, gradNorm, teacher, empirical, population, omega };
}

/** E_D[S_P(A(D))]: the population sharpness at every dataset's teacher, weighted by μⁿ(D) (Lemma 16's left side). */
export function expectedSharpness<T>(F: Field<T>, w: SharpWorld): T {
  const q = sharpQuantities(F, w);
  const SP = q.population(q.sharpness);
  return sum(F, datasets(w).map((D) => F.mul(D.reduce((acc, j) => F.mul(acc, q.mu[j]), F.fromNumber(1)), SP(q.teacher(D)))));
}
