import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { decimalField } from '../numerics/decimal-field.ts';
import { jacobiEigen } from '../linalg/jacobi.ts';
import { certifiedPositiveDefinite } from '../linalg/certified-spd.ts';
import { type Mat } from '../linalg/matrix.ts';
import { memoByJson } from '../engine/memo.ts';

/**
 * A certified upper bound u ≥ λ_max of a symmetric PSD matrix given by a builder: u = λ_max·(1 + 10⁻⁴⁰)
 * from Jacobi at 60 digits, accepted only if u·I − M is certified positive definite. null if not
 * certified. Used as τ_op in (A5'): any certified u ≥ λ_max is a valid constant, this one is
 * within 10⁻⁴⁰ relative of the smallest.
 */
export function certifiedTopEigenvalue(build: <T>(F: Field<T>) => Mat<T>): string | null {
  const D = decimalField(60);
  const top = jacobiEigen(symmetrised(build(D)), 60).values[0];
  const u = top.times('1.0000000000000000000000000000000000000001').plus('1e-60').toString();
  const ok = certifiedPositiveDefinite((F) => build(F).map((r, i) => r.map((x, j) => (i === j ? F.sub(F.fromString(u), x) : F.neg(x)))));
  return ok ? u : null;
}

const symmetrised = <T>(M: Mat<T>): Mat<T> => M.map((r, i) => r.map((x, j) => (j < i ? M[j][i] : x)));

/** ω²·E_μ[x xᵀ] for a sharpness world: |cos| ≤ 1 makes its λ_max bound ‖∇²L_P‖_op everywhere. */
export function curvatureBound<T>(F: Field<T>, w: { p: number; xs: number[][]; weights: number[]; omega: number }): Mat<T> {
  const total = sum(F, w.weights.map((v) => F.fromNumber(v)));
  const omega2 = F.square(F.fromNumber(w.omega));
  return Array.from({ length: w.p }, (_, r) => Array.from({ length: w.p }, (_, c) =>
    F.mul(omega2, F.div(sum(F, w.xs.map((x, j) => F.mul(F.fromNumber(w.weights[j]), F.mul(F.fromNumber(x[r]), F.fromNumber(x[c]))))), total))));
}

/** τ_op ≥ ω²λ_max(Σ μ_j x_j x_jᵀ) of a world, certified, once per (p, xs, weights, ω): it depends on nothing else. */
export const worldTau = memoByJson((w: { p: number; xs: number[][]; weights: number[]; omega: number }) => certifiedTopEigenvalue((F) => curvatureBound(F, w)));
export const worldTauOf = (w: { p: number; xs: number[][]; weights: number[]; omega: number }) => worldTau({ p: w.p, xs: w.xs, weights: w.weights, omega: w.omega });
