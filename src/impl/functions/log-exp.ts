import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { dec, invalid, num, R, scalar, sumD, tolerance, vec, vectorProblem } from './helpers.ts';
import { f32Limit, f32Logits, f32Tiny, infiniteLogits, logits, otherLength, probVector, renormalised, tagged, temperature, withNaN, withNegative, signed } from '../inputs.ts';
import type { Expected, FnSpec } from '../expected.ts';
import type { Precision } from '../precision.ts';
import type { Args } from '../protocol.ts';
import { gridReal } from '../../gen/reals.ts';

/** log(1 + s) for s ≥ 0 with relative accuracy: the series below 1e-10 (where 1 + s would drop s at 60 digits). */
function ln1p(s: Decimal): Decimal {
  if (s.greaterThanOrEqualTo('1e-10')) return R.log(s.plus(1));
  let term = s, acc = dec(0);
  for (let k = 1; k <= 6; k++, term = term.times(s)) acc = k % 2 ? acc.plus(term.div(k)) : acc.minus(term.div(k));
  return acc;
}

/**
 * log Σ exp(y_i) in the reference, as m + log1p(Σ_{i≠k} e^{y_i − m}) with y_k = m the largest, so a
 * dominant term keeps its tail (lse([0, −700]) = 9.86e-305, not 0); with the weights exp(y_i − lse).
 */
function lse(y: Decimal[]): { value: Decimal; m: Decimal; weights: number[] } {
  const k = y.reduce((best, b, i) => (b.greaterThan(y[best]) ? i : best), 0);
  const m = y[k];
  const e = y.map((v) => R.exp(v.minus(m)));
  const rest = sumD(e.filter((_, i) => i !== k));
  const s = rest.plus(1);
  return { value: m.plus(ln1p(rest)), m, weights: e.map((x) => x.div(s).toNumber()) };
}

function logsumexpExpected(a: Args, P: Precision): Expected {
  const x = vec(a, 'x');
  const bad = vectorProblem(x, 'x', { finite: false, nonEmpty: false });
  if (bad) return invalid(bad);
  if (x.length === 0 || x.every((v) => v === -Infinity)) return scalar(P, dec(-Infinity), 1, 0);
  if (x.includes(Infinity)) return scalar(P, dec(Infinity), 1, 0);
  const { value, m, weights } = lse(x.map(dec));
  const mm = Math.abs(m.toNumber());
  // ∂lse/∂x_i = s_i; forming x_i − max adds u·(|x_i| + |max|). No absolute term: near lse = 0
  // (a dominant term, [0, −40] → 4.25e-18) log1p keeps relative accuracy, log(1 + s) does not
  const cond = x.reduce((s, v, i) => (v === -Infinity ? s : s + weights[i] * (Math.abs(v) + mm)), 0) + Math.abs(value.toNumber());
  return scalar(P, value, x.length, cond);
}

function cgfExpected(a: Args, P: Precision): Expected {
  const x = vec(a, 'x'), p = vec(a, 'p'), lambda = num(a, 'lambda');
  const bad = vectorProblem(x, 'x') ?? vectorProblem(p, 'p', { nonnegative: true }) ?? (Number.isFinite(lambda) ? null : `lambda is ${lambda}`);
  if (bad) return invalid(bad);
  if (x.length !== p.length) return invalid(`x has ${x.length} entries, p ${p.length}`);
  if (p.every((v) => v === 0)) return invalid('p is all zero');
  const atoms = p.flatMap((w, i) => (w > 0 ? [i] : []));
  const { value, m, weights } = lse(atoms.map((i) => R.log(dec(p[i])).plus(dec(lambda).times(dec(x[i])))));
  const cond = atoms.reduce((s, i, k) => s + weights[k] * (2 * Math.abs(lambda * x[i]) + 2), 0) + 2 * Math.abs(m.toNumber()) + 1;
  return scalar(P, value, x.length, cond);
}

/** softmax of (z_i − max)/T, with per-component tolerances relative to each s_i. */
function softmaxOf(P: Precision, z: number[], T: number): Expected {
  const live = z.flatMap((v, i) => (v === -Infinity ? [] : [i]));
  const y = live.map((i) => dec(z[i]).div(dec(T)));
  const { m, weights } = lse(y);
  const e = y.map((v) => R.exp(v.minus(m)));
  const s = sumD(e);
  const values = z.map(() => dec(0));
  live.forEach((i, k) => (values[i] = e[k].div(s)));
  const mz = Math.abs(m.toNumber() * T);
  const spread = live.reduce((acc, i, k) => acc + weights[k] * Math.abs(z[i]), 0);
  const conds = z.map((v) => (v === -Infinity ? 0 : (Math.abs(v) + 2 * mz + spread) / T + 2));
  const tol = values.map((v, i) => tolerance(P, z.length, v.toNumber() * conds[i]));
  return { kind: 'values', shape: 'vector', dims: [z.length], values, tol, cond: Math.max(...conds) };
}

