import { Decimal } from 'decimal.js';
import { decimalField } from '../../numerics/decimal-field.ts';
import type { Expected } from '../expected.ts';
import type { Precision } from '../precision.ts';
import type { Args } from '../protocol.ts';

/** The reference context: Decimal at 60 significant digits (inputs are exact doubles). */
export const R = decimalField(60);
export const dec = (x: number): Decimal => R.fromNumber(x);

/**
 * The tolerance policy in one place: a careful implementation in the format P of a function whose
 * condition figure (Σ|∂f/∂x_i·x_i| plus the size of its intermediate terms) is `cond`, over n
 * inputs, errs by at most about γ_n·cond with γ_n = n·u/(1 − n·u); we allow 4(n + 2)·u·cond,
 * plus a floor of a few subnormal ulps for results that underflow (u and the floor from P).
 */
export const tolerance = (P: Precision, n: number, cond: number): number => 4 * (n + 2) * P.u * cond + P.underflowFloor;

export const scalar = (P: Precision, value: Decimal, n: number, cond: number): Expected => ({ kind: 'values', shape: 'scalar', dims: [], values: [value], tol: [tolerance(P, n, cond)], cond });

export const invalid = (why: string): Expected => ({ kind: 'invalid', why });

export const vec = (a: Args, k: string): number[] => a[k] as number[];
export const num = (a: Args, k: string): number => a[k] as number;
export const mat = (a: Args, k: string): number[][] => a[k] as number[][];

/** The first problem with a vector argument, or null. */
export function vectorProblem(v: number[], name: string, opts: { nonnegative?: boolean; finite?: boolean; nonEmpty?: boolean } = {}): string | null {
  if (opts.nonEmpty !== false && v.length === 0) return `${name} is empty`;
  if (v.some(Number.isNaN)) return `${name} has a NaN`;
  if (opts.finite !== false && v.some((x) => !Number.isFinite(x))) return `${name} has an infinite entry`;
  if (opts.nonnegative && v.some((x) => x < 0)) return `${name} has a negative entry`;
  return null;
}

export const sumD = (xs: Decimal[]): Decimal => xs.reduce((s, x) => s.plus(x), dec(0));
