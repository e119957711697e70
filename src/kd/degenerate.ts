import { exactProductsEqual } from '../numerics/exact.ts';
import type { Learner, WorldSpec } from './world.ts';

/** Two weight rows that define the same distribution: proportional, decided exactly. */
export function sameDistribution(u: readonly number[], v: readonly number[]): boolean {
  if (u.length !== v.length) return false;
  // u ∝ v iff u_i·v_j = u_j·v_i for all i, j; against one reference atom j where both are positive
  const j = u.findIndex((x, i) => x > 0 && v[i] > 0);
  if (j < 0) return false;
  return u.every((x, i) => exactProductsEqual(x, v[j], u[j], v[i]));
}

const classOf = (w: WorldSpec, l: Learner): number[] | null => (l.kind === 'seeded' ? null : l.subclass ?? w.loss.map((_, f) => f));
const sameRows = (w: WorldSpec, cls: number[]) => cls.every((f) => w.loss[f].every((v, z) => v === w.loss[cls[0]][z]));

/**
 * The two learners are the same kernel from datasets to hypotheses, structurally: the same
 * learner; or one hypothesis for both; or two Gibbs posteriors over one class whose hypotheses
 * have identical losses (both uniform on it, whatever β).
 */
function sameKernel(w: WorldSpec, a: Learner, b: Learner): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  const ca = classOf(w, a), cb = classOf(w, b);
  if (ca === null || cb === null || ca.join() !== cb.join()) return false;
  if (ca.length === 1) return true;
  return a.kind === 'gibbs' && b.kind === 'gibbs' && sameRows(w, ca);
}

/**
 * Γ = Δ for a structural reason: every hypothesis pseudo-labels with the true channel P(y|x) on
 * every input μ_X charges (so Γ_D̂ = μⁿ), and the student's kernel is the teacher's. Then
 * K_n = KL(Γ‖Δ) = 0 and every bound of the form gen_T + (…)·√K_n is an identity on the world.
 * Returns the reason, or null.
 */
export function gammaEqualsDelta(w: WorldSpec): string | null {
  if (!sameKernel(w, w.teacher, w.student)) return null;
  const truthful = w.predictors.every((q) => q.every((row, x) => w.xWeights[x] === 0 || sameDistribution(row, w.labelWeights[x])));
  return truthful ? 'K_n = 0: Γ = Δ (pseudo-labels from the true channel, student = teacher)' : null;
}
