import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { invalid, R, scalar, sumD, vec, vectorProblem, dec } from './helpers.ts';
import { f32Tiny, otherLength, probPair, probVector, ratioOverflowPair, renormalised, tagged, withNaN, withNegative } from '../inputs.ts';
import type { Expected, FnSpec } from '../expected.ts';
import type { Precision } from '../precision.ts';
import type { Args } from '../protocol.ts';

const ln = (x: number): Decimal => R.log(dec(x));

function klExpected(a: Args, P: Precision): Expected {
  const p = vec(a, 'p'), q = vec(a, 'q');
  const bad = vectorProblem(p, 'p', { nonnegative: true }) ?? vectorProblem(q, 'q', { nonnegative: true });
  if (bad) return invalid(bad);
  if (p.length !== q.length) return invalid(`p has ${p.length} entries, q ${q.length}`);
  if (!p.some((x) => x > 0) || !q.some((x) => x > 0)) return invalid('p or q is all zero (not a distribution)');
  if (p.some((x, i) => x > 0 && q[i] === 0)) return scalar(P, dec(Infinity), p.length, 0);
  const terms = p.flatMap((x, i) => (x > 0 ? [dec(x).times(ln(x).minus(ln(q[i])))] : []));
  // each term p_i·log(p_i/q_i) is computed with relative error ~u, and log(p_i/q_i) near 0 with absolute error ~u
  const cond = p.reduce((s, x, i) => (x > 0 ? s + x * (Math.abs(Math.log(x / q[i])) + 2) : s), 0);
  return scalar(P, sumD(terms), p.length, cond);
}

function entropyExpected(a: Args, P: Precision): Expected {
  const p = vec(a, 'p');
  const bad = vectorProblem(p, 'p', { nonnegative: true });
  if (bad) return invalid(bad);
  if (!p.some((x) => x > 0)) return invalid('p is all zero');
  const terms = p.flatMap((x) => (x > 0 ? [dec(x).times(ln(x)).neg()] : []));
  return scalar(P, sumD(terms), p.length, p.reduce((s, x) => (x > 0 ? s + x * (Math.abs(Math.log(x)) + 2) : s), 0));
}

export const klDiscrete: FnSpec = {
  tidy: renormalised(['p', 'q']),
  name: 'kl_discrete',
  shape: 'scalar',
  policy: '4(n+2)·u·Σ_{p_i>0} p_i(|log(p_i/q_i)| + 2): each term carries relative error ~u and log(p_i/q_i) absolute error ~u; a renormalising implementation stays inside it',
  specials: '+∞ when some q_i = 0 < p_i; atoms with p_i = 0 contribute 0 (0·log 0 = 0); finite when p_i/q_i overflows (q_i subnormal); invalid (error or NaN expected): NaN, ±∞ or negative entries, all-zero p or q, empty or unequal lengths',
  cases: fc.oneof(
    { weight: 12, arbitrary: probPair.map(({ kind, p, q }) => ({ label: `pair:${kind.includes('/') ? 'random' : kind}`, args: { p, q } })) },
    { weight: 1, arbitrary: tagged('invalid:nan', probPair.map(({ p, q }) => withNaN({ p, q }, 'q'))) },
    { weight: 1, arbitrary: tagged('invalid:longer-p', probPair.map(({ p, q }) => ({ p: otherLength(p, true), q }))) },
    { weight: 1, arbitrary: tagged('invalid:longer-q', probPair.map(({ p, q }) => ({ p, q: otherLength(q, true) }))) },
    { weight: 1, arbitrary: tagged('invalid:negative-p', probPair.map(({ p, q }) => ({ p: withNegative(p), q }))) },
    { weight: 1, arbitrary: tagged('invalid:negative-q', probPair.map(({ p, q }) => ({ p, q: withNegative(q) }))) },
    { weight: 2, arbitrary: tagged('pair:ratio-overflow', ratioOverflowPair) },
  ),
  expected: klExpected,
};

export const entropy: FnSpec = {
  tidy: renormalised(['p']),
  name: 'entropy',
  shape: 'scalar',
  policy: '4(n+2)·u·Σ_{p_i>0} p_i(|log p_i| + 2)',
  specials: 'atoms with p_i = 0 contribute 0; invalid: NaN, ±∞ or negative entries, empty p',
  cases: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 1, max: 40 }).chain(probVector).map(({ kind, p }) => ({ label: `p:${kind}`, args: { p } })) },
    { weight: 1, arbitrary: tagged('invalid:negative', fc.integer({ min: 2, max: 6 }).chain(probVector).map(({ p }) => ({ p: p.map((x, i) => (i === 0 ? -0.25 : x)) }))) },
    { weight: 1, arbitrary: tagged('p:float32-limits', fc.tuple(fc.array(f32Tiny, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 })).map(([tiny, big]) => ({ p: [...tiny, ...Array<number>(big).fill(1 / big)] }))) },
  ),
  expected: entropyExpected,
};
