import { Decimal } from 'decimal.js';
import { exactDecimalString } from '../numerics/exact.ts';
import { ulpOf, type Expected, type Judgement, type Signal } from './expected.ts';
import type { Value } from './protocol.ts';
import { DEFAULT_PROFILE, type Profile } from './precision.ts';

const D = Decimal.clone({ precision: 60 });

export const judgement = (verdict: Judgement['verdict'], detail: string, e: Partial<Judgement> = {}): Judgement => ({ verdict, absError: null, relError: null, ulps: null, tol: null, detail, ...e });

const flat = (v: Value): number[] => (typeof v === 'number' ? [v] : (v as unknown[]).flat() as number[]);
const dimsOf = (v: Value): number[] => (typeof v === 'number' ? [] : Array.isArray(v[0]) ? [v.length, ...(v as number[][]).map((r) => r.length)] : [v.length]);

/** Whether a result has the expected dimensions (a matrix: rows, then each row's length). */
function sameDims(got: Value, dims: number[], shape: Expected & { kind: 'values' | 'singular' }): boolean {
  const g = dimsOf(got);
  if (shape.shape === 'matrix') return g.length === dims[0] + 1 && g[0] === dims[0] && g.slice(1).every((c) => c === dims[1]);
  return JSON.stringify(g) === JSON.stringify(dims);
}

/** How an answer signals singularity (an error, NaN, an infinity of the accepted sign), or null. */
function signalled(signal: Signal, got: { value: Value } | { error: string }): string | null {
  if ('error' in got) return 'signalled with an error';
  const g = flat(got.value);
  if (g.some(Number.isNaN)) return 'signalled with NaN';
  const inf = g.filter((x) => !Number.isFinite(x));
  if (inf.length && (signal.infinity === 'any' || inf.every((x) => Math.sign(x) === signal.infinity))) return `signalled with ${inf[0]}`;
  return null;
}

/**
 * The implementation's answer for an input, against what the reference expects, in the profile's
 * format (the exact value rounded to it) and validation.
 */
export function judge(expected: Expected, got: { value: Value } | { error: string }, profile: Profile = DEFAULT_PROFILE): Judgement {
  if (expected.kind === 'invalid') {
    if (expected.anyAnswer) return judgement('agree', `${expected.why}: no answer is judged`);
    if (profile.validation === 'lenient') return judgement('agree', `invalid input (${expected.why}): not judged (--validation lenient)`);
    if ('error' in got) return judgement('agree', `invalid input (${expected.why}) rejected with an error`);
    if (flat(got.value).some(Number.isNaN)) return judgement('agree', `invalid input (${expected.why}) answered with NaN`);
    if (!flat(got.value).every(Number.isFinite)) return judgement('agree', `invalid input (${expected.why}) answered with a non-finite value`);
    return judgement('invalid-accepted', `invalid input (${expected.why}) answered with a finite value: a silent wrong answer`);
  }
  if (expected.kind === 'singular' || (expected.kind === 'values' && expected.signalOk)) {
    const signal = expected.kind === 'singular' ? expected.signal : expected.signalOk!;
    const s = signalled(signal, got);
    if (s) return judgement('agree', `${signal.why}: ${s}`);
  }
  if ('error' in got) return judgement('error-on-valid', `an error on valid input: ${got.error.slice(0, 200)}`);
  if (expected.kind === 'custom') return expected.judge(got.value);
  if (expected.kind === 'singular') {
    if (!sameDims(got.value, expected.dims, expected)) return judgement('shape', `expected dimensions ${JSON.stringify(expected.dims)}, got ${JSON.stringify(dimsOf(got.value))}`);
    if (!flat(got.value).every(Number.isFinite)) return judgement('special', `${expected.signal.why}: an infinity of the wrong sign, ${JSON.stringify(flat(got.value).filter((x) => !Number.isFinite(x)).map(String))}`);
    return expected.finite(got.value);
  }
  if (!sameDims(got.value, expected.dims, expected)) return judgement('shape', `expected dimensions ${JSON.stringify(expected.dims)}, got ${JSON.stringify(dimsOf(got.value))}`);
  const g = flat(got.value);
  // special values first: an infinite exact result (or one beyond the format) must be matched exactly
  for (let i = 0; i < g.length; i++) {
    const exact = profile.precision.round(expected.values[i].toNumber());
    if (!Number.isFinite(exact) && g[i] !== exact) return judgement('special', `component ${i}: expected ${exact}, got ${g[i]}`);
    if (Number.isFinite(exact) && !Number.isFinite(g[i])) return judgement('special', `component ${i}: expected ${exact}, got ${g[i]}`);
  }
  const errors = g.map((x, i) => (Number.isFinite(x) && expected.values[i].isFinite() ? new D(exactDecimalString(x)).minus(expected.values[i]).abs() : new D(0)));
  if (expected.norm === 'frobenius') {
    const err = errors.reduce((s, e) => s.plus(e.times(e)), new D(0)).sqrt().toNumber();
    const size = expected.values.reduce((s, e) => (e.isFinite() ? s.plus(e.times(e)) : s), new D(0)).sqrt().toNumber();
    const tol = expected.tol[0];
    const stats = { absError: err, relError: size > 0 ? err / size : null, ulps: null, tol };
    return err <= tol ? judgement('agree', 'within tolerance (Frobenius norm)', stats) : judgement('inaccurate', `‖got − exact‖_F = ${err.toPrecision(3)} > tolerance ${tol.toPrecision(3)} (‖exact‖_F = ${size.toPrecision(3)})`, stats);
  }
  // componentwise: report the component with the largest error / tolerance
  let worst = 0, ratio = -1;
  errors.forEach((e, i) => {
    const r = e.toNumber() / expected.tol[i];
    if (r > ratio) [worst, ratio] = [i, r];
  });
  const exact = expected.values[worst].toNumber();
  const abs = errors[worst].toNumber();
  const stats = { absError: abs, relError: exact !== 0 ? abs / Math.abs(exact) : null, ulps: Number.isFinite(exact) ? abs / ulpOf(exact, profile.precision) : null, tol: expected.tol[worst] };
  if (ratio <= 1) return judgement('agree', 'within tolerance', stats);
  return judgement('inaccurate', `component ${worst}: got ${g[worst]}, exact ${expected.values[worst].toPrecision(20)}, error ${abs.toPrecision(3)} (${stats.ulps?.toPrecision(3)} ulps) > tolerance ${expected.tol[worst].toPrecision(3)}`, stats);
}
