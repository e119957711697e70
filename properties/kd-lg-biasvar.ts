import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { lgDataArb, type LgData } from '../src/gen/linear-gaussian.ts';
import { gibbsClosedForm } from '../src/linalg/gibbs.ts';
import { matrixNormalKl } from '../src/linalg/gaussian.ts';
import { logdetSpd } from '../src/linalg/cholesky.ts';
import { add, frobenius2, identity, lift, matmul, scale, sub, trace, transpose, type Mat } from '../src/linalg/matrix.ts';

/**
 * KD-LG-BIASVAR (reconstructed): given X and D_n, the pseudo-labels are exactly Gaussian,
 * Ŷ | X, D_n ~ MN(W̄_T X, I_k, ν²I_n + XᵀΣ_T X), so the dataset-shift KL against the true channel
 * MN(W*X, I_k, ν²I_n) is computable. Convexity bounds it by Bias + Var with
 * Bias = ‖(W̄_T − W*)X‖²_F/(2ν²), Var = k·tr(XᵀΣ_T X)/(2ν²); the catalogue flags the overshoot as
 * exactly (k/2)·log det(I_n + A), A = XᵀΣ_T X/ν². Both are checked per dataset (stronger than on
 * average over D_n).
 */
type BvInstance = LgData;
const bvArb = lgDataArb;

/** Every term of the dataset-shift analysis for one dataset, in F. */
function terms<T>(F: Field<T>, inst: BvInstance) {
  const X = lift(F, inst.X), Y = lift(F, inst.Y), Ws = lift(F, inst.Wstar);
  const k = inst.Y.length, n = inst.X[0].length;
  const nu2 = F.square(F.fromNumber(inst.nu));
  const { mean, sigma } = gibbsClosedForm(F, X, Y, inst);
  const XtSX: Mat<T> = matmul(F, matmul(F, transpose(X), sigma), X);
  const A = scale(F, F.div(F.fromNumber(1), nu2), XtSX);
  const bias = F.div(frobenius2(F, matmul(F, sub(F, mean, Ws), X)), F.mul(F.fromNumber(2), nu2));
  const variance = F.div(F.mul(F.fromNumber(k), trace(F, XtSX)), F.mul(F.fromNumber(2), nu2));
  const noise = scale(F, nu2, identity(F, n));
  const exact = matrixNormalKl(F, matmul(F, mean, X), add(F, noise, XtSX), matmul(F, Ws, X), noise);
  const logdetIA = logdetSpd(F, add(F, identity(F, n), A));
  return { k, bias, variance, exact, logdetIA, traceA: trace(F, A) };
}

type Terms<T> = ReturnType<typeof terms<T>>;
/** Sides built from the dataset-shift terms of the instance. */
const fromTerms = (f: <T>(F: Field<T>, t: Terms<T>) => { lhs: T; rhs: T }) => <T>(F: Field<T>, inst: BvInstance) => f(F, terms(F, inst));
const overshoot = <T>(F: Field<T>, t: Terms<T>) => F.sub(F.add(t.bias, t.variance), t.exact);
const halfK = <T>(F: Field<T>, t: Terms<T>) => F.div(F.fromNumber(t.k), F.fromNumber(2));

const classify = (i: BvInstance) => [`k:${i.Y.length}`, `d:${i.X.length}`, `n:${i.X[0].length}`, `lambda:${i.lambda}`, `nu:${i.nu}`];
const establish = (inst: BvInstance) => ({ hypotheses: [{ name: 'λ, β_T, ν > 0 (Gaussian posterior and channel)', established: inst.lambda > 0 && inst.betaT > 0 && inst.nu > 0 }], derived: undefined });

export const lgBiasVarBound = defineProperty<BvInstance>({
  id: 'KD-LG-BIASVAR/bound',
  claim: 'KD-LG-BIASVAR',
  title: 'exact KL(P_{Ŷ|X,D} ‖ P_{Y|X}) ≤ Bias + Var (convexity of KL), per dataset',
  relation: 'le',
  arbitrary: bvArb,
  establish,
  sides: fromTerms((F, t) => ({ lhs: t.exact, rhs: F.add(t.bias, t.variance) })),
  // X = 0: every prediction is 0, the two channels coincide and both sides are 0
  degenerate: (inst) => (inst.X.every((r) => r.every((x) => x === 0)) ? 'X = 0: both channels are N(0, ν²I), both sides 0' : null),
  classify,
  controls: [
    {
      id: 'KD-LG-BIASVAR/bound~dropped-var',
      description: 'the variance term dropped: KL ≤ Bias',
      sides: fromTerms((_F, t) => ({ lhs: t.exact, rhs: t.bias })),
    },
    {
      id: 'KD-LG-BIASVAR/bound~var-without-k',
      description: 'Var without its factor k',
      sides: fromTerms((F, t) => ({ lhs: t.exact, rhs: F.add(t.bias, F.div(t.variance, F.fromNumber(t.k))) })),
    },
  ],
});

export const lgOvershoot = defineProperty<BvInstance>({
  id: 'KD-LG-BIASVAR/overshoot-identity',
  claim: 'KD-LG-BIASVAR',
  title: 'the flagged identity: (Bias + Var) − exact KL = (k/2)·log det(I_n + XᵀΣ_T X/ν²)',
  relation: 'eq',
  arbitrary: bvArb,
  establish,
  sides: fromTerms((F, t) => ({ lhs: overshoot(F, t), rhs: F.mul(halfK(F, t), t.logdetIA) })),
  classify,
  controls: [
    {
      id: 'KD-LG-BIASVAR/overshoot-identity~without-k',
      description: 'overshoot = ½·log det(I + A) (the factor k dropped)',
      sides: fromTerms((F, t) => ({ lhs: overshoot(F, t), rhs: F.div(t.logdetIA, F.fromNumber(2)) })),
    },
    {
      id: 'KD-LG-BIASVAR/overshoot-identity~trace-for-logdet',
      description: 'overshoot = (k/2)·tr A (trace in place of log-determinant)',
      sides: fromTerms((F, t) => ({ lhs: overshoot(F, t), rhs: F.mul(halfK(F, t), t.traceA) })),
    },
  ],
});

export const properties = [lgBiasVarBound, lgOvershoot];
