import { describe, expect, it } from 'vitest';
import { ModuleAdapter } from '../../src/impl/adapters/module.ts';
import { checkImpl, type ImplReport } from '../../src/impl/run.ts';
import { chooseGroups, contentTags, formOf, type GroupKey } from '../../src/impl/groups.ts';
import { renderImplMarkdown } from '../../src/report/impl/markdown.ts';
import { implReportProblems } from '../../src/report/validate.ts';

const fn = (r: ImplReport, name: string) => r.functions.find((f) => f.fn === name)!;

describe('grouping disagreements', () => {
  it('tells all −∞, a +∞ entry and a huge finite entry apart, and answers by form', () => {
    expect(contentTags({ x: [-Infinity, -Infinity] })).toEqual(['all −∞']);
    expect(contentTags({ x: [1, Infinity] })).toEqual(['+∞']);
    expect(contentTags({ x: [1e300, 2] })).toEqual(['huge']);
    expect(contentTags({ x: [1, 2] })).toEqual([]);
    expect(contentTags({ p: [1], q: [5e-324] })).toEqual(['subnormal']);
    expect(formOf({ $double: 'NaN' })).toBe('NaN');
    expect(formOf([1, { $double: '-Infinity' }])).toBe('−∞');
    expect(formOf(0.5)).toBe('finite');
    expect(formOf({ error: 'SVD did not converge in 75 iterations for a 3x3 matrix' })).toBe('error: SVD did not converge in # iterations for a #x# matrix');
  });

  it('gives every distinct (kind, form) a witness before a second one of the same', () => {
    const k = (verdict: GroupKey['verdict'], inputClass: string, form: string): GroupKey => ({ verdict, inputClass, form });
    const groups = [...Array.from({ length: 9 }, (_, i) => k('special', `c${i}`, 'NaN')), k('inaccurate', 'c0', 'finite'), k('special', 'c0', '+∞')];
    const chosen = chooseGroups(groups, 8);
    expect(chosen).toHaveLength(8);
    expect(chosen).toEqual(expect.arrayContaining([0, 9, 10]));
  });
});

describe('two planted defects in one function give two shrunk witnesses', () => {
  it('logsumexp: NaN for all −∞ and NaN for the empty vector (same kind and form, different classes); kl_discrete: NaN at 0·log 0 and +∞ when p_i/q_i overflows', async () => {
    const module = 'test/fixtures/adapters/two-defects.ts';
    const r = await checkImpl(new ModuleAdapter(module), { module, cmd: null, functions: null, runs: 200, seed: 42, timeoutMs: 5000, version: 'test' });
    expect(implReportProblems(JSON.parse(JSON.stringify(r)))).toEqual([]);
    const lse = fn(r, 'logsumexp');
    const allNegInf = lse.groups.find((g) => g.inputClass.includes('all −∞'))!;
    const empty = lse.groups.find((g) => g.inputClass.includes('empty'))!;
    expect([allNegInf.form, empty.form]).toEqual(['NaN', 'NaN']);
    expect((allNegInf.witness!.args as { x: unknown[] }).x).toHaveLength(2); // [−∞, −∞]: the smallest all-−∞ vector that fails
    expect((empty.witness!.args as { x: unknown[] }).x).toEqual([]);

    const kl = fn(r, 'kl_discrete');
    const zero = kl.groups.find((g) => g.form === 'NaN' && g.inputClass === 'pair:p-zero')!.witness!;
    const overflow = kl.groups.find((g) => g.form === '+∞' && g.inputClass.startsWith('pair:ratio-overflow'))!.witness!;
    expect((zero.args as { p: number[] }).p).toContain(0);
    const { p, q } = overflow.args as { p: number[]; q: number[] };
    expect(p.length).toBeLessThanOrEqual(2);
    // a finite KL, with an atom where p_i/q_i is beyond the doubles
    expect(Number(overflow.expected)).toBeGreaterThan(700);
    expect(p.some((x, i) => x / q[i] === Infinity && q[i] > 0)).toBe(true);

    const md = renderImplMarkdown(r);
    expect(md).toMatch(/distinct disagreements/);
    expect(md).toMatch(/pair:ratio-overflow/);
  }, 60_000);
});

describe('the generator classes and their shares', () => {
  it('reports every class of the wider generators with its share of the requests', async () => {
    const module = 'src/impl/double-path.ts';
    const r = await checkImpl(new ModuleAdapter(module), { module, cmd: null, functions: ['kl_discrete', 'logsumexp', 'cgf', 'inverse', 'singular_values'], runs: 300, seed: 42, timeoutMs: 5000, version: 'test' });
    const has = (name: string, classes: string[]) => expect(Object.keys(fn(r, name).classes)).toEqual(expect.arrayContaining(classes));
    has('kl_discrete', ['invalid:longer-p', 'invalid:longer-q', 'invalid:negative-p', 'invalid:negative-q', 'pair:ratio-overflow']);
    has('logsumexp', ['x:dominant-term', 'x:all-−∞', 'x:mixed-±∞', 'x:float32-limits']);
    has('cgf', ['invalid:longer-x', 'invalid:longer-p', 'invalid:negative-p', 'x:float32-limits']);
    // at least 20 % of matrix draws exactly singular or rank-deficient, square, wide and tall
    const share = (name: string, prefix: string) => Object.entries(fn(r, name).classes).filter(([k]) => k.startsWith(prefix)).reduce((s, [, v]) => s + v.requests, 0) / fn(r, name).requests;
    expect(share('inverse', 'singular')).toBeGreaterThanOrEqual(0.2);
    expect(share('singular_values', 'rank-deficient')).toBeGreaterThanOrEqual(0.2);
    has('singular_values', ['rank-deficient:integer-square', 'rank-deficient:integer-wide', 'rank-deficient:integer-tall']);
    expect(renderImplMarkdown(r)).toMatch(/pair:ratio-overflow \d+ \(\d+\.\d %\)/);
  }, 60_000);
});
