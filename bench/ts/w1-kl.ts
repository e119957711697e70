import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { Field } from '../../src/numerics/field.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { intervalMpfrField } from '../../src/numerics/interval-mpfr-field.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { kl } from '../../src/prob/divergence.ts';
import { dist, type FiniteDist } from '../../src/prob/distribution.ts';
import { runMain, now, seconds, writeData, type SideResult, type WorkloadResult } from './common.ts';

/**
 * W1: KL(p‖q) of 100-atom distributions with integer weights 1..1000 (p = w/Σw exactly), at 40
 * digits, in the MPFR interval context (certified; what certify tries first at 40 digits), in the
 * interval-Decimal context (certified) and in the point Decimal context, after 3 untimed warm-up
 * evaluations (as on the Python side). The weights are drawn once here (seeded) and written to
 * bench/data/w1-weights.json for the Python side, with the first MPFR enclosures.
 */
export const ATOMS = 100;
export const DIGITS = 40;

export function weightPairs(count: number, seed = 1): Array<{ p: number[]; q: number[] }> {
  const vec = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: ATOMS, maxLength: ATOMS });
  return fc.sample(fc.record({ p: vec, q: vec }), { seed, numRuns: count });
}

function timeKl<T>(label: string, F: Field<T>, pairs: Array<{ p: FiniteDist; q: FiniteDist }>): { side: SideResult; values: T[] } {
  for (const { p, q } of pairs.slice(0, 3)) kl(F, p, q); // warm-up (JIT, constant caches), untimed
  const t0 = now();
  const values = pairs.map(({ p, q }) => kl(F, p, q));
  const secs = seconds(t0);
  return { side: { label, seconds: secs, instances: pairs.length }, values };
}

/**
 * The MPFR context: each evaluation in its own arena scope, its enclosure leaving it as decimal
 * strings. Timed twice: after the peers' 3 warm-up evaluations (the headline), and again once V8
 * has tiered the WebAssembly and the JavaScript around it up (the steady state a verify run has).
 */
function timeKlMpfr(label: string, pairs: Array<{ p: FiniteDist; q: FiniteDist }>): { sides: SideResult[]; values: Array<{ lo: string; hi: string }> } {
  const M = intervalMpfrField(DIGITS);
  const one = (p: FiniteDist, q: FiniteDist) => M.scoped(() => M.bounds(kl(M, p, q)));
  for (const { p, q } of pairs.slice(0, 3)) one(p, q); // warm-up, untimed
  const t0 = now();
  const values = pairs.map(({ p, q }) => one(p, q));
  const secs = seconds(t0);
  const t1 = now();
  pairs.forEach(({ p, q }) => one(p, q));
  const steady = seconds(t1);
  return { sides: [{ label, seconds: secs, instances: pairs.length }, { label: `${label}, second pass (steady state)`, seconds: steady, instances: pairs.length }], values };
}

export async function run({ quick = false, headline = false } = {}): Promise<WorkloadResult> {
  const count = quick ? 20 : 200;
  const raw = weightPairs(count);
  const pairs = raw.map(({ p, q }) => ({ p: dist(p), q: dist(q) }));
  const mp = timeKlMpfr(`kd-verify interval-mpfr(${DIGITS}) (${intervalMpfrField(DIGITS).bits} bits)`, pairs);
  // --headline (bench/profile.ts): the certified MPFR path alone, without the Decimal comparison rows
  if (headline) return { id: 'W1', title: `KL(p‖q), ${ATOMS} atoms, ${DIGITS} digits, ${count} evaluations (headline path only)`, ts: mp.sides };
  const iv = timeKl(`kd-verify interval-decimal(${DIGITS})`, intervalField(DIGITS), pairs);
  const pt = timeKl(`kd-verify decimal(${DIGITS})`, decimalField(DIGITS), pairs);
  // the widest enclosure, relative: how many digits the certified result really has
  const widest = (rel: number[]) => `widest enclosure: relative width ${Math.max(...rel).toExponential(2)} (≈ ${(-Math.log10(Math.max(...rel))).toFixed(1)} certified digits)`;
  iv.side.notes = [widest(iv.values.map((v) => v.hi.minus(v.lo).div(v.hi.abs()).toNumber()))];
  // the two certified contexts must agree: every MPFR enclosure meets the Decimal one
  const overlap = mp.values.filter((m, i) => new Decimal(m.lo).lte(iv.values[i].hi) && iv.values[i].lo.lte(new Decimal(m.hi))).length;
  mp.sides[0].notes = [widest(mp.values.map((m) => new Decimal(m.hi).minus(m.lo).div(new Decimal(m.hi).abs()).toNumber())), `cross-check: ${overlap} of ${count} enclosures overlap the interval-Decimal ones`];
  const reference = mp.values.slice(0, 5).map((v, i) => ({ lo: v.lo, hi: v.hi, point: pt.values[i].toString() }));
  const path = writeData('w1-weights.json', { digits: DIGITS, pairs: raw, reference });
  return {
    id: 'W1',
    title: `KL(p‖q), ${ATOMS} atoms, integer weights, ${DIGITS} digits, ${count} evaluations`,
    ts: [mp.sides[0], iv.side, pt.side, mp.sides[1]],
    python: { script: 'w1_kl.py', args: [path] },
  };
}

await runMain(import.meta.url, () => run({ quick: process.argv.includes('--quick'), headline: process.argv.includes('--headline') }));
