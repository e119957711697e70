import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { dec, invalid, mat, num, R, scalar, sumD, tolerance, vec } from './helpers.ts';
import { cholesky, inverseSpd, logdetSpd } from '../../linalg/cholesky.ts';
import { gaussianKlVec } from '../../linalg/gaussian.ts';
import { jacobiSvd } from '../../linalg/svd.ts';
import { exactlyPsd, exactlySingular } from './exact-rank.ts';
import { LinalgError, type Mat } from '../../linalg/matrix.ts';
import { illConditionedSpdOf, matrixOf, spdOf } from '../../gen/matrices.ts';
import { gridReal } from '../../gen/reals.ts';
import { tagged, withNaN } from '../inputs.ts';
import { judgement } from '../judge.ts';
import type { Expected, FnSpec } from '../expected.ts';
import type { Precision } from '../precision.ts';
import type { Args, Value } from '../protocol.ts';

const lift = (A: number[][]): Mat<Decimal> => A.map((r) => r.map(dec));
const frob = (A: Mat<Decimal>): Decimal => sumD(A.flat().map((x) => x.times(x))).sqrt();

/** The first problem with a matrix argument (square: also squareness), or null. */
function matrixProblem(A: unknown, name: string, square: boolean): string | null {
  if (!Array.isArray(A) || A.length === 0 || !Array.isArray(A[0]) || A[0].length === 0) return `${name} is empty`;
  const c = (A[0] as number[]).length;
  if ((A as number[][]).some((r) => !Array.isArray(r) || r.length !== c)) return `${name} is ragged`;
  if ((A as number[][]).some((r) => r.some((x) => !Number.isFinite(x)))) return `${name} has a NaN or infinite entry`;
  if (square && A.length !== c) return `${name} is ${A.length}×${c}, not square`;
  return null;
}

/** SPD-ness decided in the reference: symmetric, and a Cholesky factorisation at 60 digits exists. */
function spdProblem(A: number[][], name: string): string | null {
  const bad = matrixProblem(A, name, true);
  if (bad) return bad;
  if (A.some((r, i) => r.some((x, j) => x !== A[j][i]))) return `${name} is not symmetric`;
  return choleskyExists(lift(A)) ? null : `${name} is not positive definite`;
}

function choleskyExists(A: Mat<Decimal>): boolean {
  try {
    cholesky(R, A);
    return true;
  } catch (e) {
    if (e instanceof LinalgError) return false;
    throw e;
  }
}

/**
 * The relative backward error γ·‖A‖_F a careful factorisation (Cholesky, or LU with partial
 * pivoting on these small matrices) may commit in the format P: γ = 20·n^2.5·u (Higham: Cholesky
 * succeeds when 20·n^1.5·κ(H)·u < 1, and κ(H) ≤ n·κ(A)). Below it, a matrix is nearly singular:
 * a signal (error, NaN, ±∞) is accepted, and a finite answer is still judged.
 */
const backward = (P: Precision, n: number): number => 20 * n ** 2.5 * P.u;

/**
 * A symmetric matrix that is not SPD, classified: exactly singular and positive semidefinite (the
 * contract at singular input applies), nearly SPD (SPD after a shift of γ‖A‖_F: not decidable in
 * the format, any answer is accepted), or invalid.
 */
function notSpd(A: number[][], P: Precision): 'singular-psd' | 'nearly-spd' | 'invalid' {
  if (exactlySingular(A) && exactlyPsd(A)) return 'singular-psd';
  const shift = frob(lift(A)).times(backward(P, A.length));
  return choleskyExists(lift(A).map((r, i) => r.map((x, j) => (i === j ? x.plus(shift) : x)))) ? 'nearly-spd' : 'invalid';
}

const kappaSpd = (A: number[][]): number => frob(lift(A)).times(frob(inverseSpd(R, lift(A)))).toNumber();

/**
 * Gauss–Jordan inverse with partial pivoting in the reference; null when A is singular: a pivot
 * below 10^-40 of the largest entry (at 60 digits an exactly singular matrix leaves ~10^-58).
 */
