import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ModuleAdapter } from '../../src/impl/adapters/module.ts';
import { checkImpl, type ImplReport } from '../../src/impl/run.ts';
import { FLOAT32, FLOAT64, representableIn, type Profile } from '../../src/impl/precision.ts';
import { FN_SPECS } from '../../src/impl/functions/index.ts';
import { ulpOf } from '../../src/impl/expected.ts';
import { implReportProblems } from '../../src/report/validate.ts';
import type { FnName } from '../../src/impl/protocol.ts';

const run = (module: string, functions: FnName[] | null, profile: Profile, runs = 200) =>
  checkImpl(new ModuleAdapter(module), { module, cmd: null, functions, runs, seed: 42, timeoutMs: 5000, version: 'test', profile });
const fn = (r: ImplReport, name: string) => r.functions.find((f) => f.fn === name)!;

describe('the float32 profile', () => {
  it('draws every input representable in float32, keeping huge and subnormal values at the format’s extremes', () => {
    for (const spec of FN_SPECS) {
      for (const c of fc.sample(representableIn(FLOAT32, spec.cases), { numRuns: 60, seed: 7 })) {
        const numbers = (Object.values(c.args).flat(2) as unknown[]).filter((x): x is number => typeof x === 'number'); // not a word (kd_loss's reduction)
        expect(numbers.filter((x) => !Number.isNaN(x) && Math.fround(x) !== x), spec.name).toEqual([]);
      }
    }
    const v = FLOAT32.toFormat({ x: [1e300, -1e300, 5e-324, 0.1, -746, 1e308] }).x as number[];
    expect(v[0]).toBeGreaterThan(1e37);
    expect(v[0]).toBeLessThan(FLOAT32.max);
    expect(v[1]).toBe(-v[0]);
    expect(v[2]).toBe(2 ** -149);
    expect(v.slice(3, 5)).toEqual([Math.fround(0.1), -746]);
    expect(v[5]).toBeGreaterThan(v[0]);
    // a matrix is scaled as a whole by a power of two: a symmetric scaled matrix stays symmetric and proportional
    const a = FLOAT32.toFormat({ a: [[4e200, 1e200], [1e200, 3e200]] }).a as number[][];
    expect(a[0][1]).toBe(a[1][0]);
    expect(a[0][0] / a[0][1]).toBeCloseTo(4, 6);
    expect(a[1][1] / a[0][1]).toBeCloseTo(3, 6);
  });

  it('measures ulps in the format', () => {
    expect(ulpOf(1, FLOAT64)).toBe(2 ** -52);
    expect(ulpOf(1, FLOAT32)).toBe(2 ** -23);
    expect(ulpOf(1e-40, FLOAT32)).toBe(2 ** -149);
  });

  it('passes a careful float32 implementation except its one real defect (logsumexp([0, −d]) without log1p)', async () => {
    const module = 'test/fixtures/adapters/float32-careful.ts';
    const r32 = await run(module, null, { precision: FLOAT32, validation: 'strict' });
    expect(r32.config.precision).toBe('float32');
    expect(implReportProblems(JSON.parse(JSON.stringify(r32)))).toEqual([]);
    for (const name of ['kl_discrete', 'entropy', 'softmax']) expect(fn(r32, name).status, name).toBe('pass');
    const lse = fn(r32, 'logsumexp');
    expect(lse.status).toBe('fail');
    // every disagreement is the defect: a dominant term's tail lost, in the class made for it (and in mixed logits that happen to have one)
    const failing = Object.keys(lse.classes).filter((k) => lse.classes[k].disagreements > 0);
    expect(failing).toContain('x:dominant-term');
    expect(failing.filter((k) => k !== 'x:dominant-term' && k !== 'x:mixed')).toEqual([]);
    expect(lse.disagreements.inaccurate).toBe(lse.requests - lse.agreements);
    expect(new Set(lse.groups.map((g) => `${g.verdict} ${g.form}`))).toEqual(new Set(['inaccurate finite']));
    expect(lse.groups.map((g) => g.inputClass)).toContain('x:dominant-term');
    for (const g of lse.groups) {
      // shrunk to a dominant term and its tail: max 0, the rest below it
      const x = (g.witness!.args as { x: number[] }).x;
      expect(Math.max(...x)).toBe(0);
      expect(x.length).toBeLessThanOrEqual(3);
      expect(Number(g.witness!.expected)).toBeGreaterThan(0);
    }
    // judged by doubles' tolerances the same implementation fails everywhere: the profile matters
    const r64 = await run(module, null, { precision: FLOAT64, validation: 'strict' }, 60);
    expect(r64.summary.fail).toBe(4);
  }, 60_000);
});

describe('the lenient validation profile', () => {
  it('sends invalid input and reports the finite answers without judging them', async () => {
    const module = 'test/fixtures/adapters/no-validation.ts';
    const strict = fn(await run(module, null, { precision: FLOAT64, validation: 'strict' }), 'hoeffding_sigma');
    expect(strict.status).toBe('fail');
    expect(strict.disagreements['invalid-accepted']).toBe(strict.invalidFinite);
    expect(strict.invalidFinite).toBeGreaterThan(0);
    const lenient = fn(await run(module, null, { precision: FLOAT64, validation: 'lenient' }), 'hoeffding_sigma');
    expect(lenient.status).toBe('pass');
    expect(lenient.invalidFinite).toBe(strict.invalidFinite);
    expect(lenient.disagreements['invalid-accepted']).toBe(0);
  }, 30_000);
});
