import type { Established, HypothesisCheck } from '../engine/property.ts';
import type { Field } from '../numerics/field.ts';
import { isPosInfinity } from '../numerics/field.ts';
import { certify, precisionPolicy } from '../numerics/certify.ts';
import { memoByJson } from '../engine/memo.ts';
import type { WorldInstance } from '../gen/world.ts';
import { cachedProxyOfH, type HProxy } from './proxy.ts';
import { distillationQuantities, lawMean, worldLaws } from './processes.ts';
import { checkWorld, lossRange, type WorldSpec } from './world.ts';

/** What establishWorld derives from a world: the world and the certified proxy of h under Δ. */
export interface WorldDerived {
  world: WorldSpec;
  proxy: HProxy;
}

/** The bounded-loss hypothesis alone, for bounds that bring their own proxy (Prop. 9's stability proxy). */
export function establishBoundedLoss(inst: WorldInstance): Established<{ world: WorldSpec }> {
  checkWorld(inst.world);
  const { a, b } = lossRange(inst.world);
  return { hypotheses: [{ name: `loss bounded: ℓ ∈ [a, b] (exact min and max of the table)`, established: Number.isFinite(a) && Number.isFinite(b) }], derived: { world: inst.world } };
}

/** Hypotheses shared by the distillation bounds, established on the world: bounded loss and the certified best proxy of h. */
export function establishWorld(inst: WorldInstance): Established<WorldDerived> {
  const base = establishBoundedLoss(inst);
  const proxy = cachedProxyOfH(inst.world);
  const hypotheses: HypothesisCheck[] = [
    ...base.hypotheses,
    {
      name: 'h(D_n, f_T) is σ²-sub-Gaussian under Δ (certified best proxy of its exact law, or Hoeffding on its range)',
      established: true,
      detail: `σ² ≤ ${proxy.sigma2} (${proxy.route}, ${proxy.context})`,
    },
  ];
  return { hypotheses, derived: { world: inst.world, proxy } };
}

/**
 * gen_T = 0 exactly, for a structural reason: the teacher's choice does not depend on the data (a
 * Gibbs posterior at β = 0, a class of one hypothesis), or every hypothesis it can choose has the
 * same loss row; then gen_T is a mixture of E_{μⁿ}[L_μ(f) − L_d(f)] = 0. (No enclosure of 0 is
 * ever certified positive: this only saves the escalation that would find that out.)
 */
export function genTStructurallyZero(w: WorldSpec): boolean {
  const t = w.teacher;
  if (t.kind === 'seeded') return false;
  const cls = t.subclass ?? w.loss.map((_, f) => f);
  if (t.kind === 'gibbs' && t.beta === 0) return true;
  return cls.every((f) => w.loss[f].every((v, z) => v === w.loss[cls[0]][z]));
}

/** Certified: gen_T = E_Δ h > 0 (needed by the central condition with 0 < c ≤ 1); memoised by the world. */
export const genTPositive = memoByJson((w: WorldSpec): boolean =>
  !genTStructurallyZero(w) &&
  certify((F) => {
    const L = worldLaws(F, w);
    return { lhs: F.fromNumber(0), rhs: lawMean(F, L.delta, L.kf, L.h) };
  }, 'le', precisionPolicy(30)).verdict === 'holds');

/** gen_T + σ·√(factor·K_n), and +∞ when K_n = +∞ (DV is then vacuous). */
export function upperBound<T>(F: Field<T>, genT: T, sigma: T, Kn: T, factor = 2): T {
  if (isPosInfinity(F, Kn)) return F.fromNumber(Infinity);
  return F.add(genT, F.mul(sigma, F.sqrt(F.mul(F.fromNumber(factor), Kn))));
}

/** c·gen_T − K_n/η, and −∞ when K_n = +∞. */
export function lowerBound<T>(F: Field<T>, genT: T, c: T, eta: T, Kn: T, factor = 1): T {
  if (isPosInfinity(F, Kn)) return F.fromNumber(-Infinity);
  return F.sub(F.mul(c, genT), F.div(Kn, F.mul(F.fromNumber(factor), eta)));
}
