import type { Field } from '../numerics/field.ts';
import { choleskySolve, cholesky, logdetSpd } from './cholesky.ts';
import { gaussianKlVec } from './gaussian.ts';
import { gibbsClosedForm, type GibbsParams } from './gibbs.ts';
import { add, identity, kron, matmul, scale, sub, trace, transpose, vec, type Mat } from './matrix.ts';

/**
 * The linear-Gaussian KD processes given the inputs X, as joint Gaussians on (vec data, vec W):
 *   Δ: Y ~ MN(W*X, I_k, ν²I_n), W_T | Y ~ MN(W̄_T(Y), I_k, Σ_T)
 *   Γ: Y as above, W_T | Y, Ŷ | W_T ~ MN(W_T X, I_k, ν²I_n), W_S | Ŷ ~ MN(W̄_S(Ŷ), I_k, Σ_S)
 * with Gibbs teacher and student (their own λ, β). Every map is linear, so both joint laws are
 * exactly Gaussian and K_n = KL(Γ‖Δ) is a Gaussian KL in dimension kn + kd.
 */
export interface LgModel {
  X: Mat<number>;
  Wstar: Mat<number>;
  nu: number;
  teacher: GibbsParams;
  student: GibbsParams;
}

/** A Gaussian law N(mean, cov), the mean as a column. */
export interface Gaussian<T> {
  mean: Mat<T>;
  cov: Mat<T>;
}

/** vec W̄(Y) = A·vec Y for the Gibbs posterior: A = (β/ν²)·(Σ X ⊗ I_k); and Σ ⊗ I_k. */
export function gibbsMap<T>(F: Field<T>, X: Mat<T>, k: number, p: GibbsParams) {
  const { sigma } = gibbsClosedForm(F, X, Array.from({ length: k }, () => X[0].map(() => F.fromNumber(0))), p);
  const c = F.div(F.fromNumber(p.betaT), F.square(F.fromNumber(p.nu)));
  return { A: scale(F, c, kron(F, matmul(F, sigma, X), identity(F, k))), postCov: kron(F, sigma, identity(F, k)) };
}

/** Joint Gaussian of (u, w) with u ~ N(m, C) and w | u ~ N(A u, S). */
export function joint<T>(F: Field<T>, m: Mat<T>, C: Mat<T>, A: Mat<T>, S: Mat<T>): Gaussian<T> {
  const CAt = matmul(F, C, transpose(A));
  const AC = transpose(CAt);
  const top = C.map((r, i) => [...r, ...CAt[i]]);
  const bottom = add(F, matmul(F, A, CAt), S).map((r, i) => [...AC[i], ...r]);
  return { mean: [...m, ...matmul(F, A, m)], cov: [...top, ...bottom] };
}

/** The joint Gaussian laws Δ and Γ of (vec data, vec W) given X. */
export function lgLaws<T>(F: Field<T>, model: LgModel) {
  const X: Mat<T> = model.X.map((r) => r.map((x) => F.fromNumber(x)));
  const Ws: Mat<T> = model.Wstar.map((r) => r.map((x) => F.fromNumber(x)));
  const k = Ws.length, n = X[0].length;
  const noise = scale(F, F.square(F.fromNumber(model.nu)), identity(F, k * n));
  const B = kron(F, transpose(X), identity(F, k)); // vec(WX) = B·vec W
  const T = gibbsMap(F, X, k, model.teacher);
  const S = gibbsMap(F, X, k, model.student);
  const mY = vec(matmul(F, Ws, X));
  // Δ on (vec Y, vec W_T)
  const delta = joint(F, mY, noise, T.A, T.postCov);
  // Γ: vec Ŷ = B·vec W_T + noise, W_T = A_T vec Y + posterior noise
  const mW = matmul(F, T.A, mY);
  const covW = add(F, matmul(F, matmul(F, T.A, noise), transpose(T.A)), T.postCov);
  const pseudo: Gaussian<T> = { mean: matmul(F, B, mW), cov: add(F, matmul(F, matmul(F, B, covW), transpose(B)), noise) };
  const gamma = joint(F, pseudo.mean, pseudo.cov, S.A, S.postCov);
  return { delta, gamma, pseudo, data: { mean: mY, cov: noise }, teacherMap: T, studentMap: S };
}

/** K_n = KL(Γ‖Δ) on (vec data, vec W). */
export function lgKn<T>(F: Field<T>, model: LgModel): T {
  const L = lgLaws(F, model);
  return gaussianKlVec(F, L.gamma.mean, L.gamma.cov, L.delta.mean, L.delta.cov);
}

/**
 * The chain-rule split: dataset shift KL(Ŷ‖Y) + algorithm shift E_Ŷ KL(q_S(·|Ŷ) ‖ q_T(·|Ŷ)), the
 * latter in closed form: ½[tr(S_T⁻¹S_S) − kd + log det S_T − log det S_S] + ½E[ŷᵀQŷ] with
 * Q = (A_S − A_T)ᵀS_T⁻¹(A_S − A_T) and E[ŷᵀQŷ] = mᵀQm + tr(Q·C) for ŷ ~ N(m, C).
 */
export function lgChainSplit<T>(F: Field<T>, model: LgModel, opts: { dropCovTerm?: boolean } = {}): { datasetShift: T; algorithmShift: T } {
  const L = lgLaws(F, model);
  const datasetShift = gaussianKlVec(F, L.pseudo.mean, L.pseudo.cov, L.data.mean, L.data.cov);
  const ST = L.teacherMap.postCov, SS = L.studentMap.postCov;
  const LT = cholesky(F, ST);
  const dim = ST.length;
  const covPart = F.add(F.sub(trace(F, choleskySolve(F, LT, SS)), F.fromNumber(dim)), F.sub(logdetSpd(F, ST), logdetSpd(F, SS)));
  const D = sub(F, L.studentMap.A, L.teacherMap.A);
  const Q = matmul(F, transpose(D), choleskySolve(F, LT, D));
  const m = L.pseudo.mean;
  const quadMean = matmul(F, matmul(F, transpose(m), Q), m)[0][0];
  const quad = opts.dropCovTerm ? quadMean : F.add(quadMean, trace(F, matmul(F, Q, L.pseudo.cov)));
  return { datasetShift, algorithmShift: F.div(F.add(covPart, quad), F.fromNumber(2)) };
}
