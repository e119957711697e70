import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { specOf } from '../../src/impl/functions/index.ts';
import { FN_NAMES, type Args, type FnName } from '../../src/impl/protocol.ts';
import { FLOAT64 } from '../../src/impl/precision.ts';

/**
 * The check-impl reference (`specOf(fn).expected(args)`, Decimal at 60 digits) against values from
 * an independent mpmath implementation (exact rationals where no transcendental function is
 * involved, mp.dps = 50 with guard digits, checked at 100 digits; 40 significant digits stored),
 * on hand-picked edge cases: zeros and subnormals in p, q_i = 0 < p_i, p ≈ q, logits of ±1e300 and
 * −∞, temperatures 1e-3 and 1e3, ill-conditioned and 1e±150-scaled matrices, extreme magnitudes.
 * Regenerate test/fixtures/impl-values.json with `python3 test/fixtures/generate_impl_values.py` and
 * kd-loss-values.json (log_softmax, kd_loss, soft_cross_entropy, js_divergence) with generate_kd_loss_values.py.
 */
type ImplCase = { fn: FnName; label: string; args: Record<string, unknown> } & ({ kind: 'values'; dims: number[]; value: string[] } | { kind: 'invalid'; why: string });

const load = (file: string) => (JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as { cases: ImplCase[] }).cases;
// impl-values.json: generate_impl_values.py; kd-loss-values.json (the distillation losses): generate_kd_loss_values.py
const data = { cases: [...load('impl-values.json'), ...load('kd-loss-values.json')] };

/** JSON inputs: non-finite doubles are written as strings. */
const num = (v: unknown): unknown => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === 'NaN' ? NaN : Array.isArray(v) ? v.map(num) : v);
const argsOf = (c: ImplCase): Args => Object.fromEntries(Object.entries(c.args).map(([k, v]) => [k, num(v)])) as Args;

/** At least 30 significant digits; an exact zero within 1e-300; infinities exactly. */
function agrees(got: Decimal, ref: string): boolean {
  if (ref === 'Infinity' || ref === '-Infinity') return got.eq(ref);
  if (!got.isFinite()) return false;
  const r = new Decimal(ref);
  if (r.isZero()) return got.abs().lte('1e-300');
  return got.minus(r).abs().lte(r.abs().times('1e-30'));
}

describe.each([...new Set(data.cases.map((c) => c.fn))])('%s: TypeScript reference against mpmath', (fn) => {
  it.each(data.cases.filter((c) => c.fn === fn))('$label', (c) => {
    const e = specOf(c.fn).expected(argsOf(c), FLOAT64);
    if (c.kind === 'invalid') {
      // mpmath decides singularity exactly (fractions): the contract at singular input applies there
      expect(e.kind, `expected invalid (${c.why})`).toBe(/singular/.test(c.why) ? 'singular' : 'invalid');
      return;
    }
    expect(e.kind).toBe('values');
    if (e.kind !== 'values') return;
    expect(e.dims).toEqual(c.dims);
    expect(e.values.length).toBe(c.value.length);
    const bad = e.values.flatMap((v, i) => (agrees(v, c.value[i]) ? [] : [`[${i}] ts ${v.toString()} vs mpmath ${c.value[i]}`]));
    expect(bad).toEqual([]);
  });
});

it('covers every protocol function except rank_k_approx', () => {
  expect(new Set(data.cases.map((c) => c.fn))).toEqual(new Set(FN_NAMES.filter((f) => f !== 'rank_k_approx')));
});