function inverseD(A: Mat<Decimal>): Mat<Decimal> | null {
  const n = A.length;
  const scale = A.flat().reduce((m, x) => (x.abs().greaterThan(m) ? x.abs() : m), dec(0));
  const tiny = scale.times('1e-40');
  const M = A.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => dec(i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (M[r][c].abs().greaterThan(M[p][c].abs())) p = r;
    if (M[p][c].abs().lessThanOrEqualTo(tiny)) return null;
    [M[c], M[p]] = [M[p], M[c]];
    const piv = M[c][c];
    M[c] = M[c].map((x) => x.div(piv));
    for (let r = 0; r < n; r++) if (r !== c && !M[r][c].isZero()) {
      const f = M[r][c];
      M[r] = M[r].map((x, j) => x.minus(f.times(M[c][j])));
    }
  }
  return M.map((r) => r.slice(n));
}

/** SPD matrices: B·Bᵀ + εI (κ to ~1e13), optionally scaled by 10^e so det over- or underflows. */
const spd = (n: number) =>
  fc.tuple(fc.oneof(spdOf(n), illConditionedSpdOf(n)), fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -200, max: 200 }) })).map(([s, e]) => ({
    label: e === 0 ? `ridge:${s.ridge}` : 'scaled',
    a: s.matrix.map((r) => r.map((x) => x * 10 ** e)),
  }));
const dim = fc.integer({ min: 1, max: 6 });

/**
 * Exactly singular and rank-deficient small integer matrices (the products are exact in doubles):
 * B·C with B m×r, C r×n, r < min(m, n), entries in −3…3; square, wide and tall; and the classics
 * a user tries first ([[1, 2], [2, 4]], the zero matrix, [[1, 2, 3], [4, 5, 6], [7, 8, 9]]).
 */
const intMatrix = (r: number, c: number) => fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
const times = (B: number[][], C: number[][], m: number, n: number): number[][] => Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => B[i].reduce((s, x, k) => s + x * C[k][j], 0) + 0));
const rankDeficientInt = (m: number, n: number): fc.Arbitrary<number[][]> =>
  fc.integer({ min: 0, max: Math.min(m, n) - 1 }).chain((r) => fc.tuple(intMatrix(m, r), intMatrix(r, n)).map(([B, C]) => times(B, C, m, n)));
const CLASSIC_SINGULAR: number[][][] = [[[1, 2], [2, 4]], [[0, 0], [0, 0]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 1], [1, 1]], [[4, 2, 2], [2, 1, 1], [2, 1, 1]]];
const singularSquare = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2, max: 6 }).chain((n) => rankDeficientInt(n, n)) }, { weight: 1, arbitrary: fc.constantFrom(...CLASSIC_SINGULAR) });
const rankDeficientAny = fc.oneof({ weight: 4, arbitrary: fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 })).chain(([m, n]) => rankDeficientInt(m, n)) }, { weight: 1, arbitrary: fc.constantFrom(...CLASSIC_SINGULAR) });
/** General (square, wide, tall) matrices scaled by 10^±(250…300): norms and rotations over- or underflow. */
const scaledGeneral = fc.tuple(dim, dim, fc.integer({ min: 250, max: 300 }), fc.boolean()).chain(([m, n, e, up]) => matrixOf(m, n).map((A) => A.map((r) => r.map((x) => x * 10 ** (up ? e : -e)))));

/** Exactly singular positive semidefinite integer matrices B·Bᵀ, B n×r with r < n. */
const gram = (B: number[][]): number[][] => B.map((bi) => B.map((bj) => bi.reduce((s, x, k) => s + x * bj[k], 0) + 0));
const psdSingular = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 2, max: 6 }).chain((n) => fc.integer({ min: 0, max: n - 1 }).chain((r) => intMatrix(n, r).map(gram))) },
  { weight: 1, arbitrary: fc.constantFrom<number[][]>([[1, 2], [2, 4]], [[0, 0], [0, 0]], [[1, 1], [1, 1]], [[4, 2, 2], [2, 1, 1], [2, 1, 1]]) },
);