function softmaxExpected(a: Args, P: Precision): Expected {
  const z = vec(a, 'z'), T = num(a, 'temperature');
  const bad = vectorProblem(z, 'z', { finite: false }) ?? (Number.isFinite(T) && T > 0 ? null : `temperature ${T} is not positive and finite`);
  if (bad) return invalid(bad);
  if (z.includes(Infinity)) return invalid('z has +∞ (∞/∞)');
  if (z.every((v) => v === -Infinity)) return invalid('every logit is −∞ (0/0)');
  return softmaxOf(P, z, T);
}

function powerExpected(a: Args, P: Precision): Expected {
  const p = vec(a, 'p'), T = num(a, 'temperature');
  const bad = vectorProblem(p, 'p', { nonnegative: true }) ?? (Number.isFinite(T) && T > 0 ? null : `temperature ${T} is not positive and finite`);
  if (bad) return invalid(bad);
  if (p.every((v) => v === 0)) return invalid('p is all zero');
  // p_i^{1/T}/Σ p_j^{1/T} = softmax(log p / T); log p_i is exact in the reference
  return softmaxOfLogs(P, p, T);
}

function softmaxOfLogs(P: Precision, p: number[], T: number): Expected {
  const logs = p.map((v) => (v === 0 ? -Infinity : Math.log(v)));
  const exact = p.map((v) => (v === 0 ? null : R.log(dec(v))));
  const live = p.flatMap((v, i) => (v === 0 ? [] : [i]));
  const y = live.map((i) => exact[i]!.div(dec(T)));
  const { m, weights } = lse(y);
  const e = y.map((v) => R.exp(v.minus(m)));
  const s = sumD(e);
  const values = p.map(() => dec(0));
  live.forEach((i, k) => (values[i] = e[k].div(s)));
  const mz = Math.abs(m.toNumber() * T);
  const spread = live.reduce((acc, i, k) => acc + weights[k] * Math.abs(logs[i]), 0);
  const conds = p.map((v, i) => (v === 0 ? 0 : (Math.abs(logs[i]) + 2 * mz + spread) / T + 2));
  return { kind: 'values', shape: 'vector', dims: [p.length], values, tol: values.map((v, i) => tolerance(P, p.length, v.toNumber() * conds[i])), cond: Math.max(...conds) };
}

/** [0, −d, …] in any order: lse = log1p(Σ e^{−d}) ≈ e^{−d}, lost entirely by log(1 + Σ). */
const dominantTerm = fc
  .tuple(fc.array(fc.oneof(gridReal(5, 100, 2), gridReal(100, 740, 1)), { minLength: 1, maxLength: 3 }), fc.nat())
  .map(([ds, k]) => {
    const x = ds.map((d) => -d);
    x.splice(k % (x.length + 1), 0, 0);
    return { x };
  });

export const logsumexp: FnSpec = {
  name: 'logsumexp',
  shape: 'scalar',
  policy: '4(n+2)·u·(Σ s_i(|x_i| + |max x|) + |lse|), s = softmax(x): the perturbation of the inputs by u, the shift by the maximum, and the final rounding; relative near lse = 0 (a dominant term: m + log1p(Σ_{i≠max} e^{x_i−m}))',
  specials: 'empty x or all −∞: −∞; any +∞: +∞; −∞ entries contribute 0; no overflow for huge logits (1e308 + log n is finite); invalid: a NaN',
  cases: fc.oneof(
    { weight: 10, arbitrary: logits(0).map(({ kind, x }) => ({ label: x.length === 0 ? 'x:empty' : `x:${kind}`, args: { x } })) },
    { weight: 2, arbitrary: tagged('x:dominant-term', dominantTerm) },
    { weight: 2, arbitrary: infiniteLogits.map(({ kind, x }) => ({ label: `x:${kind}`, args: { x } })) },
    { weight: 1, arbitrary: tagged('x:float32-limits', f32Logits.map((x) => ({ x }))) },
    { weight: 1, arbitrary: tagged('x:+inf', logits(1).map(({ x }) => ({ x: [...x, Infinity] }))) },
    { weight: 1, arbitrary: tagged('invalid:nan', logits(1).map(({ x }) => withNaN({ x }, 'x'))) },
  ),
  expected: logsumexpExpected,
};

