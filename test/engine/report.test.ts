import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinProperties } from '../../properties/index.ts';
import { verify } from '../../src/cli/verify.ts';
import { reportProblems } from '../../src/report/validate.ts';
import { loadCatalogue } from '../../src/spec/catalogue.ts';
import { globToRegExp, selectIds, SelectionError } from '../../src/engine/select.ts';
import type { Report } from '../../src/report/types.ts';

const run = async (seed: number, jobs = 1) => {
  const out = mkdtempSync(join(tmpdir(), 'kdverify-'));
  await verify(builtinProperties, { claims: ['KD-BD-*'], runs: 30, controlRuns: 1000, digits: 40, seed, out, jobs });
  return { out, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report };
};

describe('report.json', async () => {
  const a = await run(7);

  it('validates against the JSON Schema', () => {
    expect(reportProblems(a.report)).toEqual([]);
  });

  it('the schema rejects a malformed report', () => {
    const bad = structuredClone(a.report) as unknown as Record<string, unknown>;
    (bad.claims as Array<Record<string, unknown>>)[0].status = 'fine';
    delete bad.summary;
    expect(reportProblems(bad).length).toBeGreaterThan(0);
  });

  const strip = (r: Report) => JSON.stringify(r, (k, v) => (k === 'durationMs' || k === 'startedAt' ? undefined : v));

  it('is identical for identical seeds, timings aside', async () => {
    const b = await run(7);
    expect(strip(b.report)).toBe(strip(a.report));
  });

  it('is identical when the properties run on worker threads', async () => {
    const w = await run(7, 2);
    expect(strip(w.report)).toBe(strip(a.report));
  });

  it('the operator classification is identical when its cells run on worker threads', async () => {
    const classification = async (jobs: number) => {
      const out = mkdtempSync(join(tmpdir(), 'kdverify-'));
      const r = await verify(builtinProperties, { claims: ['SKD-AX1-RANK'], runs: 20, controlRuns: 1000, digits: 40, seed: 3, out, jobs });
      return r.classification;
    };
    const sequential = await classification(1);
    // every operator × axiom cell is classified, those SKD-AX1-RANK's properties do not decide on the workers
    expect(sequential!.cells.length).toBeGreaterThan(40);
    expect(JSON.stringify(await classification(2))).toBe(JSON.stringify(sequential));
  });

  it('differs for another seed', async () => {
    const c = await run(8);
    const strip = (r: Report) => JSON.stringify(r.claims, (k, v) => (k === 'durationMs' ? undefined : v));
    expect(strip(c.report)).not.toBe(strip(a.report));
  });

  it('has a junit.xml beside it: one test case per property and control, failures counted', () => {
    const xml = readFileSync(join(a.out, 'junit.xml'), 'utf8');
    const cases = xml.match(/<testcase /g)?.length ?? 0;
    const props = a.report.claims.reduce((s, c) => s + c.properties.length + c.properties.reduce((t, p) => t + p.controls.length, 0), 0);
    expect(cases).toBe(props);
    expect(xml).toMatch(new RegExp(`<testsuites name="kd-verify" tests="${props}" failures="0" errors="0"`));
    expect(xml.match(/<testsuite /g)?.length).toBe(a.report.claims.length);
  });

  it('has a readable report.md beside it', () => {
    const md = readFileSync(join(a.out, 'report.md'), 'utf8');
    expect(md).toContain('# kd-verify verification report');
    expect(md).toContain('KD-BD-MCDIARMID');
    expect(md).toMatch(/Negative controls/);
  });
});

describe('the catalogue', () => {
  const ids = loadCatalogue().map((c) => c.id);

  it('names every claim once, and every property belongs to a catalogued claim', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of builtinProperties) expect(ids).toContain(p.claim);
  });

  it('property and control ids are unique', () => {
    const all = builtinProperties.flatMap((p) => [p.id, ...p.controls.map((c) => c.id)]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('claim selection', () => {
  const ids = ['KD-L13-SIGMA0', 'KD-L14-SIGMAU', 'KD-L16-SHARP', 'KD-L6-DV', 'KD-T12-SHARP-UPPER'];
  it('supports ids, globs and character classes', () => {
    expect(selectIds(ids, ['KD-L1[3-4]*'])).toEqual(['KD-L13-SIGMA0', 'KD-L14-SIGMAU']);
    expect(selectIds(ids, ['KD-L6-DV', 'KD-T*'])).toEqual(['KD-L6-DV', 'KD-T12-SHARP-UPPER']);
    expect(globToRegExp('KD-L?-DV').test('KD-L6-DV')).toBe(true);
  });
  it('rejects a pattern that matches nothing, or a malformed one', () => {
    expect(() => selectIds(ids, ['KD-NOPE'])).toThrow(SelectionError);
    expect(() => selectIds(ids, ['KD-L1[3-'])).toThrow(/unclosed/);
  });
});

describe('deriveSeed', () => {
  it('gives distinct seeds for neighbouring run seeds and ids', async () => {
    const { deriveSeed } = await import('../../src/engine/seed.ts');
    const seeds = new Set<number>();
    for (let s = 0; s < 200; s++) for (const id of ['KD-L6-DV/inequality', 'KD-BD-MCDIARMID/mgf']) seeds.add(deriveSeed(s, id));
    expect(seeds.size).toBe(400);
  });
});

describe('instance serialisation', () => {
  it('reads back every instance bit for bit, special doubles included', async () => {
    const { toJson, fromJson } = await import('../../src/engine/serialize.ts');
    const fc = (await import('fast-check')).default;
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== '$double' && k !== '__proto__'), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const back = fromJson(JSON.parse(JSON.stringify(toJson(v))));
        expect(Object.is(back, v) || JSON.stringify(toJson(back)) === JSON.stringify(toJson(v))).toBe(true);
        if (typeof v === 'number') expect(Object.is(back, v)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('rejects a malformed special double', async () => {
    const { fromJson } = await import('../../src/engine/serialize.ts');
    expect(() => fromJson({ $double: 'Infinite' })).toThrow(/bad special double/);
  });
});