function logdetExpected(a: Args, P: Precision): Expected {
  const A = mat(a, 'a');
  const bad = matrixProblem(A, 'a', true) ?? (A.some((r, i) => r.some((x, j) => x !== A[j][i])) ? 'a is not symmetric' : null);
  if (bad) return invalid(bad);
  const n = A.length;
  if (!choleskyExists(lift(A))) {
    const kind = notSpd(A, P);
    if (kind === 'invalid') return invalid('a is not positive definite');
    if (kind === 'nearly-spd') return { kind: 'invalid', why: 'a is indefinite, but within rounding of an SPD matrix', anyAnswer: true };
    // det(A + E) ≤ (‖A‖(1 + γ))^{n−1}·γ‖A‖ for ‖E‖ ≤ γ‖A‖, since λ_min(A) = 0
    const g = backward(P, n), norm = frob(lift(A)).toNumber();
    const bound = (n - 1) * Math.log(norm * (1 + g)) + Math.log(g * norm);
    return {
      kind: 'singular', shape: 'scalar', dims: [], signal: { why: 'a is exactly singular (positive semidefinite)', infinity: -1 },
      finite: (got) => ((got as number) <= bound ? judgement('agree', `singular: log det ${got} ≤ ${bound.toPrecision(4)}, the largest a backward-stable factorisation can give`) : judgement('singular-unsignalled', `a is exactly singular, but log det = ${got} > ${bound.toPrecision(4)}: no factorisation within γ‖A‖_F of it gives that (a silent finite answer)`)),
    };
  }
  const L = lift(A);
  const inv = inverseSpd(R, L);
  const value = logdetSpd(R, L);
  // δ log det = tr(A⁻¹·δA): with |δA| ≤ u|A| entrywise, |δ| ≤ u·Σ|A⁻¹|∘|A|
  const cond = inv.reduce((s, r, i) => s + r.reduce((t, x, j) => t + Math.abs(x.toNumber() * A[i][j]), 0), 0) + Math.abs(value.toNumber());
  const e = scalar(P, value, n, cond);
  return nearlySingular(P, n, kappaSpd(A)) && e.kind === 'values' ? { ...e, signalOk: { why: 'a is nearly singular in this format', infinity: -1 } } : e;
}

const nearlySingular = (P: Precision, n: number, kappa: number): boolean => backward(P, n) * kappa >= 1;

function inverseExpected(a: Args, P: Precision): Expected {
  const A = mat(a, 'a');
  const bad = matrixProblem(A, 'a', true);
  if (bad) return invalid(bad);
  const n = A.length;
  if (exactlySingular(A)) return singularInverse(A, P);
  const X = inverseD(lift(A));
  // nonsingular, but a pivot below 1e-40 of the largest entry at 60 digits: nothing is judged
  if (X === null) return { kind: 'invalid', why: 'a is singular to 40 digits', anyAnswer: true };
  const kappa = frob(lift(A)).times(frob(X)).toNumber();
  const size = frob(X).toNumber();
  if (!Number.isFinite(size)) return invalid('a⁻¹ overflows the doubles');
  const e: Expected = { kind: 'values', shape: 'matrix', dims: [n, n], values: X.flat(), tol: [tolerance(P, n, kappa * size)], norm: 'frobenius', cond: kappa };
  return nearlySingular(P, n, kappa) ? { ...e, signalOk: { why: 'a is nearly singular in this format', infinity: 'any' } } : e;
}

/**
 * The contract at exactly singular A: an error, a NaN or ±∞ entry, or a finite X that an LU with
 * partial pivoting within its backward error can produce: min(‖AX − I‖_F, ‖XA − I‖_F) ≤
 * γ·2^{n−1}·‖A‖_F·‖X‖_F (growth factor 2^{n−1}). AX is singular, so ‖AX − I‖_F ≥ 1: the test
 * forces ‖X‖_F ≥ 1/(γ·2^{n−1}·‖A‖_F), the huge entries a tiny pivot gives, and a silent finite
 * garbage inverse fails it.
 */
