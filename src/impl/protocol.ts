/**
 * The check-impl protocol: function names, their arguments in order, and the wire encoding.
 * Every number on the wire is a string (a decimal literal, "NaN", "Infinity" or "-Infinity");
 * JavaScript's shortest round-trip formatting makes every double survive the trip exactly.
 */
export type Value = number | number[] | number[][];
export type Wire = string | string[] | string[][];

export const FUNCTIONS = {
  kl_discrete: ['p', 'q'],
  entropy: ['p'],
  logsumexp: ['x'],
  cgf: ['x', 'p', 'lambda'],
  softmax: ['z', 'temperature'],
  power_soften: ['p', 'temperature'],
  kl_gaussian: ['mu1', 'cov1', 'mu2', 'cov2'],
  logdet: ['a'],
  inverse: ['a'],
  singular_values: ['a'],
  rank_k_approx: ['a', 'k'],
  kd_upper_bound: ['gen_t', 'sigma', 'kn'],
  kd_lower_bound: ['gen_t', 'c', 'eta', 'kn'],
  mcdiarmid_sigma: ['c'],
  hoeffding_sigma: ['a', 'b'],
  log_softmax: ['z', 'temperature'],
  kd_loss: ['student_logits', 'teacher_logits', 'temperature', 'reduction'],
  soft_cross_entropy: ['logits', 'target_probs'],
  js_divergence: ['p', 'q'],
} as const satisfies Record<string, readonly string[]>;

/** A function of the check-impl protocol (kl_discrete, entropy, …, hoeffding_sigma). */
export type FnName = keyof typeof FUNCTIONS;
export const FN_NAMES = Object.keys(FUNCTIONS) as FnName[];
export const isFnName = (s: string): s is FnName => Object.hasOwn(FUNCTIONS, s);

/** An argument: numbers, or a word (kd_loss's `reduction`), which travels as itself. */
export type Arg = Value | string;
/** Arguments by name, as the protocol sends them. */
export type Args = Record<string, Arg>;

export function encodeNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return Object.is(x, -0) ? '-0' : String(x);
}

export function encode(v: Arg): Wire {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return encodeNumber(v);
  return (v as unknown[]).map((x) => encode(x as Value)) as Wire;
}

export class WireError extends Error {
  override name = 'WireError';
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number from the wire: a decimal literal or a special spelling; anything else is a WireError. */
export function decodeNumber(s: unknown): number {
  if (typeof s !== 'string') throw new WireError(`expected a number as a string, got ${JSON.stringify(s)?.slice(0, 60)}`);
  if (s === 'NaN') return NaN;
  if (s === 'Infinity' || s === '+Infinity') return Infinity;
  if (s === '-Infinity') return -Infinity;
  if (!DECIMAL.test(s.trim())) throw new WireError(`not a decimal literal: ${JSON.stringify(s.slice(0, 60))}`);
  return Number(s);
}

/** A result from the wire, in the shape expected: scalar, vector or matrix. */
export function decode(w: unknown, shape: Shape): Value {
  if (shape === 'scalar') return decodeNumber(w);
  if (!Array.isArray(w)) throw new WireError(`expected ${shape === 'vector' ? 'a vector' : 'a matrix'} (an array), got ${JSON.stringify(w)?.slice(0, 60)}`);
  if (shape === 'vector') return w.map(decodeNumber);
  return w.map((row) => {
    if (!Array.isArray(row)) throw new WireError(`expected a matrix row (an array), got ${JSON.stringify(row)?.slice(0, 60)}`);
    return row.map(decodeNumber);
  });
}

export type Shape = 'scalar' | 'vector' | 'matrix';

/** A module adapter's result, checked to be of the expected shape (plain numbers only). */
export function checkShape(v: unknown, shape: Shape): Value {
  const num = (x: unknown) => {
    if (typeof x !== 'number') throw new WireError(`expected a number, got ${typeof x === 'string' ? JSON.stringify(x.slice(0, 60)) : typeof x}`);
    return x;
  };
  if (shape === 'scalar') return num(v);
  if (!Array.isArray(v)) throw new WireError(`expected ${shape === 'vector' ? 'a vector' : 'a matrix'} (an array), got ${typeof v}`);
  if (shape === 'vector') return v.map(num);
  return v.map((row) => {
    if (!Array.isArray(row)) throw new WireError(`expected a matrix row (an array), got ${typeof row}`);
    return row.map(num);
  });
}
