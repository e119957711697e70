import type { Field } from '../numerics/field.ts';
import type { FiniteDist } from './distribution.ts';
import { centredLogMeanExp, logMeanExp, weightedMean, weightedVariance } from './moments.ts';

/**
 * A finite real random variable: value x_i with weight w_i (only atoms of positive weight count).
 */
export interface FiniteRV {
  readonly values: readonly number[];
  readonly law: FiniteDist;
}

/** A finite random variable: `values[i]` with probability ∝ `law.weights[i]`. */
export function rv(values: readonly number[], law: FiniteDist): FiniteRV {
  if (values.length !== law.weights.length) throw new RangeError(`${values.length} values for ${law.weights.length} weights`);
  values.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new RangeError(`value ${i} is not finite: ${x}`);
  });
  return { values: [...values], law };
}

/** Atoms of positive weight lifted into F. */
export function atoms<T>(F: Field<T>, X: FiniteRV): { w: T[]; x: T[] } {
  const w: T[] = [], x: T[] = [];
  X.law.weights.forEach((wi, i) => {
    if (wi > 0) {
      w.push(F.fromNumber(wi));
      x.push(F.fromNumber(X.values[i]));
    }
  });
  return { w, x };
}

/** E X. */
export const mean = <T>(F: Field<T>, X: FiniteRV): T => {
  const { w, x } = atoms(F, X);
  return weightedMean(F, w, x);
};

/** Var X. */
export const variance = <T>(F: Field<T>, X: FiniteRV): T => {
  const { w, x } = atoms(F, X);
  return weightedVariance(F, w, x);
};

/** ψ(λ) = log E e^{λX}. */
export function cgf<T>(F: Field<T>, X: FiniteRV, lambda: T): T {
  const { w, x } = atoms(F, X);
  return logMeanExp(F, w, x.map((xi) => F.mul(lambda, xi)));
}

/** ψ_c(λ) = log E e^{λ(X − EX)}, computed as one centred sum (no cancellation against λ·EX). */
export function centredCgf<T>(F: Field<T>, X: FiniteRV, lambda: T): T {
  const { w, x } = atoms(F, X);
  return centredLogMeanExp(F, w, x, lambda);
}

/** Value range [min, max] over the support (exact: the values are doubles). */
export function range(X: FiniteRV): { a: number; b: number } {
  const xs = X.values.filter((_, i) => X.law.weights[i] > 0);
  return { a: Math.min(...xs), b: Math.max(...xs) };
}