function singularInverse(A: number[][], P: Precision): Expected {
  const n = A.length, LA = lift(A), normA = frob(LA);
  const g = backward(P, n) * 2 ** (n - 1);
  const I = (i: number, j: number) => (i === j ? 1 : 0);
  return {
    kind: 'singular', shape: 'matrix', dims: [n, n], signal: { why: 'a is exactly singular', infinity: 'any' },
    finite: (got) => {
      const X = lift(got as number[][]);
      const res = (L: Mat<Decimal>, Rm: Mat<Decimal>) => frob(L.map((r, i) => Rm[0].map((_, j) => sumD(r.map((x, k) => x.times(Rm[k][j]))).minus(I(i, j)))));
      const residual = Decimal.min(res(LA, X), res(X, LA));
      const limit = normA.times(frob(X)).times(g);
      return residual.lessThanOrEqualTo(limit)
        ? judgement('agree', `singular: residual ${residual.toPrecision(3)} ≤ ${limit.toPrecision(3)}, what an LU with a rounded zero pivot gives`)
        : judgement('singular-unsignalled', `a is exactly singular, but the answer is finite with residual min(‖AX − I‖, ‖XA − I‖) = ${residual.toPrecision(3)} > γ‖A‖‖X‖ = ${limit.toPrecision(3)} (‖X‖_F = ${frob(X).toPrecision(3)}): a silent finite garbage inverse`);
    },
  };
}

function singularValuesExpected(a: Args, P: Precision): Expected {
  const A = mat(a, 'a');
  const bad = matrixProblem(A, 'a', false);
  if (bad) return invalid(bad);
  const s = jacobiSvd(lift(A), 60).values;
  const n = Math.max(A.length, A[0].length);
  // Weyl: a backward-stable SVD moves every σ_i by at most about n·u·‖A‖
  const norm = frob(lift(A)).toNumber();
  return { kind: 'values', shape: 'vector', dims: [s.length], values: s, tol: s.map(() => tolerance(P, n, norm)), cond: norm === 0 ? 0 : norm / Math.max(s[s.length - 1].toNumber(), Number.MIN_VALUE) };
}

function rankKExpected(a: Args, P: Precision): Expected {
  const A = mat(a, 'a'), k = num(a, 'k');
  const bad = matrixProblem(A, 'a', false) ?? (Number.isInteger(k) && k >= 0 ? null : `k = ${k} is not a nonnegative integer`);
  if (bad) return invalid(bad);
  const m = A.length, n = A[0].length;
  const LA = lift(A);
  const s = jacobiSvd(LA, 60).values;
  const optimum = sumD(s.slice(k).map((x) => x.times(x))).sqrt();
  const tol = tolerance(P, Math.max(m, n), frob(LA).toNumber());
  return {
    kind: 'custom',
    shape: 'matrix',
    cond: frob(LA).toNumber(),
    judge: (got: Value) => {
      const B = got as number[][];
      if (!Array.isArray(B) || B.length !== m || B.some((r) => !Array.isArray(r) || r.length !== n)) return judgement('shape', `expected a ${m}×${n} matrix`);
      if (B.some((r) => r.some((x) => !Number.isFinite(x)))) return judgement('special', 'a non-finite entry in the approximation');
      const LB = lift(B);
      const excess = frob(LA.map((r, i) => r.map((x, j) => x.minus(LB[i][j])))).minus(optimum).toNumber();
      const extra = k < Math.min(m, n) ? jacobiSvd(LB, 40).values[k].toNumber() : 0;
      const err = Math.max(excess, extra);
      const stats = { absError: err, relError: null, ulps: null, tol };
      if (excess > tol) return judgement('inaccurate', `‖A − B‖_F exceeds the optimum √(Σ_{i>k} σ_i²) = ${optimum.toPrecision(6)} by ${excess.toPrecision(3)} > tolerance ${tol.toPrecision(3)}`, stats);
      if (extra > tol) return judgement('inaccurate', `B has rank > k: σ_${k + 1}(B) = ${extra.toPrecision(3)} > tolerance ${tol.toPrecision(3)}`, stats);
      return judgement('agree', 'optimal within tolerance, rank ≤ k', stats);
    },
  };
}

