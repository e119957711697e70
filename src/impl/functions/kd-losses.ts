import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { decimalField } from '../../numerics/decimal-field.ts';
import { doublesKey, memoByKey } from '../../engine/memo.ts';
import { dec, invalid, mat, num, R, sumD, tolerance, vec, vectorProblem } from './helpers.ts';
import { probPair, tagged, withNaN } from '../inputs.ts';
import { kdBatchSize, kdClassCount, kdTemperature, logitBatch, logitPair, probRows, wideRow } from '../kd-inputs.ts';
import type { Expected, FnSpec } from '../expected.ts';
import type { Args, Shape } from '../protocol.ts';
import type { Precision } from '../precision.ts';

/**
 * The distillation losses practitioners train with, as check-impl functions: log_softmax(z, T),
 * Hinton's kd_loss (per row T²·KL(softmax(t/T) ‖ softmax(s/T)), reduced over the batch),
 * soft_cross_entropy (per row −Σ p log softmax(z), mean over rows) and js_divergence. References in
 * Decimal at 60 digits on the exact inputs; tolerances 4(n + 2)·u·cond from the condition figure of
 * each result, so they scale with the unit roundoff u of the precision judged.
 */

/** log softmax(z/T) of one row in the reference, with p = softmax(z/T) and each component's condition figure. */
interface LogSoftmaxRow {
  /** log p_i; null for a −∞ logit (p_i = 0) */
  logp: (Decimal | null)[];
  p: Decimal[];
  /** condition figure of log p_i (0 for a −∞ logit) */
  cond: number[];
}

/**
 * The condition figure of log p_i: κ_i = |y_i|(1 − p_i) + Σ_{j≠i} p_j|y_j| is what rounding y = z/T
 * forces (∂ log p_i/∂y_j = δ_ij − p_j); |y_i − max y| and |log p_i| are the shifted logit and the
 * result, and log C + 2 the logarithm of the sum. Subtracting log-sum-exp as a whole (y − lse(y))
 * loses u·|max y| more, which a careful implementation does not.
 */
function computeLogSoftmaxRow(z: number[], T: number): LogSoftmaxRow {
  // z_i·(1/T): one rounding at 60 digits either way, and a product costs less than a quotient (10⁴-class rows)
  const invT = dec(1).div(dec(T));
  const y = z.map((v) => (v === -Infinity ? null : dec(v).times(invT)));
  const live = y.filter((v): v is Decimal => v !== null);
  const m = live.reduce((a, b) => (b.greaterThan(a) ? b : a));
  // a term below e^-160 (1e-69) changes neither the sum nor any KL term at 60 digits: skipped (wide rows at small T)
  const e = y.map((v) => (v === null ? dec(0) : v.minus(m).lessThan(-160) ? dec(0) : R.exp(v.minus(m))));
  const s = sumD(e);
  const invS = dec(1).div(s);
  const logS = R.log(s);
  const logp = y.map((v) => (v === null ? null : v.minus(m).minus(logS)));
  const p = e.map((x) => x.times(invS));
  const pNum = p.map((x) => x.toNumber());
  const yAbs = y.map((v) => (v === null ? 0 : v.abs().toNumber()));
  const weighted = pNum.reduce((acc, x, j) => acc + x * yAbs[j], 0);
  const lnC = Math.log(live.length);
  const cond = y.map((v, i) => {
    if (v === null) return 0;
    const rest = pNum[i] > 0.5 ? s.minus(e[i]).times(invS).toNumber() : 1 - pNum[i]; // 1 − p_i, without cancellation
    const kappa = yAbs[i] * rest + Math.max(0, weighted - pNum[i] * yAbs[i]);
    return kappa + v.minus(m).abs().toNumber() + Math.abs(logp[i]!.toNumber()) + lnC + 2;
  });
  return { logp, p, cond };
}

