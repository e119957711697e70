import type { Decimal } from 'decimal.js';
import type { Field } from '../numerics/field.ts';
import { decimalField } from '../numerics/decimal-field.ts';
import { inCertifiedContext } from '../numerics/high-precision.ts';
import { InsufficientPrecision } from '../numerics/insufficient-precision.ts';
import { cholesky, inverseSpd, logdetSpd } from './cholesky.ts';
import { gaussianKlVec } from './gaussian.ts';
import { gibbsClosedForm, gibbsPrecision, type GibbsParams } from './gibbs.ts';
import { gibbsMap, joint, type Gaussian } from './lg-processes.ts';
import { add, frobenius2, identity, kron, lift, LinalgError, matmul, scale, sub, trace, transpose, vec, type Mat } from './matrix.ts';
import { spdPower } from './spd-power.ts';
import { jacobiSvd } from './svd.ts';

/**
 * KD-LG-FINAL with the rank-κ student of the seed appendix, conditioned on one training set
 * D_n = (X, Y). The seed defines q_S(Θ | W_T, X) = MN(W_T·M*(W_T, X), I_k, Σ_S) with M* a best
 * rank-κ map in prediction space, argmin_{rank M = κ} ‖W_T X − W_T M X‖_F. Here the map is frozen
 * at the teacher's posterior mean, M = M*(W̄_T(D_n), X) (reconstruction: it makes Θ linear in W_T,
 * so every law given D_n is Gaussian and K_n(D_n) is exact):
 *   W_T ~ MN(W̄_T, I_k, Σ_T),  Ŷ = W_T X + ν·E,  Θ = W_T M + E_S,  E_S ~ MN(0, I_k, Σ_S).
 * K_n(D_n) := KL(law of (Ŷ, Θ) given D_n ‖ law of (Y, W_T) under Δ); by convexity of KL the
 * process-level K_n ≤ E_{D_n} K_n(D_n), so a bound on K_n(D_n) for every D_n bounds K_n.
 */
export interface RankStudentModel {
  X: number[][];
  Wstar: number[][];
  /** one training set's labels */
  Y: number[][];
  nu: number;
  teacher: GibbsParams;
  kappa: number;
  /** Σ_S = c·Σ_T, or a given SPD matrix */
  studentCov: { kind: 'scaled-teacher'; c: number } | { kind: 'own'; matrix: number[][] };
}

/** The data-dependent matrices, computed once at high precision and then used as exact data. */
export interface RankStudentDerived {
  /** the prediction-space rank-κ map M = X·V_κ·V_κᵀ·X⁺ (d × d), V_κ the top right singular vectors of W̄_T X */
  M: string[][];
  /** the Σ_T⁻¹-metric Eckart–Young optimum [W̄_TΣ_T^{−1/2}]_κ Σ_T^{1/2} (k × d) */
  Mey: string[][];
}

const DIGITS = 80;
const str = (A: Mat<Decimal>) => A.map((r) => r.map((x) => x.toString()));

/** X has full rank: the smaller Gram matrix is certified positive definite (200-digit intervals). */
export function xFullRank(X: number[][]): boolean {
  try {
    // MPFR at 200 digits, Decimal where MPFR cannot decide
    return inCertifiedContext(200, (F) => {
      const Xf = lift(F, X);
      cholesky(F, X.length <= X[0].length ? matmul(F, Xf, transpose(Xf)) : matmul(F, transpose(Xf), Xf));
      return true;
    }, (e) => e instanceof LinalgError);
  } catch (e) {
    if (e instanceof LinalgError || e instanceof InsufficientPrecision) return false;
    throw e;
  }
}

/** The frozen rank-κ map M and the Eckart–Young optimum of a model, by Decimal SVD (used as exact data afterwards). */
export function rankStudentDerived(m: RankStudentModel): RankStudentDerived {
  const D = decimalField(DIGITS);
  const X = lift(D, m.X), k = m.Wstar.length, r = m.kappa;
  const { mean: Wbar } = gibbsClosedForm(D, X, lift(D, m.Y), { ...m.teacher, nu: m.nu });
  const Xt = transpose(X);
  const pinv = X.length <= X[0].length ? matmul(D, Xt, inverseSpd(D, matmul(D, X, Xt))) : matmul(D, inverseSpd(D, matmul(D, Xt, X)), Xt);
  const { V } = jacobiSvd(matmul(D, Wbar, X), DIGITS);
  const Vk = V.map((row) => row.slice(0, r));
  const M = matmul(D, matmul(D, matmul(D, X, Vk), transpose(Vk)), pinv);
  const precision = gibbsPrecision(D, X, { ...m.teacher, nu: m.nu });
  const weighted = jacobiSvd(matmul(D, Wbar, spdPower(precision, 0.5, DIGITS)), DIGITS);
  const US = weighted.U.map((row) => row.slice(0, r).map((x, j) => x.times(weighted.values[j])));
  const Vt = transpose(weighted.V.map((row) => row.slice(0, r)));
  const Mey = r === 0 ? Wbar.map((row) => row.map(() => D.fromNumber(0))) : matmul(D, matmul(D, US, Vt), spdPower(precision, -0.5, DIGITS));
  if (Mey.length !== k) throw new LinalgError('rank-κ optimum has the wrong shape');
  return { M: str(M), Mey: str(Mey) };
}