function klGaussianExpected(a: Args, P: Precision): Expected {
  const mu1 = vec(a, 'mu1'), mu2 = vec(a, 'mu2'), S1 = mat(a, 'cov1'), S2 = mat(a, 'cov2');
  const bad = matrixProblem(S1, 'cov1', true) ?? matrixProblem(S2, 'cov2', true) ?? (S1.length !== S2.length || mu1.length !== S1.length || mu2.length !== S1.length ? 'dimensions do not match' : null)
    ?? ([...mu1, ...mu2].some((x) => !Number.isFinite(x)) ? 'a mean has a NaN or infinite entry' : null)
    ?? ([S1, S2].some((S) => S.some((r, i) => r.some((x, j) => x !== S[j][i]))) ? 'a covariance is not symmetric' : null);
  if (bad) return invalid(bad);
  const k = S1.length;
  const kinds = [S1, S2].map((S) => (choleskyExists(lift(S)) ? 'spd' : notSpd(S, P)));
  if (kinds.includes('invalid')) return invalid(`${kinds[0] === 'invalid' ? 'cov1' : 'cov2'} is not positive definite`);
  if (kinds.includes('nearly-spd')) return { kind: 'invalid', why: 'a covariance is indefinite, but within rounding of an SPD matrix', anyAnswer: true };
  if (kinds.includes('singular-psd')) return singularKl(S1, S2, kinds, P);
  const col = (v: number[]) => v.map((x) => [dec(x)]);
  const value = gaussianKlVec(R, col(mu1), lift(S1), col(mu2), lift(S2));
  const size = (x: Decimal) => Math.abs(x.toNumber());
  const terms = size(logdetSpd(R, lift(S1))) + size(logdetSpd(R, lift(S2))) + 2 * size(value) + k;
  const [k1, k2] = [kappaSpd(S1), kappaSpd(S2)];
  const e = scalar(P, value, k * k, (k1 + k2) * terms);
  return nearlySingular(P, k, Math.max(k1, k2)) && e.kind === 'values' ? { ...e, signalOk: { why: 'a covariance is nearly singular in this format', infinity: 1 } } : e;
}

/**
 * KL with an exactly singular (PSD) covariance is +∞. A finite answer passes only if it is at least
 * the smallest KL of the covariances within γ‖Σ‖_F: KL ≥ ½·f(λ) for every eigenvalue λ of Σ2⁻¹Σ1,
 * f(t) = t − 1 − ln t, with λ_min ≤ γ‖Σ1‖/(λ_min(Σ2) − γ‖Σ2‖) when Σ1 is singular and
 * λ_max ≥ (λ_min(Σ1) − γ‖Σ1‖)/(γ‖Σ2‖) when Σ2 is (λ_min(S) ≥ 1/‖S⁻¹‖_F).
 */
function singularKl(S1: number[][], S2: number[][], kinds: string[], P: Precision): Expected {
  const g = backward(P, S1.length);
  const norm = (S: number[][]) => frob(lift(S)).toNumber();
  const lmin = (S: number[][]) => 1 / frob(inverseSpd(R, lift(S))).toNumber();
  const f = (t: number) => t - 1 - Math.log(t);
  let bound = 0;
  if (kinds[0] === 'singular-psd' && kinds[1] === 'spd') {
    const r = (g * norm(S1)) / (lmin(S2) - g * norm(S2));
    if (r > 0 && r < 1) bound = f(r) / 2;
  } else if (kinds[1] === 'singular-psd' && kinds[0] === 'spd') {
    const r = (lmin(S1) - g * norm(S1)) / (g * norm(S2));
    if (r > 1) bound = f(r) / 2;
  }
  const why = `${kinds[0] === 'singular-psd' ? 'cov1' : 'cov2'} is exactly singular (positive semidefinite): KL = +∞`;
  return {
    kind: 'singular', shape: 'scalar', dims: [], signal: { why, infinity: 1 },
    finite: (got) => ((got as number) >= bound * (1 - 1e-6) ? judgement('agree', `singular: KL ${got} ≥ ${bound.toPrecision(4)}, what covariances within γ‖Σ‖_F give`) : judgement('singular-unsignalled', `${why}, but the answer is finite, ${got} < ${bound.toPrecision(4)}, the least KL of any covariances within γ‖Σ‖_F (a silent finite answer)`)),
  };
}

