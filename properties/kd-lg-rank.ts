import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { matrixOf, spdOf, type SpdSpec } from '../src/gen/matrices.ts';
import { certifiedSpd } from '../src/linalg/certified-spd.ts';
import { decimalField } from '../src/numerics/decimal-field.ts';
import { choleskySolve, cholesky, inverseSpd } from '../src/linalg/cholesky.ts';
import { jacobiEigen } from '../src/linalg/jacobi.ts';
import { add, lift, matmul, scale, sub, trace, transpose, type Mat } from '../src/linalg/matrix.ts';
import { jacobiSvd } from '../src/linalg/svd.ts';
import { spdPower } from '../src/linalg/spd-power.ts';
import type { Decimal } from 'decimal.js';

/**
 * KD-LG-RANK (reconstructed, Eckart–Young in the Σ⁻¹ metric): over rank-κ M, the objective
 * tr((M − W̄)Σ⁻¹(M − W̄)ᵀ) is minimised by M* = P·W̄, P the orthogonal projector onto the top-κ
 * eigenvectors of G = W̄Σ⁻¹W̄ᵀ (= [W̄Σ^{−1/2}]_κ Σ^{1/2}), with value Σ_{i>κ} s_i²(W̄Σ^{−1/2}).
 *
 * Certified form: the eigenvectors Q come from Jacobi at 60 digits and are then *exact data*; the
 * candidate P_Q·W̄ with P_Q = Q(QᵀQ)⁻¹Qᵀ is a feasible rank-κ matrix whose objective is enclosed.
 * It must not be beaten by any rank-κ competitor: random ones and perturbations of the optimum.
 */
export interface RankInstance {
  Wbar: number[][];
  Sigma: SpdSpec;
  kappa: number;
  /** competitor M = Q_κ·(C + ε·E) near the optimum, or U·V at random */
  competitor: { kind: 'near'; eps: number; E: number[][] } | { kind: 'random'; U: number[][]; V: number[][] };
}

export const rankArb: fc.Arbitrary<RankInstance> = fc
  .record({ k: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 3 }) })
  .chain(({ k, d }) =>
    fc.integer({ min: 1, max: Math.min(k, d) }).chain((kappa) =>
      fc.record({
        Wbar: matrixOf(k, d),
        Sigma: spdOf(d),
        kappa: fc.constant(kappa),
        competitor: fc.oneof(
          fc.record({ kind: fc.constant('near' as const), eps: fc.constantFrom(1e-3, 1e-6, 0.1), E: matrixOf(kappa, d) }),
          fc.record({ kind: fc.constant('random' as const), U: matrixOf(k, kappa), V: matrixOf(kappa, d) }),
        ),
      }),
    ),
  );

/** Top-r eigenvectors of W̄Σ⁻¹W̄ᵀ (or of W̄W̄ᵀ when `ignoreSigma`), as exact decimal strings. */
export function topEigenvectors(inst: RankInstance, r: number, ignoreSigma = false): string[][] {
  const D = decimalField(60);
  const W = lift(D, inst.Wbar);
  const G = ignoreSigma ? matmul(D, W, transpose(W)) : matmul(D, W, choleskySolve(D, cholesky(D, lift(D, inst.Sigma.matrix)), transpose(W)));
  const sym = G.map((row, i) => row.map((x, j) => (j < i ? G[j][i] : x)));
  const { vectors } = jacobiEigen(sym, 60);
  return vectors.map((row) => row.slice(0, r).map((x) => x.toString()));
}

export function objective<T>(F: Field<T>, M: Mat<T>, W: Mat<T>, SigmaInv: Mat<T>): T {
  const D = sub(F, M, W);
  return trace(F, matmul(F, matmul(F, D, SigmaInv), transpose(D)));
}

/** P_Q·W̄ with P_Q = Q(QᵀQ)⁻¹Qᵀ; also the coefficients C = (QᵀQ)⁻¹QᵀW̄ (so P_Q·W̄ = Q·C). */
export function projected<T>(F: Field<T>, Qs: string[][], W: Mat<T>): { M: Mat<T>; Q: Mat<T>; C: Mat<T> } {
  if (Qs.length === 0 || Qs[0].length === 0) return { M: W.map((r) => r.map(() => F.fromNumber(0))), Q: [], C: [] };
  const Q = Qs.map((r) => r.map((x) => F.fromString(x)));
  const C = matmul(F, inverseSpd(F, matmul(F, transpose(Q), Q)), matmul(F, transpose(Q), W));
  return { M: matmul(F, Q, C), Q, C };
}

