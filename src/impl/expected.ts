import { Decimal } from 'decimal.js';
import type { Args, FnName, Shape, Value } from './protocol.ts';

/** Unit roundoff of doubles, 2^-53. */
export const U = 2 ** -53;
/** Absolute floor of every tolerance: a few subnormal ulps (a result that underflows keeps no relative accuracy). */
export const UNDERFLOW_FLOOR = 2 ** -1070;

/**
 * What a correct implementation returns for one input, according to the reference:
 * - `values`: the exact result (Decimal, at 60 digits) in row-major order with its shape, and the
 *   absolute tolerance a careful double implementation meets, per component or for the whole
 *   result in Frobenius norm (`norm`), with the condition figure it came from;
 * - `invalid`: the input is outside the function's domain: an error or NaN is expected, a finite
 *   answer is a silent wrong answer.
 */
export type Expected =
  | { kind: 'values'; shape: Shape; dims: number[]; values: Decimal[]; tol: number[]; norm?: 'frobenius'; cond: number }
  | { kind: 'invalid'; why: string; anyAnswer?: boolean }
  /** a custom check (rank_k_approx): an excess over the optimum, compared with its tolerance */
  | { kind: 'custom'; shape: Shape; cond: number; judge: (got: Value) => Judgement };

/** One generated input: the arguments by name, and its edge-case class. */
export interface Case {
  label: string;
  args: Args;
}

export type Verdict = 'agree' | 'inaccurate' | 'special' | 'invalid-accepted' | 'error-on-valid' | 'shape';

export interface Judgement {
  verdict: Verdict;
  /** worst component: |got − exact| (absolute), relative to |exact|, in ulps of the exact value, and the tolerance */
  absError: number | null;
  relError: number | null;
  ulps: number | null;
  tol: number | null;
  detail: string;
}

/** One function of the protocol, as check-impl tests it. */
export interface FnSpec {
  name: FnName;
  shape: Shape;
  /** the result's shape when it depends on the arguments (kd_loss with reduction 'none' returns a vector) */
  shapeOf?: (args: Args) => Shape;
  /** the tolerance policy, for the report */
  policy: string;
  /** documented semantics of special values and invalid input */
  specials: string;
  cases: import('fast-check').Arbitrary<Case>;
  expected: (args: Args) => Expected;
}

/** ulp of the double nearest to x. */
export function ulpOf(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return NaN;
  if (a < 2 ** -1022) return 2 ** -1074;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--; // log2 may round up just below a power of two
  else if (2 ** (e + 1) <= a) e++;
  return 2 ** (e - 52);
}

/** The double nearest to an exact value (±Infinity beyond the largest double). */
export const toDouble = (d: Decimal): number => d.toNumber();
