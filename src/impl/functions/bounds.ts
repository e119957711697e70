import fc from 'fast-check';
import { dec, invalid, num, R, scalar, sumD, vec, vectorProblem } from './helpers.ts';
import { magnitude, signed, tagged } from '../inputs.ts';
import { logReal } from '../../gen/reals.ts';
import { FLOAT32 } from '../precision.ts';

const F32_MAX = FLOAT32.max, F32_TINY = Math.fround(1.401298464324817e-45);
import type { Expected, FnSpec } from '../expected.ts';
import type { Precision } from '../precision.ts';
import type { Args } from '../protocol.ts';

const finite = (a: Args, keys: string[]): string | null => {
  for (const k of keys) if (!Number.isFinite(num(a, k))) return `${k} is ${num(a, k)}`;
  return null;
};

function upperExpected(a: Args, P: Precision): Expected {
  const bad = finite(a, ['gen_t', 'sigma', 'kn']) ?? (num(a, 'sigma') < 0 ? 'sigma is negative' : num(a, 'kn') < 0 ? 'kn is negative' : null);
  if (bad) return invalid(bad);
  const g = num(a, 'gen_t'), s = num(a, 'sigma'), kn = num(a, 'kn');
  const tail = dec(s).times(R.sqrt(dec(2).times(dec(kn))));
  return scalar(P, dec(g).plus(tail), 2, Math.abs(g) + 2 * Math.abs(tail.toNumber()));
}

function lowerExpected(a: Args, P: Precision): Expected {
  const bad = finite(a, ['gen_t', 'c', 'eta', 'kn']) ?? (num(a, 'eta') <= 0 ? 'eta is not positive' : num(a, 'kn') < 0 ? 'kn is negative' : null);
  if (bad) return invalid(bad);
  const p = dec(num(a, 'c')).times(dec(num(a, 'gen_t'))), q = dec(num(a, 'kn')).div(dec(num(a, 'eta')));
  return scalar(P, p.minus(q), 2, Math.abs(p.toNumber()) + Math.abs(q.toNumber()));
}

function mcdiarmidExpected(a: Args, P: Precision): Expected {
  const c = vec(a, 'c');
  const bad = vectorProblem(c, 'c');
  if (bad) return invalid(bad);
  const value = sumD(c.map((x) => dec(x).times(dec(x)))).sqrt().div(2);
  return scalar(P, value, c.length, 2 * Math.abs(value.toNumber()));
}

function hoeffdingExpected(a: Args, P: Precision): Expected {
  const bad = finite(a, ['a', 'b']) ?? (num(a, 'a') > num(a, 'b') ? 'a > b' : null);
  if (bad) return invalid(bad);
  const value = dec(num(a, 'b')).minus(dec(num(a, 'a'))).div(2);
  return scalar(P, value, 1, Math.abs(value.toNumber()));
}

const nonnegative = fc.oneof({ weight: 4, arbitrary: logReal(-3, 3) }, { weight: 1, arbitrary: magnitude });

export const kdUpperBound: FnSpec = {
  name: 'kd_upper_bound',
  shape: 'scalar',
  policy: '16·u·(|gen_t| + 2σ√(2kn)): a handful of correctly rounded operations',
  specials: 'invalid: σ < 0, kn < 0, NaN or ±∞ arguments',
  cases: fc.oneof(
    { weight: 10, arbitrary: fc.record({ gen_t: signed, sigma: nonnegative, kn: nonnegative }).map((args) => ({ label: args.kn === 0 ? 'kn:0' : 'general', args })) },
    { weight: 1, arbitrary: tagged('invalid:negative-kn', fc.record({ gen_t: signed, sigma: nonnegative, kn: fc.constant(-1) })) },
    { weight: 1, arbitrary: tagged('float32-limits', fc.record({ gen_t: fc.constantFrom(F32_MAX, -F32_MAX, 1), sigma: fc.constantFrom(F32_MAX, 2 ** 64, 1), kn: fc.constantFrom(F32_MAX, 1, 0.5) })) },
  ),
  expected: upperExpected,
};

export const kdLowerBound: FnSpec = {
  name: 'kd_lower_bound',
  shape: 'scalar',
  policy: '16·u·(|c·gen_t| + |kn/η|)',
  specials: 'invalid: η ≤ 0, kn < 0, NaN or ±∞ arguments',
  cases: fc.oneof(
    { weight: 10, arbitrary: fc.record({ gen_t: signed, c: nonnegative, eta: logReal(-3, 3), kn: nonnegative }).map((args) => ({ label: 'general', args })) },
    { weight: 1, arbitrary: tagged('invalid:eta', fc.record({ gen_t: signed, c: nonnegative, eta: fc.constantFrom(0, -1), kn: nonnegative })) },
    { weight: 1, arbitrary: tagged('float32-limits', fc.record({ gen_t: fc.constantFrom(F32_MAX, -F32_MAX), c: fc.constantFrom(2, 0.5), eta: fc.constantFrom(F32_TINY, 1), kn: fc.constantFrom(F32_MAX, 1) })) },
  ),
  expected: lowerExpected,
};

export const mcdiarmidSigma: FnSpec = {
  name: 'mcdiarmid_sigma',
  shape: 'scalar',
  policy: '8(n+2)·u·√(Σc_i²)/2: relative accuracy, with no over- or underflow of c_i² (1e±200 constants)',
  specials: 'invalid: NaN or ±∞ entries, empty c',
  cases: fc.oneof(
    { weight: 8, arbitrary: fc.array(nonnegative, { minLength: 1, maxLength: 30 }).map((c) => ({ label: 'general', args: { c } })) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.constantFrom(1e200, 1e-200, 1e154, 1e-160)).map(([n, v]) => ({ label: 'extreme-magnitude', args: { c: Array(n).fill(v) } })) },
    { weight: 1, arbitrary: tagged('invalid:nan', fc.constant({ c: [1, NaN] })) },
    { weight: 1, arbitrary: tagged('float32-limits', fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(2 ** 64, F32_MAX, 1e-23, F32_TINY)).map(([n, v]) => ({ c: Array<number>(n).fill(Math.fround(v)) }))) },
  ),
  expected: mcdiarmidExpected,
};

export const hoeffdingSigma: FnSpec = {
  name: 'hoeffding_sigma',
  shape: 'scalar',
  policy: '12·u·(b − a)/2: relative accuracy, with no overflow of b − a',
  specials: 'invalid: a > b, NaN or ±∞ arguments',
  cases: fc.oneof(
    { weight: 8, arbitrary: fc.tuple(signed, signed).map(([x, y]) => ({ label: 'general', args: { a: Math.min(x, y), b: Math.max(x, y) } })) },
    { weight: 2, arbitrary: fc.constantFrom(1e308, 1.7e308, 1e300).map((v) => ({ label: 'extreme-range', args: { a: -v, b: v } })) },
    { weight: 1, arbitrary: tagged('invalid:reversed', fc.constant({ a: 1, b: 0 })) },
    { weight: 1, arbitrary: tagged('float32-limits', fc.constantFrom({ a: -F32_MAX, b: F32_MAX }, { a: -F32_MAX / 2, b: F32_MAX }, { a: 0, b: F32_MAX })) },
  ),
  expected: hoeffdingExpected,
};