/**
 * Memoised (the result is never mutated): a kd_loss batch evaluates its teacher rows again for
 * every student a shrinking step tries, and both rows again as a minimisation step revisits them,
 * so one disagreement's shrinking asks for the same rows about five times over.
 */
const logSoftmaxRow = memoByKey(computeLogSoftmaxRow, (z, T) => `${T}|${doublesKey(z)}`, 200_000, (z) => z.length + 1);

const REDUCTIONS = ['batchmean', 'sum', 'none'] as const;
const R100 = decimalField(100);

/** The first problem with a batch of logits (rows = examples), or null. */
function logitsProblem(z: number[][], name: string): string | null {
  if (!Array.isArray(z) || z.length === 0 || !Array.isArray(z[0]) || z[0].length === 0) return `${name} is empty`;
  if (z.some((r) => r.length !== z[0].length)) return `${name} is ragged`;
  if (z.some((r) => r.some(Number.isNaN))) return `${name} has a NaN`;
  if (z.some((r) => r.includes(Infinity))) return `${name} has a +∞ logit (∞/∞ in the softmax)`;
  if (z.some((r) => r.every((v) => v === -Infinity))) return `a row of ${name} is all −∞ (0/0 in the softmax)`;
  return null;
}

const temperatureProblem = (T: number): string | null => (Number.isFinite(T) && T > 0 ? null : `temperature ${T} is not positive and finite`);

const sameDims = (a: number[][], b: number[][]) => a.length === b.length && a.every((r, i) => r.length === b[i].length);

function logSoftmaxExpected(a: Args, P: Precision): Expected {
  const z = vec(a, 'z'), T = num(a, 'temperature');
  const bad = vectorProblem(z, 'z', { finite: false }) ?? temperatureProblem(T) ?? logitsProblem([z], 'z');
  if (bad) return invalid(bad);
  const row = logSoftmaxRow(z, T);
  const values = row.logp.map((v) => v ?? dec(-Infinity));
  return { kind: 'values', shape: 'vector', dims: [z.length], values, tol: row.cond.map((c) => tolerance(P, z.length, c)), cond: Math.max(...row.cond) };
}

/**
 * KL(softmax(t/T) ‖ softmax(s/T)) of one row and its condition figure. With a_i = log p_i − log q_i:
 * Σ p_i[(1 + |a_i|)·c^t_i + c^s_i + |a_i| + 1], since log q_i errs by u·c^s_i, log p_i by u·c^t_i,
 * and p_i by a relative u·c^t_i, which multiplies a_i.
 */
function klRow(s: number[], t: number[], T: number): { kl: Decimal; cond: number } {
  // the teacher puts mass where the student has none (a −∞ student logit): +∞, decided exactly
  if (t.some((x, i) => x !== -Infinity && s[i] === -Infinity)) return { kl: dec(Infinity), cond: 0 };
  const lt = logSoftmaxRow(t, T), ls = logSoftmaxRow(s, T);
  let cond = 0;
  const terms: Decimal[] = [];
  lt.logp.forEach((lp, i) => {
    if (lp === null) return; // p_i = 0: 0·log 0 = 0
    const ai = lp.minus(ls.logp[i]!);
    terms.push(lt.p[i].times(ai));
    const a = Math.abs(ai.toNumber());
    cond += lt.p[i].toNumber() * ((1 + a) * lt.cond[i] + ls.cond[i] + a + 1);
  });
  return { kl: sumD(terms), cond };
}

