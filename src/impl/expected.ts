import { Decimal } from 'decimal.js';
import type { Args, FnName, Shape, Value } from './protocol.ts';
import { FLOAT64, type Precision } from './precision.ts';


/**
 * What a correct implementation returns for one input, according to the reference:
 * - `values`: the exact result (Decimal, at 60 digits) in row-major order with its shape, and the
 *   absolute tolerance a careful double implementation meets, per component or for the whole
 *   result in Frobenius norm (`norm`), with the condition figure it came from;
 * - `invalid`: the input is outside the function's domain: an error or NaN is expected, a finite
 *   answer is a silent wrong answer.
 */
export type Expected =
  | { kind: 'values'; shape: Shape; dims: number[]; values: Decimal[]; tol: number[]; norm?: 'frobenius'; cond: number; signalOk?: Signal }
  /**
   * exactly singular input where the function is built on an inverse or a factorisation: a careful
   * implementation signals it (an error, NaN, or the infinity `signal.infinity`), or returns a
   * finite answer that `finite` accepts (one a backward-stable computation can produce)
   */
  | { kind: 'singular'; shape: Shape; dims: number[]; signal: Signal; finite: (got: Value) => Judgement }
  | { kind: 'invalid'; why: string; anyAnswer?: boolean }
  /** a custom check (rank_k_approx): an excess over the optimum, compared with its tolerance */
  | { kind: 'custom'; shape: Shape; cond: number; judge: (got: Value) => Judgement };

/**
 * A signal of (near) singularity: an error, NaN, or an infinity of the given sign ('any' for a
 * matrix result). `why` says why it is accepted.
 */
export interface Signal {
  why: string;
  infinity: 'any' | 1 | -1;
}

/** One generated input: the arguments by name, and its edge-case class. */
export interface Case {
  label: string;
  args: Args;
}

export type Verdict = 'agree' | 'inaccurate' | 'special' | 'invalid-accepted' | 'error-on-valid' | 'shape' | 'singular-unsignalled';

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
  /** restores the generator's invariants on a minimised witness (e.g. probability vectors renormalised) */
  tidy?: (args: Args) => Args;
  /** the reference answer, with tolerances from the format's unit roundoff (P.u) and underflow floor */
  expected: (args: Args, P: Precision) => Expected;
}

/** ulp of the number of the format nearest to x (doubles by default). */
export function ulpOf(x: number, P: Precision = FLOAT64): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return NaN;
  const tiniest = P.underflowFloor / 16, minNormal = tiniest / (2 * P.u);
  if (a < minNormal) return tiniest;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--; // log2 may round up just below a power of two
  else if (2 ** (e + 1) <= a) e++;
  return 2 ** e * 2 * P.u;
}

/** The double nearest to an exact value (±Infinity beyond the largest double). */
export const toDouble = (d: Decimal): number => d.toNumber();
