import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { dec, invalid, mat, num, R, scalar, sumD, tolerance, vec } from './helpers.ts';
import { cholesky, inverseSpd, logdetSpd } from '../../linalg/cholesky.ts';
import { gaussianKlVec } from '../../linalg/gaussian.ts';
import { jacobiSvd } from '../../linalg/svd.ts';
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
  try {
    cholesky(R, lift(A));
    return null;
  } catch (e) {
    if (e instanceof LinalgError) return `${name} is not positive definite`;
    throw e;
  }
}

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

function logdetExpected(a: Args, P: Precision): Expected {
  const A = mat(a, 'a');
  const bad = spdProblem(A, 'a');
  if (bad) return invalid(bad);
  const L = lift(A);
  const inv = inverseSpd(R, L);
  const value = logdetSpd(R, L);
  // δ log det = tr(A⁻¹·δA): with |δA| ≤ u|A| entrywise, |δ| ≤ u·Σ|A⁻¹|∘|A|
  const cond = inv.reduce((s, r, i) => s + r.reduce((t, x, j) => t + Math.abs(x.toNumber() * A[i][j]), 0), 0) + Math.abs(value.toNumber());
  return scalar(P, value, A.length, cond);
}

function inverseExpected(a: Args, P: Precision): Expected {
  const A = mat(a, 'a');
  const bad = matrixProblem(A, 'a', true);
  if (bad) return invalid(bad);
  const X = inverseD(lift(A));
  // exactly singular: rounding makes a double LU see a tiny pivot instead of 0, so no answer is judged
  if (X === null) return { kind: 'invalid', why: 'a is singular', anyAnswer: true };
  const n = A.length;
  const kappa = frob(lift(A)).times(frob(X)).toNumber();
  const size = frob(X).toNumber();
  if (!Number.isFinite(size)) return invalid('a⁻¹ overflows the doubles');
  return { kind: 'values', shape: 'matrix', dims: [n, n], values: X.flat(), tol: [tolerance(P, n, kappa * size)], norm: 'frobenius', cond: kappa };
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
  const bad = spdProblem(S1, 'cov1') ?? spdProblem(S2, 'cov2');
  if (bad) return invalid(bad);
  const k = S1.length;
  if (S2.length !== k || mu1.length !== k || mu2.length !== k) return invalid('dimensions do not match');
  if ([...mu1, ...mu2].some((x) => !Number.isFinite(x))) return invalid('a mean has a NaN or infinite entry');
  const col = (v: number[]) => v.map((x) => [dec(x)]);
  const value = gaussianKlVec(R, col(mu1), lift(S1), col(mu2), lift(S2));
  const kappa = (S: number[][]) => frob(lift(S)).times(frob(inverseSpd(R, lift(S)))).toNumber();
  const size = (x: Decimal) => Math.abs(x.toNumber());
  const terms = size(logdetSpd(R, lift(S1))) + size(logdetSpd(R, lift(S2))) + 2 * size(value) + k;
  return scalar(P, value, k * k, (kappa(S1) + kappa(S2)) * terms);
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
  ),
  expected: klGaussianExpected,
};
