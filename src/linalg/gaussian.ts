import type { Field } from '../numerics/field.ts';
import { choleskySolve, cholesky, logdetSpd } from './cholesky.ts';
import { cols, LinalgError, matmul, rows, sub, trace, transpose, type Mat } from './matrix.ts';

/**
 * KL(N(μ1, S1) ‖ N(μ2, S2)) = ½[tr(S2⁻¹S1) − m + (μ2 − μ1)ᵀS2⁻¹(μ2 − μ1) + log det S2 − log det S1],
 * with means as column vectors.
 */
export function gaussianKlVec<T>(F: Field<T>, mu1: Mat<T>, S1: Mat<T>, mu2: Mat<T>, S2: Mat<T>): T {
  const m = rows(S1);
  if (cols(S1) !== m || rows(S2) !== m || cols(S2) !== m || rows(mu1) !== m || rows(mu2) !== m) throw new LinalgError('gaussianKl: dimensions do not match');
  const L2 = cholesky(F, S2);
  const d = sub(F, mu2, mu1);
  const quad = matmul(F, transpose(d), choleskySolve(F, L2, d))[0][0];
  const tr = trace(F, choleskySolve(F, L2, S1));
  const ld = F.sub(logdetSpd(F, S2), logdetSpd(F, S1));
  return F.max(F.fromNumber(0), F.div(F.add(F.add(F.sub(tr, F.fromNumber(m)), quad), ld), F.fromNumber(2)));
}

/**
 * KD-LG-MNKL (reconstructed closed form): KL(MN(M1, I_k, Σ1) ‖ MN(M2, I_k, Σ2)) for W ∈ R^{k×d}
 * = ½[k(tr(Σ2⁻¹Σ1) − d + log det Σ2 − log det Σ1) + tr((M1 − M2)Σ2⁻¹(M1 − M2)ᵀ)].
 */
export function matrixNormalKl<T>(F: Field<T>, M1: Mat<T>, S1: Mat<T>, M2: Mat<T>, S2: Mat<T>, opts: { halve?: boolean; logdet?: boolean } = {}): T {
  const k = rows(M1), d = rows(S1);
  const L2 = cholesky(F, S2);
  const cov = F.sub(trace(F, choleskySolve(F, L2, S1)), F.fromNumber(d));
  const ld = opts.logdet === false ? F.fromNumber(0) : F.sub(logdetSpd(F, S2), logdetSpd(F, S1));
  const D = sub(F, M1, M2);
  const quad = trace(F, matmul(F, D, choleskySolve(F, L2, transpose(D))));
  const total = F.add(F.mul(F.fromNumber(k), F.add(cov, ld)), quad);
  return opts.halve === false ? total : F.div(total, F.fromNumber(2));
}
