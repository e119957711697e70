import type { Field } from '../numerics/field.ts';
import { doubleField } from '../numerics/double-field.ts';
import { logMeanExp, weightedMean, weightedVariance } from '../prob/moments.ts';
import { distillationQuantities, worldLaws } from './processes.ts';
import { hLawUnderDelta } from './proxy.ts';
import type { WorldSpec } from './world.ts';

/** log E_Δ e^{−η h}. */
export function logMgfNeg<T>(F: Field<T>, w: WorldSpec, eta: T): T {
  const { w: ws, x } = hLawUnderDelta(F, w);
  return logMeanExp(F, ws, x.map((v) => F.neg(F.mul(eta, v))));
}

/** The best central constant c*(η) = −log E e^{−ηh} / (η·E h) (Def. 2 holds for every c ≤ c*). */
export function bestCentralC<T>(F: Field<T>, w: WorldSpec, eta: T): T {
  const { w: ws, x } = hLawUnderDelta(F, w);
  return F.div(F.neg(logMeanExp(F, ws, x.map((v) => F.neg(F.mul(eta, v))))), F.mul(eta, weightedMean(F, ws, x)));
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
