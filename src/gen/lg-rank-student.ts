import fc from 'fast-check';
import type { RankStudentModel } from '../linalg/lg-rank-student.ts';
import { matrixOf, spdOf } from './matrices.ts';

/**
 * Linear-Gaussian instances with a rank-κ student, in families that favour one cost term each:
 *   balanced           moderate everything, Σ_S = Σ_T
 *   rank-bottleneck    large high-rank W*, κ = 1, a confident teacher: Apx should dominate
 *   hot-teacher        small β_T: posterior spread (Var, Spread) should dominate
 *   shrunk-teacher     large λ: the teacher mean shrinks to 0, Bias should dominate
 *   geometry-mismatch  Σ_S far from Σ_T (scaled by 0.1 or 10, or an unrelated SPD matrix)
 *   ill-conditioned    X with nearly dependent rows and a tiny prior precision (κ(Σ_T) up to ~1e12)
 * Y is one draw W*X + ν·E of the label channel with E on a grid.
 */
export type Family = 'balanced' | 'rank-bottleneck' | 'hot-teacher' | 'shrunk-teacher' | 'geometry-mismatch' | 'ill-conditioned';
/** A rank-κ-student model and the family it was drawn from. */
export type FamilyModel = RankStudentModel & { family: Family };

const dims = fc.record({ k: fc.integer({ min: 1, max: 2 }), d: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }) });

interface Knobs {
  k: number;
  d: number;
  n: number;
  lambda: fc.Arbitrary<number>;
  betaT: fc.Arbitrary<number>;
  nu: fc.Arbitrary<number>;
  wScale: number;
  kappa?: number;
  studentCov?: fc.Arbitrary<RankStudentModel['studentCov']>;
  X?: fc.Arbitrary<number[][]>;
}

function build(family: Family, o: Knobs): fc.Arbitrary<FamilyModel> {
  const maxKappa = Math.min(o.k, o.d);
  return fc
    .record({
      X: o.X ?? matrixOf(o.d, o.n),
      Wstar: matrixOf(o.k, o.d).map((W) => W.map((r) => r.map((x) => x * o.wScale))),
      E: matrixOf(o.k, o.n),
      nu: o.nu,
      lambda: o.lambda,
      betaT: o.betaT,
      kappa: o.kappa === undefined ? fc.integer({ min: 1, max: maxKappa }) : fc.constant(Math.min(o.kappa, maxKappa)),
      studentCov: o.studentCov ?? fc.constant({ kind: 'scaled-teacher' as const, c: 1 }),
    })
    .map(({ X, Wstar, E, nu, lambda, betaT, kappa, studentCov }) => {
      const WX = Wstar.map((r) => X[0].map((_, j) => r.reduce((s, w, i) => s + w * X[i][j], 0)));
      return { family, X, Wstar, Y: WX.map((r, i) => r.map((x, j) => x + nu * E[i][j])), nu, teacher: { lambda, betaT, nu }, kappa, studentCov };
    });
}

/** X whose last row is the first plus a tiny perturbation (d ≥ 2), or a tiny row (d = 1). */
const nearlyDependentX = (d: number, n: number) =>
  fc.record({ X: matrixOf(d, n), eps: fc.constantFrom(1e-3, 1e-6), dir: matrixOf(1, n) }).map(({ X, eps, dir }) =>
    X.map((r, i) => (i === d - 1 ? r.map((x, j) => (d === 1 ? eps * (x || 1) : X[0][j] + eps * (dir[0][j] || 1))) : r)),
  );

const v = fc.constantFrom;

/** The six families at given dimensions (the rank-bottleneck family at its own, larger ones). */
export function familiesAt({ k, d, n }: { k: number; d: number; n: number }, bottleneck = { k: 2, d: 3, n: 3 }): fc.Arbitrary<FamilyModel> {
  return fc.oneof(
    build('balanced', { k, d, n, lambda: v(0.1, 1, 10), betaT: v(0.5, 1, 4), nu: v(0.5, 1, 2), wScale: 1 }),
    build('rank-bottleneck', { ...bottleneck, lambda: v(0.1), betaT: v(4, 16), nu: v(0.5), wScale: 3, kappa: 1 }),
    build('hot-teacher', { k, d, n, lambda: v(0.1, 1), betaT: v(0.05, 0.2), nu: v(1, 2), wScale: 1 }),
    build('shrunk-teacher', { k, d, n, lambda: v(100, 1000), betaT: v(1), nu: v(0.5, 1), wScale: 1 }),
    build('geometry-mismatch', {
      k, d, n, lambda: v(1), betaT: v(1), nu: v(1), wScale: 1,
      studentCov: fc.oneof(v(0.1, 10).map((c) => ({ kind: 'scaled-teacher' as const, c })), spdOf(d).map((s) => ({ kind: 'own' as const, matrix: s.matrix }))),
    }),
    build('ill-conditioned', { k, d, n: Math.max(n, d), lambda: v(1e-6, 1e-9), betaT: v(1), nu: v(1), wScale: 1, X: nearlyDependentX(d, Math.max(n, d)) }),
  );
}

/** Rank-κ-student models from the six families, at random small dimensions. */
export const rankStudentArb: fc.Arbitrary<FamilyModel> = dims.chain((size) => familiesAt(size));