interface Derived {
  Q: string[][];
}

const sides = (candidate: (inst: RankInstance) => string[][]) =>
  <T>(F: Field<T>, inst: RankInstance, d: Derived) => {
    const W = lift(F, inst.Wbar);
    const SigmaInv = inverseSpd(F, lift(F, inst.Sigma.matrix));
    const cand = projected(F, candidate(inst), W);
    const opt = projected(F, d.Q, W);
    const comp =
      inst.competitor.kind === 'random'
        ? matmul(F, lift(F, inst.competitor.U), lift(F, inst.competitor.V))
        : matmul(F, opt.Q, add(F, opt.C, scale(F, F.fromNumber(inst.competitor.eps), lift(F, inst.competitor.E))));
    return { lhs: objective(F, cand.M, W, SigmaInv), rhs: objective(F, comp, W, SigmaInv) };
  };

export const lgRank = defineProperty<RankInstance, Derived>({
  id: 'KD-LG-RANK/eckart-young',
  claim: 'KD-LG-RANK',
  title: 'the Eckart–Young candidate P_κ·W̄ (top-κ eigenvectors of W̄Σ⁻¹W̄ᵀ) is not beaten by random or near-optimal rank-κ competitors',
  relation: 'le',
  arbitrary: rankArb,
  establish: (inst) => {
    const spd = certifiedSpd(inst.Sigma.matrix);
    return {
      hypotheses: [{ name: 'Σ symmetric positive definite (certified Cholesky)', established: spd }],
      derived: { Q: spd ? topEigenvectors(inst, inst.kappa) : [] },
    };
  },
  sides: sides((inst) => topEigenvectors(inst, inst.kappa)),
  // a perturbation by ε·0 is the candidate itself
  degenerate: (inst) => (inst.competitor.kind === 'near' && inst.competitor.E.every((r) => r.every((x) => x === 0)) ? 'the competitor is the candidate (E = 0)' : null),
  classify: (i) => [`competitor:${i.competitor.kind}`, `kappa:${i.kappa}`, `ridge:${i.Sigma.ridge}`],
  controls: [
    { id: 'KD-LG-RANK/eckart-young~kappa-minus-one', description: 'κ off by one: the candidate keeps κ − 1 eigenvectors', sides: sides((inst) => topEigenvectors(inst, inst.kappa - 1)) },
    { id: 'KD-LG-RANK/eckart-young~ignore-sigma', description: 'the Σ⁻¹ weighting ignored: eigenvectors of W̄W̄ᵀ', sides: sides((inst) => topEigenvectors(inst, inst.kappa, true)) },
  ],
});


/**
 * The value and the minimiser as the claim states them: Σ_{i>κ} s_i²(W̄Σ^{−1/2}) from the Decimal SVD,
 * and M* = [W̄Σ^{−1/2}]_κ Σ^{1/2} built from the SVD factors (exact data, so M* is exactly rank ≤ κ).
 * The objective of M* must equal the tail sum: a check of the minimiser formula and of the value.
 */
interface SvdDerived {
  /** singular values of W̄Σ^{−1/2} (and of W̄ alone, for a control), as decimal strings */
  s: string[];
  sPlain: string[];
  /** U_κ·diag(s_κ) (k × κ), V_κᵀ (κ × d), Σ^{1/2} (d × d) */
  US: string[][];
  Vt: string[][];
  sqrtSigma: string[][];
}

const SVD_DIGITS = 80;

function svdDerived(inst: RankInstance): SvdDerived {
  const D = decimalField(SVD_DIGITS);
  const str = (A: Mat<Decimal>) => A.map((r) => r.map((x) => x.toString()));
  const inv = spdPower(lift(D, inst.Sigma.matrix), -0.5, SVD_DIGITS);
  const { values, U, V } = jacobiSvd(matmul(D, lift(D, inst.Wbar), inv), SVD_DIGITS);
  const k = inst.kappa;
  return {
    s: values.map(String),
    sPlain: jacobiSvd(lift(D, inst.Wbar), SVD_DIGITS).values.map(String),
    US: str(U.map((r) => r.slice(0, k).map((x, j) => x.times(values[j])))),
    Vt: str(transpose(V.map((r) => r.slice(0, k)))),
    sqrtSigma: str(spdPower(lift(D, inst.Sigma.matrix), 0.5, SVD_DIGITS)),
  };
}

