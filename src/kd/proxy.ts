import type { Field } from '../numerics/field.ts';
import { memoByJson } from '../engine/memo.ts';
import { certifiedProxyOfLaw, type LawProxy } from '../prob/law-proxy.ts';
import { worldLaws, type Law } from './processes.ts';
import type { WorldSpec } from './world.ts';

/** The law of h(D, f_T) under Δ as (weights, values) in F. */
export function hLawUnderDelta<T>(F: Field<T>, w: WorldSpec): { w: T[]; x: T[] } {
  const L = worldLaws(F, w);
  return lawOf(L.delta, L.kf, L.h);
}

/** The law of g(d, f) under a joint law P, as (weights, values). */
export function lawOf<T>(P: Law<T>, kf: number, g: (d: number, f: number) => T): { w: T[]; x: T[] } {
  const w: T[] = [], x: T[] = [];
  for (const [k, p] of P) {
    w.push(p);
    x.push(g(Math.floor(k / kf), k % kf));
  }
  return { w, x };
}

/** A certified proxy of h(D, f_T) under Δ (see certifiedProxyOfLaw). */
export type HProxy = LawProxy;

/**
 * A certified sub-Gaussian proxy of h(D, f_T) under Δ: the best proxy of its exact law by branch
 * and bound, or Hoeffding's proxy of its range when h is constant to the precision.
 */
export const proxyOfH = (w: WorldSpec): HProxy => certifiedProxyOfLaw((F) => hLawUnderDelta(F, w));

/** proxyOfH, memoised by the world (several properties check the same worlds). */
export const cachedProxyOfH = memoByJson(proxyOfH);