export const cgf: FnSpec = {
  tidy: renormalised(['p']),
  name: 'cgf',
  shape: 'scalar',
  policy: '4(n+2)·u·(Σ w_i(2|λx_i| + 2) + 2|max| + 1), w the tilted weights p_i e^{λx_i}/Σ',
  specials: 'atoms with p_i = 0 are ignored; invalid: NaN or ±∞ entries, negative or all-zero p, unequal lengths, non-finite λ',
  cases: fc.oneof(
    {
      weight: 10,
      arbitrary: fc.integer({ min: 1, max: 16 }).chain((n) =>
        fc.record({ w: probVector(n), x: fc.array(fc.oneof(gridReal(-10, 10, 3), signed), { minLength: n, maxLength: n }), lambda: fc.oneof(gridReal(-5, 5, 3), signed) }).map(({ w, x, lambda }) => ({ label: `p:${w.kind}`, args: { x, p: w.p, lambda } })),
      ),
    },
    { weight: 1, arbitrary: tagged('invalid:nan', fc.integer({ min: 1, max: 5 }).chain(probVector).map(({ p }) => withNaN({ x: p.map((_, i) => i), p, lambda: 1 }, 'x'))) },
    { weight: 1, arbitrary: tagged('invalid:longer-x', fc.integer({ min: 1, max: 5 }).chain(probVector).map(({ p }) => ({ x: otherLength(p.map((_, i) => i), true), p, lambda: 1 }))) },
    { weight: 1, arbitrary: tagged('invalid:longer-p', fc.integer({ min: 1, max: 5 }).chain(probVector).map(({ p }) => ({ x: p.map((_, i) => i), p: otherLength(p, true), lambda: 1 }))) },
    { weight: 1, arbitrary: tagged('invalid:negative-p', fc.integer({ min: 2, max: 5 }).chain(probVector).map(({ p }) => ({ x: p.map((_, i) => i), p: withNegative(p), lambda: 1 }))) },
    { weight: 1, arbitrary: tagged('x:float32-limits', fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({ w: probVector(n), x: fc.array(fc.oneof(gridReal(-5, 5, 2), f32Limit), { minLength: n, maxLength: n }), lambda: fc.constantFrom(1, -1, 2) })).map(({ w, x, lambda }) => ({ x, p: w.p, lambda }))) },
  ),
  expected: cgfExpected,
};

export const softmax: FnSpec = {
  name: 'softmax',
  shape: 'vector',
  policy: 'per component 4(n+2)·u·s_i·((|z_i| + 2|max z| + Σ s_j|z_j|)/T + 2), plus a subnormal floor: relative accuracy in every component, tiny ones included',
  specials: '−∞ logits give 0; no NaN or overflow for huge logits; invalid: T ≤ 0 or non-finite, a NaN or +∞ logit, all logits −∞, empty z',
  cases: fc.oneof(
    { weight: 10, arbitrary: fc.record({ l: logits(1), T: temperature }).map(({ l, T }) => ({ label: `z:${l.kind}${l.x.every((v) => v === -Infinity) ? '(all −∞)' : ''}`, args: { z: l.x, temperature: T } })) },
    { weight: 1, arbitrary: tagged('invalid:temperature', fc.record({ l: logits(1), T: fc.constantFrom(0, -1, NaN, Infinity) }).map(({ l, T }) => ({ z: l.x, temperature: T }))) },
    { weight: 2, arbitrary: fc.record({ l: infiniteLogits, T: temperature }).map(({ l, T }) => ({ label: `z:${l.kind}`, args: { z: l.x, temperature: T } })) },
    { weight: 1, arbitrary: tagged('z:float32-limits', fc.record({ z: f32Logits, T: fc.constantFrom(1, 0.5, 2) }).map(({ z, T }) => ({ z, temperature: T }))) },
  ),
  expected: softmaxExpected,
};

export const powerSoften: FnSpec = {
  tidy: renormalised(['p']),
  name: 'power_soften',
  shape: 'vector',
  policy: 'as softmax with z = log p: per component 4(n+2)·u·s_i·((|log p_i| + 2|max log p| + Σ s_j|log p_j|)/T + 2)',
  specials: 'p_i = 0 stays 0; invalid: T ≤ 0 or non-finite, NaN, ±∞ or negative entries, all-zero or empty p',
  cases: fc.oneof(
    { weight: 10, arbitrary: fc.record({ w: fc.integer({ min: 1, max: 20 }).chain(probVector), T: temperature }).map(({ w, T }) => ({ label: `p:${w.kind}`, args: { p: w.p, temperature: T } })) },
    { weight: 1, arbitrary: tagged('invalid:temperature', fc.record({ w: fc.integer({ min: 1, max: 5 }).chain(probVector), T: fc.constantFrom(0, -2, NaN) }).map(({ w, T }) => ({ p: w.p, temperature: T }))) },
    { weight: 1, arbitrary: tagged('invalid:negative-p', fc.record({ w: fc.integer({ min: 2, max: 5 }).chain(probVector), T: temperature }).map(({ w, T }) => ({ p: withNegative(w.p), temperature: T }))) },
    { weight: 1, arbitrary: tagged('p:float32-limits', fc.record({ tiny: fc.array(f32Tiny, { minLength: 1, maxLength: 3 }), T: fc.constantFrom(0.01, 0.1, 1, 10) }).map(({ tiny, T }) => ({ p: [...tiny, 1], temperature: T }))) },
  ),
  expected: powerExpected,
};
