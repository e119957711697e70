import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { certifiedSpd } from '../src/linalg/certified-spd.ts';
import { cholesky, choleskySolve, inverseSpd, logdetSpd } from '../src/linalg/cholesky.ts';
import { add, lift, matmul, scale, trace } from '../src/linalg/matrix.ts';
import { spdOf, type SpdSpec } from '../src/gen/matrices.ts';
import fc from 'fast-check';
import { objective, projected, rankArb, topEigenvectors, type RankInstance } from './kd-lg-rank.ts';

/**
 * KD-LG-FINAL (term names from the seed text, forms and constants reconstructed). The mean part
 * of the algorithm shift, ½‖M_S − W̄_T‖²_{Σ_T⁻¹}, is split into Apx = ½‖M* − W̄_T‖²_{Σ_T⁻¹} (M* the
 * Eckart–Young rank-κ optimum) and Spread = ½‖M_S − M*‖²_{Σ_T⁻¹}. Two readings of the constants:
 *   factor 2 (from (u + v)² ≤ 2u² + 2v²): always valid;
 *   constants 1: valid when M_S − M* is orthogonal to M* − W̄_T (exact when M_S lies in M*'s
 *   subspace), otherwise a probe.
 * The covariance term Cov(Σ_S, Σ_T) = (k/2)[tr(Σ_T⁻¹Σ_S) − d − log det(Σ_T⁻¹Σ_S)] ≥ 0, = 0 iff Σ_S = Σ_T.
 */
interface Derived {
  Q: string[][];
}

/** ½‖M − W‖²_{Σ⁻¹} for the three matrices of the split, in F. */
function split<T>(F: Field<T>, inst: RankInstance, d: Derived) {
  const W = lift(F, inst.Wbar);
  const SigmaInv = inverseSpd(F, lift(F, inst.Sigma.matrix));
  const opt = projected(F, d.Q, W);
  const MS =
    inst.competitor.kind === 'random'
      ? matmul(F, lift(F, inst.competitor.U), lift(F, inst.competitor.V))
      : matmul(F, opt.Q, add(F, opt.C, scale(F, F.fromNumber(inst.competitor.eps), lift(F, inst.competitor.E))));
  const half = (x: T) => F.div(x, F.fromNumber(2));
  return { shift: half(objective(F, MS, W, SigmaInv)), apx: half(objective(F, opt.M, W, SigmaInv)), spread: half(objective(F, MS, opt.M, SigmaInv)) };
}

const establish = (inst: RankInstance) => {
  const spd = certifiedSpd(inst.Sigma.matrix);
  return { hypotheses: [{ name: 'Σ_T symmetric positive definite (certified Cholesky)', established: spd }], derived: { Q: spd ? topEigenvectors(inst, inst.kappa) : [] } };
};

const twoSides = (c: number, drop?: 'apx' | 'spread') =>
  <T>(F: Field<T>, inst: RankInstance, d: Derived) => {
    const t = split(F, inst, d);
    const apx = drop === 'apx' ? F.fromNumber(0) : t.apx;
    const spread = drop === 'spread' ? F.fromNumber(0) : t.spread;
    return { lhs: t.shift, rhs: F.mul(F.fromNumber(c), F.add(apx, spread)) };
  };

export const finalFactor2 = defineProperty<RankInstance, Derived>({
  id: 'KD-LG-FINAL/shift-vs-apx-spread',
  claim: 'KD-LG-FINAL',
  title: '½‖M_S − W̄_T‖²_{Σ_T⁻¹} ≤ 2·Apx + 2·Spread (the factor-2 reading), for random and near-optimal rank-κ student means',
  relation: 'le',
  arbitrary: rankArb,
  establish,
  sides: twoSides(2),
  // κ ≥ rank bound of W̄: M* = W̄; with E = 0 the student is M* too, and every term is 0 by construction
  degenerate: (i) => (i.competitor.kind === 'near' && i.competitor.E.every((r) => r.every((x) => x === 0)) && i.kappa >= Math.min(i.Wbar.length, i.Wbar[0].length) ? 'κ ≥ min(k, d) and M_S = M* = W̄: shift = Apx = Spread = 0' : null),
  checks: 'the last step of the decomposition alone: ½‖M_S − W̄_T‖²_{Σ_T⁻¹} ≤ 2·Apx + 2·Spread by (u + v)² ≤ 2u² + 2v², for any rank-κ mean M_S (random and near the Eckart–Young optimum M*); the constants-1 reading is the probe',
  classify: (i) => [`competitor:${i.competitor.kind}`, `kappa:${i.kappa}`],
  controls: [
    { id: 'KD-LG-FINAL/shift-vs-apx-spread~dropped-apx', description: 'the rank-bottleneck term dropped', sides: twoSides(2, 'apx') },
    { id: 'KD-LG-FINAL/shift-vs-apx-spread~dropped-spread', description: 'the spread term dropped', sides: twoSides(2, 'spread') },
  ],
  probes: [{ id: 'KD-LG-FINAL/shift-vs-apx-spread~unit-constants', description: 'the constants-1 reading: shift ≤ Apx + Spread without orthogonality', sides: twoSides(1) }],
});