function kdLossExpected(a: Args, P: Precision): Expected {
  const S = mat(a, 'student_logits'), Tt = mat(a, 'teacher_logits'), T = num(a, 'temperature'), reduction = a.reduction;
  if (!(REDUCTIONS as readonly unknown[]).includes(reduction)) return invalid(`reduction ${JSON.stringify(reduction)} is not one of ${REDUCTIONS.join(', ')}`);
  const bad = logitsProblem(S, 'student_logits') ?? logitsProblem(Tt, 'teacher_logits') ?? temperatureProblem(T) ?? (sameDims(S, Tt) ? null : 'student and teacher logits differ in shape');
  if (bad) return invalid(bad);
  const B = S.length, C = S[0].length;
  const T2 = dec(T).times(dec(T));
  const rows = S.map((s, r) => klRow(s, Tt[r], T));
  const losses = rows.map((r) => r.kl.times(T2));
  // T² = T·T and the product with it add two roundings
  const conds = rows.map((r) => T * T * (r.cond + 2 * Math.abs(r.kl.toNumber())));
  if (reduction === 'none') return { kind: 'values', shape: 'vector', dims: [B], values: losses, tol: conds.map((c) => tolerance(P, C, c)), cond: Math.max(...conds) };
  const total = sumD(losses), cond = conds.reduce((x, y) => x + y, 0);
  // the batch may be summed in one reduction over all B·C terms
  const [value, c] = reduction === 'sum' ? [total, cond] : [total.div(B), cond / B];
  return { kind: 'values', shape: 'scalar', dims: [], values: [value], tol: [tolerance(P, B * C, c)], cond: c };
}

function softCrossEntropyExpected(a: Args, P: Precision): Expected {
  const Z = mat(a, 'logits'), targets = mat(a, 'target_probs');
  const bad = logitsProblem(Z, 'logits') ?? (Array.isArray(targets) && targets.length > 0 && targets.every(Array.isArray) ? null : 'target_probs is empty') ?? (sameDims(Z, targets) ? null : 'logits and target_probs differ in shape')
    ?? targets.map((r, i) => vectorProblem(r, `target_probs row ${i}`, { nonnegative: true })).find((x) => x !== null) ?? (targets.some((r) => r.every((x) => x === 0)) ? 'a row of target_probs has no mass' : null);
  if (bad) return invalid(bad);
  const B = Z.length, C = Z[0].length;
  let cond = 0;
  const rows = Z.map((z, r) => {
    if (z.some((x, i) => x === -Infinity && targets[r][i] > 0)) return dec(Infinity); // a target class the logits rule out
    const ls = logSoftmaxRow(z, 1);
    const terms = targets[r].flatMap((p, i) => {
      if (p === 0) return []; // 0·log q = 0, even for q = 0
      cond += p * (ls.cond[i] + Math.abs(ls.logp[i]!.toNumber()));
      return [dec(p).times(ls.logp[i]!).neg()];
    });
    return sumD(terms);
  });
  return { kind: 'values', shape: 'scalar', dims: [], values: [sumD(rows).div(B)], tol: [tolerance(P, B * C, cond / B)], cond: cond / B };
}

function jsExpected(a: Args, P: Precision): Expected {
  const p = vec(a, 'p'), q = vec(a, 'q');
  const bad = vectorProblem(p, 'p', { nonnegative: true }) ?? vectorProblem(q, 'q', { nonnegative: true }) ?? (p.length === q.length ? null : `p has ${p.length} entries, q ${q.length}`)
    ?? (p.some((x) => x > 0) && q.some((x) => x > 0) ? null : 'p or q is all zero (not a distribution)');
  if (bad) return invalid(bad);
  // near p = q the terms (~|p − q|) cancel to ~|p − q|²/m: 100 digits keep 60 of the result (|p − q|/m ≥ 2⁻⁵³)
  let cond = 0, js = R100.fromNumber(0);
  p.forEach((pi, i) => {
    const m = R100.div(R100.add(R100.fromNumber(pi), R100.fromNumber(q[i])), R100.fromNumber(2));
    for (const x of [pi, q[i]]) {
      if (x === 0) continue;
      const l = R100.log(R100.div(R100.fromNumber(x), m)); // log(x/m) ∈ (−∞, log 2]
      js = R100.add(js, R100.div(R100.mul(R100.fromNumber(x), l), R100.fromNumber(2)));
      cond += (x * (Math.abs(l.toNumber()) + 2)) / 2;
    }
  });
  return { kind: 'values', shape: 'scalar', dims: [], values: [dec(0).plus(js)], tol: [tolerance(P, 2 * p.length, cond)], cond };
}