/** Block matrix [[A, B], [Bᵀ, C]]. */
const blocks = <T>(A: Mat<T>, B: Mat<T>, C: Mat<T>): Mat<T> => {
  const Bt = transpose(B);
  return [...A.map((r, i) => [...r, ...B[i]]), ...C.map((r, i) => [...Bt[i], ...r])];
};

/** ½E‖z‖²_Q for z ~ N(m, C): ½(mᵀQm + tr(QC)). */
const halfExpectedQuad = <T>(F: Field<T>, Q: Mat<T>, m: Mat<T>, C: Mat<T>): T =>
  F.div(F.add(matmul(F, matmul(F, transpose(m), Q), m)[0][0], trace(F, matmul(F, Q, C))), F.fromNumber(2));

/** K_n(D_n) and the terms of its decomposition (Bias, Var, Apx, Cov, Spread) for the rank-κ student. */
export interface FinalTerms<T> {
  /** K_n(D_n), exact */
  Kn: T;
  datasetShift: T;
  algorithmShift: T;
  bias: T;
  variance: T;
  apx: T;
  cov: T;
  spread: T;
  /** ½E‖W_T M − W̄_T(Ŷ)‖²_{Σ_T⁻¹}: the mean part of the convexity bound on the algorithm shift */
  meanTerm: T;
}

/** K_n(D_n) and every term of the decomposition in closed form, in F. */
export function rankStudentTerms<T>(F: Field<T>, m: RankStudentModel, d: RankStudentDerived): FinalTerms<T> {
  const X = lift(F, m.X), Ws = lift(F, m.Wstar), Y = lift(F, m.Y);
  const k = m.Wstar.length, n = m.X[0].length, dim = m.X.length;
  const p = { ...m.teacher, nu: m.nu };
  const nu2 = F.square(F.fromNumber(m.nu));
  const { mean: Wbar, sigma: ST } = gibbsClosedForm(F, X, Y, p);
  const SS = m.studentCov.kind === 'own' ? lift(F, m.studentCov.matrix) : scale(F, F.fromNumber(m.studentCov.c), ST);
  const Ik = identity(F, k);
  const B = kron(F, transpose(X), Ik); // vec(WX) = B·vec W
  const G = kron(F, transpose(d.M.map((r) => r.map((x) => F.fromString(x)))), Ik); // vec(WM) = G·vec W
  const C = kron(F, ST, Ik);
  const w = vec(Wbar);
  const noise = scale(F, nu2, identity(F, k * n));
  // Γ given D_n on (vec Ŷ, vec Θ)
  const CBt = matmul(F, C, transpose(B)), CGt = matmul(F, C, transpose(G));
  const pseudo: Gaussian<T> = { mean: matmul(F, B, w), cov: add(F, matmul(F, B, CBt), noise) };
  const gamma: Gaussian<T> = {
    mean: [...pseudo.mean, ...matmul(F, G, w)],
    cov: blocks(pseudo.cov, matmul(F, B, CGt), add(F, matmul(F, G, CGt), kron(F, SS, Ik))),
  };
  // Δ on (vec Y, vec W_T)
  const T = gibbsMap(F, X, k, p);
  const mY = vec(matmul(F, Ws, X));
  const delta = joint(F, mY, noise, T.A, T.postCov);
  const Kn = gaussianKlVec(F, gamma.mean, gamma.cov, delta.mean, delta.cov);
  const datasetShift = gaussianKlVec(F, pseudo.mean, pseudo.cov, mY, noise);

  const half = (x: T) => F.div(x, F.fromNumber(2));
  const bias = F.div(frobenius2(F, matmul(F, sub(F, Wbar, Ws), X)), F.mul(F.fromNumber(2), nu2));
  const variance = F.div(F.mul(F.fromNumber(k), trace(F, matmul(F, matmul(F, transpose(X), ST), X))), F.mul(F.fromNumber(2), nu2));
  const precision = gibbsPrecision(F, X, p);
  const cov = F.mul(F.div(F.fromNumber(k), F.fromNumber(2)), F.add(F.sub(trace(F, matmul(F, precision, SS)), F.fromNumber(dim)), F.sub(logdetSpd(F, ST), logdetSpd(F, SS))));
  // r = vec(W_T M − W̄_T(Ŷ)) = (G − A_T B)·w_T − ν·A_T·e, Gaussian given D_n
  const Q = kron(F, precision, Ik);
  const R = sub(F, G, matmul(F, T.A, B));
  const mr = matmul(F, R, w);
  const Cr = add(F, matmul(F, matmul(F, R, C), transpose(R)), scale(F, nu2, matmul(F, T.A, transpose(T.A))));
  const u = vec(sub(F, d.Mey.map((r) => r.map((x) => F.fromString(x))), Wbar));
  const apx = half(matmul(F, matmul(F, transpose(u), Q), u)[0][0]);
  const spread = halfExpectedQuad(F, Q, sub(F, mr, u), Cr);
  const meanTerm = halfExpectedQuad(F, Q, mr, Cr);
  return { Kn, datasetShift, algorithmShift: F.sub(Kn, datasetShift), bias, variance, apx, cov, spread, meanTerm };
}

/** The convexity bound on the algorithm shift used by the decomposition: Cov + ½E‖W_T M − W̄_T(Ŷ)‖². */
export const algorithmShiftBound = <T>(F: Field<T>, t: FinalTerms<T>): T => F.add(t.cov, t.meanTerm);