const fromStrings = <T>(F: Field<T>, A: string[][]): Mat<T> => A.map((r) => r.map((x) => F.fromString(x)));

const tailSides = (variant: 'exact' | 'kappa-minus-one' | 'singular-values' | 'ignore-sigma' | 'no-back-transform') =>
  <T>(F: Field<T>, inst: RankInstance, d: SvdDerived) => {
    const W = lift(F, inst.Wbar);
    const SigmaInv = inverseSpd(F, lift(F, inst.Sigma.matrix));
    const truncated = d.US.length && d.US[0].length ? matmul(F, fromStrings(F, d.US), fromStrings(F, d.Vt)) : W.map((r) => r.map(() => F.fromNumber(0)));
    const Mstar = variant === 'no-back-transform' ? truncated : matmul(F, truncated, fromStrings(F, d.sqrtSigma));
    const from = variant === 'kappa-minus-one' ? inst.kappa - 1 : inst.kappa;
    const s = (variant === 'ignore-sigma' ? d.sPlain : d.s).slice(from).map((x) => F.fromString(x));
    const tail = s.reduce((acc, x) => F.add(acc, variant === 'singular-values' ? x : F.square(x)), F.fromNumber(0));
    // The SVD factors are exact data but only SVD_DIGITS-accurate singular vectors: the identity
    // holds to that accuracy, not exactly, so what is certified is |objective − tail| ≤ 10^−(SVD_DIGITS−10)·max(1, tail).
    // A wrong formula (the controls) misses by O(1); an exact eq would turn SVD rounding into a violation.
    const gap = F.sub(objective(F, Mstar, W, SigmaInv), tail);
    const tol = F.mul(F.fromString(`1e-${SVD_DIGITS - 10}`), F.max(F.fromNumber(1), tail));
    return { lhs: F.max(gap, F.neg(gap)), rhs: tol };
  };

export const lgRankTail = defineProperty<RankInstance, SvdDerived>({
  id: 'KD-LG-RANK/tail-sum',
  claim: 'KD-LG-RANK',
  title: 'the claimed minimiser M* = [W̄Σ^{−1/2}]_κ Σ^{1/2} attains tr((M* − W̄)Σ⁻¹(M* − W̄)ᵀ) = Σ_{i>κ} s_i²(W̄Σ^{−1/2}) (Decimal SVD, to its accuracy)',
  relation: 'le',
  // an identity to the SVD's accuracy: no bound whose room could be measured
  bound: false,
  checks: '|tr((M* − W̄)Σ⁻¹(M* − W̄)ᵀ) − Σ_{i>κ} s_i²| ≤ 10^−70·max(1, Σ_{i>κ} s_i²), with M*, s_i from an 80-digit Jacobi SVD taken as exact data',
  arbitrary: rankArb,
  seedKey: 'KD-LG-RANK/eckart-young',
  establish: (inst) => {
    const spd = certifiedSpd(inst.Sigma.matrix);
    return { hypotheses: [{ name: 'Σ symmetric positive definite (certified Cholesky)', established: spd }], derived: spd ? svdDerived(inst) : (undefined as never) };
  },
  sides: tailSides('exact'),
  classify: (i) => [`kappa:${i.kappa}`, `ridge:${i.Sigma.ridge}`, i.kappa === Math.min(i.Wbar.length, i.Wbar[0].length) ? 'tail:empty' : 'tail:nonempty'],
  controls: [
    { id: 'KD-LG-RANK/tail-sum~kappa-minus-one', description: 'κ off by one: the tail starts at s_κ', sides: tailSides('kappa-minus-one') },
    { id: 'KD-LG-RANK/tail-sum~singular-values', description: 'σ for σ²: the tail sums singular values, not their squares', sides: tailSides('singular-values') },
    { id: 'KD-LG-RANK/tail-sum~ignore-sigma', description: 'the tail of W̄ itself (Σ^{−1/2} weighting dropped)', sides: tailSides('ignore-sigma') },
    { id: 'KD-LG-RANK/tail-sum~no-back-transform', description: 'the minimiser without the Σ^{1/2} back-transform: M* = [W̄Σ^{−1/2}]_κ', sides: tailSides('no-back-transform') },
  ],
});

export const properties = [lgRank, lgRankTail];