/** Invalid batches: a NaN, a +∞ logit, mismatched shapes. */
const nanIn = (rows: number[][]): number[][] => rows.map((r, i) => (i === 0 ? r.map((x, j) => (j === 0 ? NaN : x)) : r));

export const logSoftmax: FnSpec = {
  name: 'log_softmax',
  shape: 'vector',
  policy: 'per component 4(n+2)·u·(κ_i + |y_i − max y| + |log p_i| + log n + 2), y = z/T, κ_i = |y_i|(1 − p_i) + Σ_{j≠i} p_j|y_j| (rounding z/T): absolute accuracy of each log-probability; y − logsumexp(y) taken as a whole loses u·|max y| and is blamed',
  specials: '−∞ logits give −∞; no NaN or overflow for huge logits or tiny T; invalid: T ≤ 0 or non-finite, a NaN or +∞ logit, all logits −∞, empty z',
  cases: fc.oneof(
    { weight: 20, arbitrary: fc.record({ c: kdClassCount, T: kdTemperature }).chain(({ c, T }) => logitBatch(1, c).map((b) => ({ label: `z:${b.kind}`, args: { z: b.rows[0], temperature: T } }))) },
    { weight: 2, arbitrary: fc.record({ c: kdClassCount, k: fc.nat(), T: kdTemperature }).chain(({ c, k, T }) => logitBatch(1, c + 1).map((b) => ({ label: 'z:with −∞', args: { z: b.rows[0].map((x, i) => (i === k % (c + 1) ? -Infinity : x)), temperature: T } }))) },
    { weight: 1, arbitrary: fc.record({ c: fc.integer({ min: 2, max: 10_000 }), seed: fc.nat(), T: kdTemperature }).map(({ c, seed, T }) => ({ label: 'z:wide', args: { z: wideRow(c, seed, 10), temperature: T } })) },
    { weight: 2, arbitrary: tagged('invalid:temperature', fc.record({ b: logitBatch(1, 3), T: fc.constantFrom(0, -1, NaN, Infinity) }).map(({ b, T }) => ({ z: b.rows[0], temperature: T }))) },
    { weight: 2, arbitrary: tagged('invalid:nan', logitBatch(1, 3).map((b) => withNaN({ z: b.rows[0], temperature: 1 }, 'z'))) },
  ),
  expected: logSoftmaxExpected,
};

export const kdLoss: FnSpec = {
  name: 'kd_loss',
  shape: 'scalar',
  shapeOf: (args: Args): Shape => (args.reduction === 'none' ? 'vector' : 'scalar'),
  policy: 'per row T²·4(C+2)·u·Σ_i p_i[(1 + |a_i|)c^t_i + c^s_i + |a_i| + 1] (+2 KL), a_i = log p_i − log q_i and c the log_softmax condition figures of teacher and student; sum: n = B·C over the summed rows; batchmean: the sum’s tolerance / B',
  specials: 'rows are examples; per row T²·KL(softmax(t/T) ‖ softmax(s/T)); reduction batchmean = mean over rows, sum, none = the vector of rows; −∞ teacher logits are exact zeros of the target (0·log 0 = 0, also where the student is −∞); +∞ when the student is −∞ where the teacher is not; invalid: T ≤ 0 or non-finite, NaN or +∞ logits, a row all −∞, shapes that differ, an unknown reduction',
  cases: fc.oneof(
    { weight: 12, arbitrary: fc.record({ pair: logitPair, T: kdTemperature, reduction: fc.constantFrom(...REDUCTIONS) }).map(({ pair, T, reduction }) => ({ label: `pair:${pair.kind}`, args: { student_logits: pair.student, teacher_logits: pair.teacher, temperature: T, reduction } })) },
    { weight: 1, arbitrary: tagged('invalid:temperature', fc.record({ pair: logitPair, T: fc.constantFrom(0, -1, NaN, Infinity) }).map(({ pair, T }) => ({ student_logits: pair.student, teacher_logits: pair.teacher, temperature: T, reduction: 'batchmean' }))) },
    { weight: 1, arbitrary: tagged('invalid:nan', logitPair.map((pair) => ({ student_logits: nanIn(pair.student), teacher_logits: pair.teacher, temperature: 2, reduction: 'batchmean' }))) },
    { weight: 1, arbitrary: tagged('invalid:shapes', logitPair.map((pair) => ({ student_logits: pair.student, teacher_logits: pair.teacher.map((r) => [...r, 0]), temperature: 2, reduction: 'sum' }))) },
  ),
  expected: kdLossExpected,
};