export const logdet: FnSpec = {
  name: 'logdet',
  shape: 'scalar',
  policy: '4(n+2)·u·(Σ_ij |A⁻¹_ij·A_ij| + |log det A|): the first-order effect of perturbing every entry by u relative (δ log det = tr(A⁻¹δA)), which a Cholesky-based implementation meets; never via det itself, which over- and underflows',
  specials: 'invalid (error or NaN expected): not symmetric, not positive definite (decided by a 60-digit Cholesky), NaN or infinite entries',
  cases: fc.oneof(
    { weight: 10, arbitrary: dim.chain(spd).map(({ label, a }) => ({ label, args: { a } })) },
    { weight: 1, arbitrary: tagged('invalid:indefinite', dim.filter((n) => n >= 2).map((n) => ({ a: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? (i < 2 ? -1 : 1) : 0))) }))) },
    { weight: 1, arbitrary: tagged('invalid:nan', dim.chain(spd).map(({ a }) => withNaN({ a }, 'a'))) },
    { weight: 3, arbitrary: tagged('singular:psd-integer', psdSingular.map((a) => ({ a }))) },
  ),
  expected: logdetExpected,
};

export const inverse: FnSpec = {
  name: 'inverse',
  shape: 'matrix',
  policy: 'normwise: ‖X − A⁻¹‖_F ≤ 4(n+2)·u·κ_F(A)·‖A⁻¹‖_F with κ_F = ‖A‖_F‖A⁻¹‖_F (LU with partial pivoting); ill-conditioning is never blamed on the implementation',
  specials: 'a singular matrix (decided in the reference) has no defined inverse and any answer is accepted: rounding can hide singularity from a double LU; invalid (error or NaN expected): non-square, NaN or infinite entries',
  cases: fc.oneof(
    { weight: 5, arbitrary: dim.chain((n) => matrixOf(n, n)).map((a) => ({ label: 'general', args: { a } })) },
    { weight: 5, arbitrary: dim.chain(spd).map(({ label, a }) => ({ label, args: { a } })) },
    { weight: 1, arbitrary: tagged('singular', dim.filter((n) => n >= 2).chain((n) => matrixOf(n - 1, n)).map((B) => ({ a: [...B, B[0]] }))) },
    { weight: 3, arbitrary: tagged('singular:integer', singularSquare.map((a) => ({ a }))) },
  ),
  expected: inverseExpected,
};

export const singularValues: FnSpec = {
  name: 'singular_values',
  shape: 'vector',
  policy: 'every σ_i within 4(max(m,n)+2)·u·‖A‖_F (Weyl: what a backward-stable SVD guarantees); small σ_i are not required to carry relative accuracy',
  specials: 'descending order, min(m, n) values; invalid: NaN or infinite entries, empty or ragged',
  cases: fc.oneof(
    { weight: 6, arbitrary: fc.tuple(dim, dim).chain(([m, n]) => matrixOf(m, n)).map((a) => ({ label: 'general', args: { a } })) },
    { weight: 3, arbitrary: dim.chain(spd).map(({ label, a }) => ({ label, args: { a } })) },
    { weight: 1, arbitrary: tagged('rank-deficient', fc.tuple(fc.integer({ min: 2, max: 6 }), dim).chain(([m, n]) => matrixOf(m - 1, n)).map((B) => ({ a: [...B, B[0].map((x, j) => x + B[B.length - 1][j])] }))) },
    { weight: 3, arbitrary: rankDeficientAny.map((a) => ({ label: `rank-deficient:integer-${a.length === a[0].length ? 'square' : a.length < a[0].length ? 'wide' : 'tall'}`, args: { a } })) },
    { weight: 1, arbitrary: tagged('scaled-general', scaledGeneral.map((a) => ({ a }))) },
  ),
  expected: singularValuesExpected,
};

