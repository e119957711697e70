import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { logSumExp } from '../prob/moments.ts';

/**
 * Hinton's temperature-softened distillation loss, the quantity distillation code trains with,
 * written once over the arithmetic context: per example (row) T²·KL(softmax(t/T) ‖ softmax(s/T)),
 * from the teacher's logits t and the student's s, reduced over the batch. It is the softening
 * operator (p^{1/T} ∝ softmax(z/T)) composed with the KL; the property SKD-KD-LOSS ties the two.
 */
export type Reduction = 'batchmean' | 'sum' | 'none';

/**
 * log softmax(z/T), null where z_i = −∞ (p_i = 0). The logits are shifted by their maximum before
 * the division (no overflow of z/T), and the log-sum-exp of the shifted values lies in [0, log n],
 * so subtracting it loses nothing to the size of the logits.
 */
export function logSoftmaxOf<T>(F: Field<T>, z: readonly number[], temperature: number): (T | null)[] {
  const m = Math.max(...z);
  const t = F.fromNumber(temperature);
  const y = z.map((v) => (v === -Infinity ? null : F.div(F.sub(F.fromNumber(v), F.fromNumber(m)), t)));
  const lse = logSumExp(F, y.filter((v): v is T => v !== null));
  return y.map((v) => (v === null ? null : F.sub(v, lse)));
}

/** KL(softmax(t/T) ‖ softmax(s/T)) of one example: Σ p_i(log p_i − log q_i); +∞ where the student rules out a class the teacher does not. */
export function klOfLogits<T>(F: Field<T>, student: readonly number[], teacher: readonly number[], temperature: number): T {
  const lp = logSoftmaxOf(F, teacher, temperature), lq = logSoftmaxOf(F, student, temperature);
  const terms: T[] = [];
  for (let i = 0; i < lp.length; i++) {
    const a = lp[i];
    if (a === null) continue; // p_i = 0: 0·log 0 = 0
    const b = lq[i];
    if (b === null) return F.fromNumber(Infinity);
    terms.push(F.mul(F.exp(a), F.sub(a, b)));
  }
  return sum(F, terms);
}

/** The per-example losses T²·KL_r, reduced: the mean over rows (batchmean), their sum, or the rows themselves. */
export function kdLossOf<T>(F: Field<T>, student: readonly number[][], teacher: readonly number[][], temperature: number, reduction: 'none'): T[];
export function kdLossOf<T>(F: Field<T>, student: readonly number[][], teacher: readonly number[][], temperature: number, reduction: 'batchmean' | 'sum'): T;
export function kdLossOf<T>(F: Field<T>, student: readonly number[][], teacher: readonly number[][], temperature: number, reduction: Reduction): T | T[];
export function kdLossOf<T>(F: Field<T>, student: readonly number[][], teacher: readonly number[][], temperature: number, reduction: Reduction): T | T[] {
  const t2 = F.mul(F.fromNumber(temperature), F.fromNumber(temperature));
  const rows = student.map((s, r) => F.mul(t2, klOfLogits(F, s, teacher[r], temperature)));
  if (reduction === 'none') return rows;
  const total = sum(F, rows);
  return reduction === 'sum' ? total : F.div(total, F.fromNumber(rows.length));
}

/** −Σ p_i log softmax(z)_i of one example (p_i = 0 contributes 0, even at a −∞ logit). */
export function crossEntropyOfLogits<T>(F: Field<T>, logits: readonly number[], target: readonly number[]): T {
  const lq = logSoftmaxOf(F, logits, 1);
  const terms: T[] = [];
  for (let i = 0; i < target.length; i++) {
    if (target[i] === 0) continue;
    const b = lq[i];
    if (b === null) return F.fromNumber(Infinity);
    terms.push(F.mul(F.fromNumber(target[i]), b));
  }
  return F.neg(sum(F, terms));
}

/** Jensen–Shannon divergence ½KL(p‖m) + ½KL(q‖m), m = (p + q)/2, on the literal vectors. */
export function jsDivergenceOf<T>(F: Field<T>, p: readonly number[], q: readonly number[]): T {
  const half = F.fromNumber(0.5);
  const terms: T[] = [];
  for (let i = 0; i < p.length; i++) {
    const a = F.fromNumber(p[i]), b = F.fromNumber(q[i]);
    const m = F.mul(half, F.add(a, b)); // the sum first: halving a subnormal first would round it away
    for (const [x, v] of [[p[i], a], [q[i], b]] as const) if (x !== 0) terms.push(F.mul(half, F.mul(v, F.log(F.div(v, m)))));
  }
  return sum(F, terms);
}