export const softCrossEntropy: FnSpec = {
  name: 'soft_cross_entropy',
  shape: 'scalar',
  policy: '4(BC+2)·u·(1/B)·Σ_rows Σ_i p_i(c_i + |log q_i|), q = softmax(z) and c_i the log_softmax condition figure',
  specials: 'per row −Σ p_i log softmax(z)_i on the literal targets, mean over rows; p_i = 0 contributes 0 even where z_i = −∞; +∞ when p_i > 0 at a −∞ logit; invalid: NaN or +∞ logits, a row of logits all −∞, negative, NaN or ±∞ targets, a target row without mass, shapes that differ',
  cases: fc.oneof(
    {
      weight: 10,
      arbitrary: fc.tuple(kdBatchSize, kdClassCount).chain(([b, c]) => fc.tuple(logitBatch(b, c), probRows(b, c))).map(([z, p]) => ({ label: `logits:${z.kind}/target:${p.kind}`, args: { logits: z.rows, target_probs: p.rows } })),
    },
    {
      weight: 1,
      // a masked class: −∞ logits where the target is 0
      arbitrary: fc.tuple(kdBatchSize, kdClassCount).chain(([b, c]) => fc.tuple(logitBatch(b, c + 1), probRows(b, c))).map(([z, p]) => ({ label: 'logits:masked', args: { logits: z.rows.map((r) => r.map((x, i) => (i === r.length - 1 ? -Infinity : x))), target_probs: p.rows.map((r) => [...r, 0]) } })),
    },
    { weight: 1, arbitrary: tagged('invalid:negative', fc.tuple(logitBatch(1, 3), probRows(1, 3)).map(([z, p]) => ({ logits: z.rows, target_probs: p.rows.map((r) => r.map((x, i) => (i === 0 ? -0.25 : x))) }))) },
    { weight: 1, arbitrary: tagged('invalid:nan', fc.tuple(logitBatch(2, 3), probRows(2, 3)).map(([z, p]) => ({ logits: nanIn(z.rows), target_probs: p.rows }))) },
  ),
  expected: softCrossEntropyExpected,
};

export const jsDivergence: FnSpec = {
  name: 'js_divergence',
  shape: 'scalar',
  policy: '4(2n+2)·u·½Σ_i [p_i(|log(p_i/m_i)| + 2) + q_i(|log(q_i/m_i)| + 2)], m = (p + q)/2',
  specials: '½KL(p‖m) + ½KL(q‖m) on the literal inputs, natural log; always finite (≤ log 2 for distributions); atoms where p or q is 0 contribute 0 to its half; invalid: NaN, ±∞ or negative entries, all-zero p or q, unequal lengths',
  cases: fc.oneof(
    { weight: 12, arbitrary: probPair.map(({ kind, p, q }) => ({ label: `pair:${kind.includes('/') ? 'random' : kind}`, args: { p, q } })) },
    { weight: 1, arbitrary: tagged('invalid:nan', probPair.map(({ p, q }) => withNaN({ p, q }, 'p'))) },
    { weight: 1, arbitrary: tagged('invalid:lengths', probPair.map(({ p, q }) => ({ p, q: [...q, 0.5] }))) },
  ),
  expected: jsExpected,
};
