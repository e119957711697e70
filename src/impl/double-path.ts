/**
 * The suite's own double-precision path, as a check-impl module: the same formulas the properties
 * use (written once over an arithmetic context), evaluated in plain doubles, and ml-matrix for the
 * general-matrix routines. `npx kdverify check-impl --module src/impl/double-path.ts`.
 */
import { Matrix, SVD, inverse as mlInverse } from 'ml-matrix';
import { doubleField as F } from '../numerics/double-field.ts';
import { dist } from '../prob/distribution.ts';
import { entropy as entropyOf, kl } from '../prob/divergence.ts';
import { logMeanExp, logSumExp } from '../prob/moments.ts';
import { hoeffdingSigma, } from '../prob/subgaussian.ts';
import { mcdiarmidSigma } from '../prob/mcdiarmid.ts';
import { softmaxOn } from '../skd/simplex.ts';
import { powerByExponent } from '../skd/operators.ts';
import { logdetSpd } from '../linalg/cholesky.ts';
import { gaussianKlVec } from '../linalg/gaussian.ts';
import { LinalgError } from '../linalg/matrix.ts';
import { crossEntropyOfLogits, jsDivergenceOf, kdLossOf, logSoftmaxOf, type Reduction } from '../skd/kd-loss.ts';

export const name = 'kd-verify double path';

const finiteVector = (v: number[], what: string) => {
  if (v.length === 0 || v.some((x) => !Number.isFinite(x))) throw new Error(`${what} must be a non-empty vector of finite numbers`);
};
const squareSymmetric = (a: number[][]) => {
  if (a.length === 0 || a.some((r) => r.length !== a.length || r.some((x) => !Number.isFinite(x)))) throw new LinalgError('a must be a square matrix of finite numbers');
};

export const kl_discrete = (p: number[], q: number[]): number => kl(F, dist(p), dist(q));
export const entropy = (p: number[]): number => entropyOf(F, dist(p));

export function logsumexp(x: number[]): number {
  if (x.some(Number.isNaN)) throw new Error('x has a NaN');
  const k = x.reduce((best, v, i) => (v > x[best] ? i : best), 0);
  if (x.length === 0 || !Number.isFinite(x[k])) return logSumExp(F, x);
  // m + log1p(Σ_{i≠k} e^{x_i − m}): the suite's logSumExp takes log(1 + s), which loses a dominant
  // term's tail (lse([0, −40]) = 4.25e-18 would be 0); its enclosures never need more
  let s = 0;
  for (let i = 0; i < x.length; i++) if (i !== k) s += Math.exp(x[i] - x[k]);
  return x[k] + Math.log1p(s);
}

export function cgf(x: number[], p: number[], lambda: number): number {
  finiteVector(x, 'x');
  if (x.length !== p.length || !Number.isFinite(lambda)) throw new Error('cgf needs x and p of equal length and a finite lambda');
  const d = dist(p);
  return logMeanExp(F, d.weights, x.map((v) => lambda * v));
}

export function softmax(z: number[], temperature: number): number[] {
  if (!(temperature > 0 && Number.isFinite(temperature))) throw new Error('the temperature must be positive and finite');
  if (z.length === 0 || z.some((v) => Number.isNaN(v) || v === Infinity) || z.every((v) => v === -Infinity)) throw new Error('z must have finite or −∞ logits, not all −∞');
  const m = Math.max(...z);
  // shift before dividing by T: (z − max)/T cannot overflow where z/T would
  return softmaxOn(F, z.map((v) => (v - m) / temperature), z.map((v) => v !== -Infinity));
}

export function power_soften(p: number[], temperature: number): number[] {
  if (!(temperature > 0 && Number.isFinite(temperature))) throw new Error('the temperature must be positive and finite');
  return powerByExponent(F, dist(p).weights, 1 / temperature);
}

export function kl_gaussian(mu1: number[], cov1: number[][], mu2: number[], cov2: number[][]): number {
  squareSymmetric(cov1);
  squareSymmetric(cov2);
  finiteVector([...mu1, ...mu2], 'the means');
  const kl = gaussianKlVec(F, mu1.map((x) => [x]), cov1, mu2.map((x) => [x]), cov2);
  // both Cholesky factorisations succeeded and KL ≥ 0: a NaN can only come from ±∞ − ∞ inside the
  // triangular solves, i.e. from a trace or quadratic term beyond the doubles
  return Number.isNaN(kl) ? Infinity : kl;
}

export function logdet(a: number[][]): number {
  squareSymmetric(a);
  if (a.some((r, i) => r.some((x, j) => x !== a[j][i]))) throw new LinalgError('a is not symmetric');
  return logdetSpd(F, a);
}