export const rankKApprox: FnSpec = {
  name: 'rank_k_approx',
  shape: 'matrix',
  policy: 'any best approximation passes: ‖A − B‖_F ≤ √(Σ_{i>k} σ_i²) + tol and σ_{k+1}(B) ≤ tol, tol = 4(max(m,n)+2)·u·‖A‖_F (Eckart–Young; B is not unique when σ_k = σ_{k+1})',
  specials: 'k ≥ rank gives A itself; invalid: k negative or not an integer, NaN or infinite entries',
  cases: fc.oneof(
    { weight: 10, arbitrary: fc.tuple(dim, dim).chain(([m, n]) => fc.record({ a: matrixOf(m, n), k: fc.integer({ min: 0, max: Math.min(m, n) + 1 }) })).map((args) => ({ label: args.k === 0 ? 'k:0' : args.k >= Math.min(args.a.length, args.a[0].length) ? 'k:full' : 'k:partial', args })) },
    { weight: 1, arbitrary: tagged('invalid:k', fc.tuple(dim, fc.constantFrom(-1, 1.5)).chain(([n, k]) => matrixOf(n, n).map((a) => ({ a, k })))) },
    { weight: 3, arbitrary: rankDeficientAny.chain((a) => fc.integer({ min: 0, max: Math.min(a.length, a[0].length) }).map((k) => ({ label: 'rank-deficient:integer', args: { a, k } }))) },
    { weight: 1, arbitrary: scaledGeneral.chain((a) => fc.integer({ min: 0, max: Math.min(a.length, a[0].length) }).map((k) => ({ label: 'scaled-general', args: { a, k } }))) },
  ),
  expected: rankKExpected,
};

export const klGaussian: FnSpec = {
  name: 'kl_gaussian',
  shape: 'scalar',
  policy: '4(k²+2)·u·(κ_F(Σ1) + κ_F(Σ2))·(|log det Σ1| + |log det Σ2| + 2·KL + k): a Cholesky-based evaluation; the log-determinants must not go through det (over/underflow)',
  specials: 'invalid: a covariance not symmetric positive definite, dimensions that do not match, NaN or infinite entries',
  cases: fc.oneof(
    {
      weight: 10,
      arbitrary: fc.integer({ min: 1, max: 5 }).chain((k) =>
        fc.record({ s1: spd(k), s2: spd(k), mu1: fc.array(gridReal(-5, 5, 2), { minLength: k, maxLength: k }), mu2: fc.array(gridReal(-5, 5, 2), { minLength: k, maxLength: k }), same: fc.boolean() }).map(({ s1, s2, mu1, mu2, same }) => ({
          label: same ? 'same-covariance' : s1.label === 'scaled' || s2.label === 'scaled' ? 'scaled' : 'general',
          args: { mu1, cov1: s1.a, mu2, cov2: same ? s1.a : s2.a },
        })),
      ),
    },
    { weight: 1, arbitrary: tagged('invalid:indefinite', fc.constant({ mu1: [0, 0], cov1: [[1, 0], [0, -1]], mu2: [0, 0], cov2: [[1, 0], [0, 1]] })) },
    {
      weight: 3,
      // one covariance exactly singular (PSD integer), the other SPD of the same size
      arbitrary: psdSingular.chain((S) => fc.tuple(spdOf(S.length), fc.boolean()).map(([o, first]) => ({
        label: `singular:${first ? 'cov1' : 'cov2'}`,
        args: { mu1: S.map(() => 0), cov1: first ? S : o.matrix, mu2: S.map(() => 0), cov2: first ? o.matrix : S },
      }))),
    },
  ),
  expected: klGaussianExpected,
};