export const finalOrthogonal = defineProperty<RankInstance, Derived>({
  id: 'KD-LG-FINAL/orthogonal-split',
  claim: 'KD-LG-FINAL',
  title: 'the constants-1 reading is exact when M_S lies in the subspace of M* (M_S − M* ⟂ M* − W̄_T): shift = Apx + Spread',
  relation: 'eq',
  arbitrary: rankArb.map((i) => (i.competitor.kind === 'near' ? i : { ...i, competitor: { kind: 'near' as const, eps: 0.1, E: i.competitor.V } })),
  establish,
  sides: (F, inst, d) => {
    const t = split(F, inst, d);
    return { lhs: t.shift, rhs: F.add(t.apx, t.spread) };
  },
  classify: (i) => [`kappa:${i.kappa}`, `eps:${i.competitor.kind === 'near' ? i.competitor.eps : 'random'}`],
  controls: [
    {
      id: 'KD-LG-FINAL/orthogonal-split~factor-2',
      description: 'the factor-2 constants claimed as an equality',
      sides: (F, inst, d) => {
        const t = split(F, inst, d);
        return { lhs: t.shift, rhs: F.mul(F.fromNumber(2), F.add(t.apx, t.spread)) };
      },
    },
  ],
});

/** Cov(Σ_S, Σ_T) = (k/2)[tr(Σ_T⁻¹Σ_S) − d − log det Σ_S + log det Σ_T]. */
interface CovInstance {
  k: number;
  ST: SpdSpec;
  SS: SpdSpec;
}
const covArb: fc.Arbitrary<CovInstance> = fc
  .record({ k: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 3 }), same: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 3, arbitrary: fc.constant(false) }) })
  .chain(({ k, d, same }) => fc.record({ k: fc.constant(k), ST: spdOf(d), SS: spdOf(d) }).map((r) => (same ? { ...r, SS: r.ST } : r)));

const covTerm = <T>(F: Field<T>, inst: CovInstance, withLogdet = true) => {
  const ST = lift(F, inst.ST.matrix), SS = lift(F, inst.SS.matrix);
  const tr = trace(F, choleskySolve(F, cholesky(F, ST), SS));
  const ld = withLogdet ? F.sub(logdetSpd(F, ST), logdetSpd(F, SS)) : F.fromNumber(0);
  return F.mul(F.div(F.fromNumber(inst.k), F.fromNumber(2)), F.add(F.sub(tr, F.fromNumber(ST.length)), ld));
};

export const finalCov = defineProperty<CovInstance>({
  id: 'KD-LG-FINAL/covariance-term',
  claim: 'KD-LG-FINAL',
  title: 'Cov(Σ_S, Σ_T) ≥ 0, attained exactly when Σ_S = Σ_T',
  relation: 'le',
  arbitrary: covArb,
  establish: (i) => ({ hypotheses: [{ name: 'Σ_S, Σ_T symmetric positive definite (certified)', established: certifiedSpd(i.ST.matrix) && certifiedSpd(i.SS.matrix) }], derived: undefined }),
  sides: (F, i) => ({ lhs: F.fromNumber(0), rhs: covTerm(F, i) }),
  // a sign condition, not a bound; Σ_S = Σ_T makes it 0 = 0
  bound: false,
  degenerate: (i) => (JSON.stringify(i.SS.matrix) === JSON.stringify(i.ST.matrix) ? 'Σ_S = Σ_T: Cov = 0' : null),
  classify: (i) => [i.SS === i.ST ? 'same' : 'different', `ridge:${Math.min(i.ST.ridge, i.SS.ridge)}`],
  controls: [{ id: 'KD-LG-FINAL/covariance-term~without-logdet', description: 'Cov without the log-determinant: (k/2)[tr(Σ_T⁻¹Σ_S) − d]', sides: (F, i) => ({ lhs: F.fromNumber(0), rhs: covTerm(F, i, false) }) }],
});

export const properties = [finalFactor2, finalOrthogonal, finalCov];

