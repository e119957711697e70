import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { matrixOf } from '../src/gen/matrices.ts';
import { lgChainSplit, lgKn, type LgModel } from '../src/linalg/lg-processes.ts';

/**
 * KD-LG-CHAIN (formula reconstructed): K_n = KL(P_{X,Ŷ} ‖ P_{X,Y}) + E_{X,Ŷ} KL(q_S(·|X,Ŷ) ‖ q_T(·|X,Ŷ)).
 * Given X every law of the linear-Gaussian processes is Gaussian, so K_n is the KL of two joint
 * Gaussians on (vec data, vec W) and both terms have closed forms: the identity is checked exactly.
 * The student here is a Gibbs posterior on the pseudo-labels with its own (λ, β); the paper's
 * rank-κ student enters through KD-LG-RANK and KD-LG-FINAL.
 */
const params = fc.record({ lambda: fc.constantFrom(0.1, 1, 10), betaT: fc.constantFrom(0.5, 1, 4), nu: fc.constant(1) });

const modelArb: fc.Arbitrary<LgModel> = fc
  .record({ k: fc.integer({ min: 1, max: 2 }), d: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }), nu: fc.constantFrom(0.5, 1, 2) })
  .chain(({ k, d, n, nu }) =>
    fc.record({
      X: matrixOf(d, n),
      Wstar: matrixOf(k, d),
      nu: fc.constant(nu),
      teacher: params.map((p) => ({ ...p, nu })),
      student: fc.oneof(params.map((p) => ({ ...p, nu })), fc.constant(null)),
    }).map((m) => ({ ...m, student: m.student ?? m.teacher })),
  );

const sides = (variant: 'exact' | 'dataset-only' | 'mean-only') =>
  <T>(F: Field<T>, m: LgModel) => {
    const split = lgChainSplit(F, m, { dropCovTerm: variant === 'mean-only' });
    return { lhs: lgKn(F, m), rhs: variant === 'dataset-only' ? split.datasetShift : F.add(split.datasetShift, split.algorithmShift) };
  };

export const lgChain = defineProperty<LgModel>({
  id: 'KD-LG-CHAIN/chain-rule',
  claim: 'KD-LG-CHAIN',
  title: 'K_n (KL of the joint Gaussians on (vec data, vec W)) = dataset shift + expected algorithm shift, exactly',
  relation: 'eq',
  arbitrary: modelArb,
  establish: (m) => ({ hypotheses: [{ name: 'λ, β, ν > 0 for teacher and student (all laws Gaussian)', established: [m.teacher, m.student].every((p) => p.lambda > 0 && p.betaT > 0) && m.nu > 0 }], derived: undefined }),
  sides: sides('exact'),
  classify: (m) => [`k:${m.Wstar.length}`, `d:${m.X.length}`, `n:${m.X[0].length}`, m.student === m.teacher ? 'student:=teacher' : 'student:own-temperature'],
  controls: [
    { id: 'KD-LG-CHAIN/chain-rule~dataset-shift-only', description: 'the algorithm-shift term dropped', sides: sides('dataset-only') },
    { id: 'KD-LG-CHAIN/chain-rule~algorithm-shift-at-mean', description: 'the algorithm shift evaluated at the mean pseudo-labels only (E[ŷᵀQŷ] without tr(QC))', sides: sides('mean-only') },
  ],
});

export const properties = [lgChain];
