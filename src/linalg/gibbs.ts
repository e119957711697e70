import type { Field } from '../numerics/field.ts';
import { choleskySolve, cholesky, inverseSpd } from './cholesky.ts';
import { add, identity, kron, matmul, scale, transpose, vec, type Mat } from './matrix.ts';

/**
 * The Gibbs teacher of the linear-Gaussian case study: prior W ~ MN(0, I_k, λ⁻¹I_d), posterior
 * q_T(W|D) ∝ p0(W)·exp(−(β_T/(2ν²))‖Y − WX‖_F²).
 */
export interface GibbsParams {
  lambda: number;
  betaT: number;
  nu: number;
}

/** KD-LG-GIBBS closed form: Σ_T = (λI_d + (β_T/ν²)XXᵀ)⁻¹, W̄_T = (β_T/ν²)·Y·Xᵀ·Σ_T. */
/** Σ_T⁻¹ = λI_d + (β_T/ν²)XXᵀ, exact in F (no inversion). */
export function gibbsPrecision<T>(F: Field<T>, X: Mat<T>, p: GibbsParams): Mat<T> {
  const c = F.div(F.fromNumber(p.betaT), F.square(F.fromNumber(p.nu)));
  return add(F, scale(F, F.fromNumber(p.lambda), identity(F, X.length)), scale(F, c, matmul(F, X, transpose(X))));
}

/** The Gibbs posterior MN(W̄, I_k, Σ) of the linear-Gaussian teacher in closed form: Σ = (λI + (β/ν²)XXᵀ)⁻¹, W̄ = (β/ν²)·YXᵀΣ. */
export function gibbsClosedForm<T>(F: Field<T>, X: Mat<T>, Y: Mat<T>, p: GibbsParams): { mean: Mat<T>; sigma: Mat<T> } {
  const c = F.div(F.fromNumber(p.betaT), F.square(F.fromNumber(p.nu)));
  const sigma = inverseSpd(F, gibbsPrecision(F, X, p));
  return { mean: scale(F, c, matmul(F, matmul(F, Y, transpose(X)), sigma)), sigma };
}

/**
 * The same posterior by brute force on w = vec W: precision λI_{kd} + (β_T/ν²)·B_XᵀB_X with
 * B_X = Xᵀ ⊗ I_k (so vec(WX) = B_X·w), mean = precision⁻¹·(β_T/ν²)·B_Xᵀ·vec Y.
 */
export function gibbsVecForm<T>(F: Field<T>, X: Mat<T>, Y: Mat<T>, p: GibbsParams): { mean: Mat<T>; cov: Mat<T> } {
  const k = Y.length;
  const c = F.div(F.fromNumber(p.betaT), F.square(F.fromNumber(p.nu)));
  const B = kron(F, transpose(X), identity(F, k));
  const precision = add(F, scale(F, F.fromNumber(p.lambda), identity(F, B[0].length)), scale(F, c, matmul(F, transpose(B), B)));
  const L = cholesky(F, precision);
  return { mean: choleskySolve(F, L, scale(F, c, matmul(F, transpose(B), vec(Y)))), cov: choleskySolve(F, L, identity(F, B[0].length)) };
}