export function inverse(a: number[][]): number[][] {
  squareSymmetric(a);
  return mlInverse(new Matrix(a)).to2DArray();
}

export function singular_values(a: number[][]): number[] {
  if (a.length === 0 || a.some((r) => r.length !== a[0].length || r.some((x) => !Number.isFinite(x)))) throw new LinalgError('a must be a rectangular matrix of finite numbers');
  return [...new SVD(a, { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: true }).diagonal].sort((x, y) => y - x);
}

export function rank_k_approx(a: number[][], k: number): number[][] {
  if (!Number.isInteger(k) || k < 0) throw new Error('k must be a nonnegative integer');
  const svd = new SVD(a, { autoTranspose: true });
  const U = svd.leftSingularVectors, V = svd.rightSingularVectors, s = svd.diagonal;
  const order = s.map((_, i) => i).sort((i, j) => s[j] - s[i]).slice(0, k);
  return a.map((row, i) => row.map((_, j) => order.reduce((acc, t) => acc + U.get(i, t) * s[t] * V.get(j, t), 0)));
}

export function kd_upper_bound(gen_t: number, sigma: number, kn: number): number {
  if (!(sigma >= 0 && kn >= 0) || ![gen_t, sigma, kn].every(Number.isFinite)) throw new Error('kd_upper_bound needs finite gen_t, σ ≥ 0 and kn ≥ 0');
  return gen_t + sigma * Math.sqrt(2 * kn);
}

export function kd_lower_bound(gen_t: number, c: number, eta: number, kn: number): number {
  if (!(eta > 0 && kn >= 0) || ![gen_t, c, eta, kn].every(Number.isFinite)) throw new Error('kd_lower_bound needs finite arguments, η > 0 and kn ≥ 0');
  return c * gen_t - kn / eta;
}

export function mcdiarmid_sigma(c: number[]): number {
  finiteVector(c, 'c');
  return mcdiarmidSigma(F, c);
}

export function hoeffding_sigma(a: number, b: number): number {
  if (!(a <= b) || !Number.isFinite(a) || !Number.isFinite(b)) throw new Error('hoeffding_sigma needs finite a ≤ b');
  return hoeffdingSigma(F, a, b);
}

const logitRows = (z: number[][], what: string) => {
  if (z.length === 0 || z.some((r) => r.length !== z[0].length || r.length === 0)) throw new Error(`${what} must be a non-empty rectangular batch`);
  if (z.some((r) => r.some((v) => Number.isNaN(v) || v === Infinity) || r.every((v) => v === -Infinity))) throw new Error(`${what} must have finite or −∞ logits, not all −∞ in a row`);
};
const positiveTemperature = (t: number) => {
  if (!(t > 0 && Number.isFinite(t))) throw new Error('the temperature must be positive and finite');
};

export function log_softmax(z: number[], temperature: number): number[] {
  positiveTemperature(temperature);
  logitRows([z], 'z');
  return logSoftmaxOf(F, z, temperature).map((v) => v ?? -Infinity);
}

export function kd_loss(student_logits: number[][], teacher_logits: number[][], temperature: number, reduction: string): number | number[] {
  positiveTemperature(temperature);
  logitRows(student_logits, 'student_logits');
  logitRows(teacher_logits, 'teacher_logits');
  if (student_logits.length !== teacher_logits.length || student_logits[0].length !== teacher_logits[0].length) throw new Error('student and teacher logits must have the same shape');
  if (!['batchmean', 'sum', 'none'].includes(reduction)) throw new Error(`unknown reduction ${reduction}`);
  return kdLossOf(F, student_logits, teacher_logits, temperature, reduction as Reduction);
}

export function soft_cross_entropy(logits: number[][], target_probs: number[][]): number {
  logitRows(logits, 'logits');
  if (target_probs.length !== logits.length || target_probs.some((r) => r.length !== logits[0].length)) throw new Error('logits and target_probs must have the same shape');
  if (target_probs.some((r) => r.some((x) => !(x >= 0 && x < Infinity)) || r.every((x) => x === 0))) throw new Error('each target row must be finite, nonnegative and not all zero');
  return logits.reduce((acc, z, r) => acc + crossEntropyOfLogits(F, z, target_probs[r]), 0) / logits.length;
}

export function js_divergence(p: number[], q: number[]): number {
  if (p.length !== q.length || p.length === 0 || [...p, ...q].some((x) => !(x >= 0 && x < Infinity)) || !p.some((x) => x > 0) || !q.some((x) => x > 0)) throw new Error('p and q must be probability vectors of equal length');
  return jsDivergenceOf(F, p, q);
}
