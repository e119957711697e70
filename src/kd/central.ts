import type { Field } from '../numerics/field.ts';
import { doubleField } from '../numerics/double-field.ts';
import { centredLogMeanExp, logMeanExp, weightedMean, weightedVariance } from '../prob/moments.ts';
import { distillationQuantities, worldLaws } from './processes.ts';
import { hLawUnderDelta } from './proxy.ts';
import { mergeEqualAtoms } from '../prob/law-proxy.ts';
import type { WorldSpec } from './world.ts';

/**
 * The (η, c)-central condition of h under Δ (App. Def. 2): log E_Δ e^{−ηh} ≤ −cη·gen_T. Its best
 * constant c*(η) = −log E_Δ e^{−ηh}/(η·gen_T): the condition holds exactly for c ≤ c*(η) (gen_T > 0).
 */

/** The law of h under Δ as (weights, values): one atom per (d, f) of the joint law. */
export type HLaw<T> = { w: T[]; x: T[] };

/** log E e^{−η h} of a law of h. */
export function logMgfNegOf<T>(F: Field<T>, law: HLaw<T>, eta: T): T {
  return logMeanExp(F, law.w, law.x.map((v) => F.neg(F.mul(eta, v))));
}

/** c*(η) = −log E e^{−ηh} / (η·E h) of a law of h. */
export function centralConstantOf<T>(F: Field<T>, law: HLaw<T>, eta: T): T {
  return F.div(F.neg(logMgfNegOf(F, law, eta)), F.mul(eta, weightedMean(F, law.w, law.x)));
}

/** log E_Δ e^{−η h}, summed over the atoms (d, f) of the joint law Δ. */
export function logMgfNeg<T>(F: Field<T>, w: WorldSpec, eta: T): T {
  return logMgfNegOf(F, hLawUnderDelta(F, w), eta);
}

/** The best central constant c*(η) = −log E e^{−ηh} / (η·E h), from the joint law Δ. */
export function bestCentralC<T>(F: Field<T>, w: WorldSpec, eta: T): T {
  return centralConstantOf(F, hLawUnderDelta(F, w), eta);
}

/**
 * c*(η) computed another way: from the law of h (atoms with equal values merged), as
 * 1 − ψ(−η)/(η·μ) with ψ the centred cumulant generating function and μ the mean of that law.
 * Algebraically the same number as `bestCentralC`; the arithmetic shares only the world's laws.
 */
export function centralConstantFromLawOfH<T>(F: Field<T>, w: WorldSpec, eta: T): T {
  const { w: ws, x } = mergeEqualAtoms(F, hLawUnderDelta(F, w));
  const mu = weightedMean(F, ws, x);
  return F.sub(F.fromNumber(1), F.div(centredLogMeanExp(F, ws, x, F.neg(eta)), F.mul(eta, mu)));
}

/** Var_Δ h. */
export function varianceOfH<T>(F: Field<T>, w: WorldSpec): T {
  const { w: ws, x } = hLawUnderDelta(F, w);
  return weightedVariance(F, ws, x);
}

/** η = τ·2·gen_T/σ² as a double (the instance's η: any double defines a valid instance). */
export function etaFromFraction(w: WorldSpec, sigma2: string, tau: number): number {
  const genT = distillationQuantities(doubleField, worldLaws(doubleField, w)).genT;
  return (tau * 2 * genT) / Number(sigma2);
}
