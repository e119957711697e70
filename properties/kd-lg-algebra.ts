import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { matrixOf, spdOf, type SpdSpec } from '../src/gen/matrices.ts';
import { certifiedSpd } from '../src/linalg/certified-spd.ts';
import { frobenius2, identity, kron, lift, matmul, sub, transpose, vec, type Mat } from '../src/linalg/matrix.ts';
import { gaussianKlVec, matrixNormalKl } from '../src/linalg/gaussian.ts';

/**
 * The matrix identities of the linear-Gaussian case study: KD-LG-VEC (vec(WX) = (Xᵀ ⊗ I_k)vec W,
 * and W ~ MN(M, I_k, Σ) ⇔ vec W ~ N(vec M, Σ ⊗ I_k)) and KD-LG-MNKL (the matrix-normal KL in
 * closed form, a reconstruction, against the KL of the vectorised Gaussians).
 */

interface VecInstance {
  W: number[][];
  X: number[][];
}

const vecArb: fc.Arbitrary<VecInstance> = fc
  .record({ k: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 4 }) })
  .chain(({ k, d, n }) => fc.record({ W: matrixOf(k, d), X: matrixOf(d, n) }));

/** ‖vec(WX) − K·vec(W)‖² for a candidate operator K built from X and I_k. */
const vecSides = (operator: <T>(F: Field<T>, X: Mat<T>, k: number) => Mat<T>, vecW: <T>(W: Mat<T>) => Mat<T> = vec) =>
  <T>(F: Field<T>, inst: VecInstance) => {
    const W = lift(F, inst.W), X = lift(F, inst.X);
    const lhs = vec(matmul(F, W, X));
    const K = operator(F, X, W.length);
    if (K[0].length !== W.length * W[0].length) return { lhs: F.fromNumber(Infinity), rhs: F.fromNumber(0) };
    return { lhs: frobenius2(F, sub(F, lhs, matmul(F, K, vecW(W)))), rhs: F.fromNumber(0) };
  };

export const lgVec = defineProperty<VecInstance>({
  id: 'KD-LG-VEC/vectorisation',
  claim: 'KD-LG-VEC',
  title: 'vec(WX) = (Xᵀ ⊗ I_k)·vec(W) exactly (column-stacking vec), W ∈ R^{k×d}, X ∈ R^{d×n}',
  relation: 'eq',
  arbitrary: vecArb,
  sides: vecSides((F, X, k) => kron(F, transpose(X), identity(F, k))),
  classify: (i) => [`k:${i.W.length}`, `d:${i.X.length}`, `n:${i.X[0].length}`],
  controls: [
    { id: 'KD-LG-VEC/vectorisation~wrong-kronecker-order', description: '(I_k ⊗ Xᵀ) in place of (Xᵀ ⊗ I_k)', sides: vecSides((F, X, k) => kron(F, identity(F, k), transpose(X))) },
    { id: 'KD-LG-VEC/vectorisation~row-stacking', description: 'vec taken by stacking rows of W', sides: vecSides((F, X, k) => kron(F, transpose(X), identity(F, k)), (W) => vec(transpose(W))) },
  ],
});

interface MnInstance {
  M1: number[][];
  M2: number[][];
  S1: SpdSpec;
  S2: SpdSpec;
}

const mnArb: fc.Arbitrary<MnInstance> = fc
  .record({ k: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 3 }), same: fc.boolean() })
  .chain(({ k, d, same }) =>
    fc.record({ M1: matrixOf(k, d), M2: matrixOf(k, d), S1: spdOf(d), S2: spdOf(d) }).map((r) => (same ? { ...r, S2: r.S1 } : r)),
  );

/** KL of the vectorised Gaussians vec W ~ N(vec M, Σ ⊗ I_k) (or a wrong Kronecker order). */
const vecKl = <T>(F: Field<T>, inst: MnInstance, order: 'sigma-first' | 'identity-first') => {
  const k = inst.M1.length;
  const cov = (S: number[][]) => (order === 'sigma-first' ? kron(F, lift(F, S), identity(F, k)) : kron(F, identity(F, k), lift(F, S)));
  return gaussianKlVec(F, vec(lift(F, inst.M1)), cov(inst.S1.matrix), vec(lift(F, inst.M2)), cov(inst.S2.matrix));
};

const mnSides = (opts: { halve?: boolean; logdet?: boolean; order?: 'sigma-first' | 'identity-first' } = {}) =>
  <T>(F: Field<T>, inst: MnInstance) => ({
    lhs: matrixNormalKl(F, lift(F, inst.M1), lift(F, inst.S1.matrix), lift(F, inst.M2), lift(F, inst.S2.matrix), opts),
    rhs: vecKl(F, inst, opts.order ?? 'sigma-first'),
  });

export const lgMnKl = defineProperty<MnInstance>({
  id: 'KD-LG-MNKL/vec-gaussian',
  claim: 'KD-LG-MNKL',
  title: 'the closed-form matrix-normal KL equals the KL of vec W ~ N(vec M, Σ ⊗ I_k), Σ up to condition ~1e12',
  relation: 'eq',
  arbitrary: mnArb,
  establish: (inst) => ({
    hypotheses: [{ name: 'Σ1 and Σ2 symmetric positive definite (certified Cholesky)', established: certifiedSpd(inst.S1.matrix) && certifiedSpd(inst.S2.matrix) }],
    derived: undefined,
  }),
  sides: mnSides(),
  classify: (i) => [`ridge:${Math.min(i.S1.ridge, i.S2.ridge)}`, `k:${i.M1.length}`, `d:${i.S1.matrix.length}`],
  controls: [
    { id: 'KD-LG-MNKL/vec-gaussian~missing-half', description: 'the factor ½ dropped', sides: mnSides({ halve: false }) },
    { id: 'KD-LG-MNKL/vec-gaussian~dropped-logdet', description: 'the log-determinant term dropped', sides: mnSides({ logdet: false }) },
    { id: 'KD-LG-MNKL/vec-gaussian~wrong-kronecker-order', description: 'vec W ~ N(vec M, I_k ⊗ Σ) (wrong Kronecker order)', sides: mnSides({ order: 'identity-first' }) },
  ],
});

export const properties = [lgVec, lgMnKl];
