import { sameDistribution } from '../prob/distribution.ts';
import { erm, planOf } from './processes.ts';
import type { Learner, WorldSpec } from './world.ts';

/** Two weight rows that define the same distribution (re-exported: the worlds' rows are weights too). */
export { sameDistribution };

const fullClass = (w: WorldSpec) => w.loss.map((_, f) => f);
const classOf = (w: WorldSpec, l: Learner): number[] | null => (l.kind === 'seeded' ? null : l.subclass ?? fullClass(w));
/**
 * The points z = (x, y) a dataset can hold: x charged by μ_X, and y charged by the true channel or
 * by a predictor's pseudo-label row there. Losses elsewhere never enter a posterior.
 */
function reachable(w: WorldSpec): boolean[] {
  const ky = w.labelWeights[0].length;
  return w.loss[0].map((_, z) => {
    const x = Math.floor(z / ky), y = z % ky;
    return w.xWeights[x] > 0 && (w.labelWeights[x][y] > 0 || w.predictors.some((q) => q[x][y] > 0));
  });
}
/** The hypotheses of `cls` have the same loss at every point a dataset can hold. */
const sameRows = (w: WorldSpec, cls: number[]) => {
  const on = reachable(w);
  return cls.every((f) => w.loss[f].every((v, z) => !on[z] || v === w.loss[cls[0]][z]));
};

/** The hypotheses a learner outputs with positive probability on some dataset (exact: ERM choices are decided exactly). */
function support(w: WorldSpec, l: Learner): Set<number> {
  if (l.kind === 'gibbs') return new Set(l.subclass ?? fullClass(w));
  const deterministic = l.kind === 'seeded' ? l.seeds : [l];
  const out = new Set<number>();
  // only datasets μⁿ charges: a choice on a dataset of probability 0 is never made
  for (const d of planOf(w).dataSupport) for (const s of deterministic) out.add(erm(w, s, d));
  return out;
}

/**
 * The two learners are the same kernel from datasets to hypotheses, decided exactly: the same
 * learner; two deterministic (ERM) learners that choose the same hypothesis on every dataset; one
 * hypothesis for both; or two Gibbs posteriors over one class whose hypotheses have identical
 * losses on every point a dataset can hold (both uniform on it, whatever β).
 */
function sameKernel(w: WorldSpec, a: Learner, b: Learner): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  if (a.kind === 'erm' && b.kind === 'erm') {
    for (const d of planOf(w).dataSupport) if (erm(w, a, d) !== erm(w, b, d)) return false;
    return true;
  }
  const ca = classOf(w, a), cb = classOf(w, b);
  if (ca === null || cb === null || ca.join() !== cb.join()) return false;
  if (ca.length === 1) return true;
  return a.kind === 'gibbs' && b.kind === 'gibbs' && sameRows(w, ca);
}

/**
 * Γ = Δ for a structural reason: every hypothesis the teacher can output pseudo-labels with the
 * true channel P(y|x) on every input μ_X charges (so Γ_D̂ = μⁿ), and the student's kernel is the
 * teacher's. Then K_n = KL(Γ‖Δ) = 0, gen_S = gen_T, and every bound of the form
 * gen_T + (…)·√K_n is an identity on the world. Returns the reason, or null.
 */
export function gammaEqualsDelta(w: WorldSpec): string | null {
  // once per world: a property's sides ask for it in every arithmetic context they are evaluated in
  const known = decided.get(w);
  if (known !== undefined) return known;
  const truthful = sameKernel(w, w.teacher, w.student) && [...support(w, w.teacher)].every((f) => w.predictors[f].every((row, x) => w.xWeights[x] === 0 || sameDistribution(row, w.labelWeights[x])));
  const reason = truthful ? 'K_n = 0: Γ = Δ (the teacher pseudo-labels with the true channel and the student is the teacher)' : null;
  decided.set(w, reason);
  return reason;
}

const decided = new WeakMap<WorldSpec, string | null>();
