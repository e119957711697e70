import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkImpl, verify } from '../../src/api.ts';
import { reportProblems, implReportProblems } from '../../src/report/validate.ts';
import { claims as pinsker } from '../../examples/claims/pinsker.ts';

describe('verify()', () => {
  it('verifies in-memory claims and returns the report without writing anything', async () => {
    const cwd = readdirSync('.');
    const lines: string[] = [];
    const events: string[] = [];
    const report = await verify({ claims: pinsker, runs: 150, jobs: 1, log: (l) => lines.push(l), onProgress: (e) => events.push(e.phase) });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(report.claims.map((c) => [c.id, c.status === 'violated'])).toEqual([['USER-PINSKER', false], ['USER-PINSKER-NO-ROOT', true]]);
    expect(report.claims[0].status).not.toBe('error');
    expect(report.claims[1].counterexample?.margin.hi).toMatch(/^-/);
    expect(lines).toHaveLength(2);
    expect(events).toContain('instances');
    expect(readdirSync('.')).toEqual(cwd);
  });

  it('selects built-in properties by id and loads claims files; writes the report files when asked', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kdverify-api-'));
    const report = await verify({ claims: ['KD-L6-DV/inequality', 'USER-EXT-*'], claimsFiles: ['test/fixtures/claims/ext/esm.mjs'], runs: 20, jobs: 1, out });
    expect(report.claims.flatMap((c) => c.properties.map((p) => p.id))).toEqual(['KD-L6-DV/inequality', 'USER-EXT-MJS/square']);
    // every property ran: a worker that cannot load the claims file fails the properties it runs
    expect(report.claims.flatMap((c) => c.properties.map((p) => `${p.id}: ${p.status} ${p.error ?? ''}`.trim()))).toEqual(['KD-L6-DV/inequality: sharp', 'USER-EXT-MJS/square: holds']);
    expect(readdirSync(out).sort()).toEqual(['findings', 'junit.xml', 'report.html', 'report.json', 'report.md', 'report.tex']);
  });

  it('adds counterexamples to the corpus directory when asked', async () => {
    const corpus = join(mkdtempSync(join(tmpdir(), 'kdverify-api-corpus-')), 'corpus');
    await verify({ claims: ['USER-PINSKER-NO-ROOT'], claimsFiles: ['examples/claims/pinsker.ts'], runs: 150, jobs: 1, corpus, updateCorpus: true });
    expect(existsSync(join(corpus, 'USER-PINSKER-NO-ROOT.json'))).toBe(true);
  });

  it("refutes the Theorem 8 example's wrong constant σ√(K_n/2) with a certified counterexample", async () => {
    const report = await verify({ claimsFiles: ['examples/claims/theorem8-variants.ts'], claims: ['USER-T8-HALF'], runs: 100, jobs: 1 });
    expect(report.claims.map((c) => [c.id, c.status])).toEqual([['USER-T8-HALF', 'violated']]);
    const c = report.claims[0].counterexample!;
    expect(c.margin.hi).toMatch(/^-/);
  });

  it('rejects bad options before any work, with a clear message', async () => {
    await expect(verify({ runs: 0 })).rejects.toThrow(/runs must be an integer between 1 and/);
    await expect(verify({ digits: 5 })).rejects.toThrow(/digits must be an integer between 20 and 250/);
    await expect(verify({ claims: ['KD-NOPE'] })).rejects.toThrow(/no encoded claim matches 'KD-NOPE'/);
    await expect(verify({ claims: [{ spec: { id: 'bad' }, properties: [] } as never] })).rejects.toThrow(/verify\(\{ claims \}\): claim 1: id "bad" must match USER-/);
    await expect(verify({ claims: [...pinsker, ...pinsker] })).rejects.toThrow(/property id USER-PINSKER\/random-pairs appears twice/);
  });
});

describe('checkImpl()', () => {
  it('returns the check-impl report of a module', async () => {
    const report = await checkImpl({ module: 'src/impl/double-path.ts', functions: ['entropy', 'hoeffding_sigma'], runs: 30 });
    expect(implReportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(report.functions.filter((f) => f.status === 'pass').map((f) => f.fn)).toEqual(['entropy', 'hoeffding_sigma']);
    expect(report.summary).toMatchObject({ pass: 2, fail: 0, adapterFailure: 0 });
  });

  it('finds a planted fault', async () => {
    const report = await checkImpl({ module: 'test/fixtures/adapters/broken-kl-zeros.ts', functions: ['kl_discrete'], runs: 100 });
    expect(report.summary.fail).toBe(1);
  });

  it('needs exactly one of module and cmd', async () => {
    await expect(checkImpl({})).rejects.toThrow(/exactly one of --module FILE or --cmd/);
    await expect(checkImpl({ module: 'x.ts', functions: ['nope' as never] })).rejects.toThrow(/unknown function nope/);
  });
});
