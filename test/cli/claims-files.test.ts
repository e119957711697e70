import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadClaimsFile } from '../../src/spec/user-claims.ts';
import { packageTypeOf } from '../../src/user-module.ts';
import type { Report } from '../../src/report/types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/kdverify.js');
const kdverify = (args: string[], cwd = root) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
const ext = (f: string) => `test/fixtures/claims/ext/${f}`;

describe('claims files are loaded exactly as named', () => {
  it.each([
    ['sibling.js', 'USER-EXT-JS'],
    ['sibling.ts', 'USER-EXT-TS'],
    ['esm.mjs', 'USER-EXT-MJS'],
    ['typed.mts', 'USER-EXT-MTS'],
  ])('%s defines %s (a .js file next to a .ts one loads the .js)', async (file, id) => {
    expect((await loadClaimsFile(ext(file))).map((c) => c.spec.id)).toEqual([id]);
  });

  it('resolves a claims file against the given base directory', async () => {
    expect((await loadClaimsFile('ext/esm.mjs', join(root, 'test/fixtures/claims'))).map((c) => c.spec.id)).toEqual(['USER-EXT-MJS']);
  });

  it('refuses a file type it cannot load, in one line', async () => {
    await expect(loadClaimsFile('README.md')).rejects.toThrow(/could not be loaded: unsupported file type '\.md'/);
  });

  it("tells ES module packages from CommonJS ones by the nearest package.json's type", () => {
    expect(packageTypeOf(join(root, 'examples/claims/pinsker.ts'))).toBe('module');
    expect(packageTypeOf('/no-package-here/x.ts')).toBe('commonjs');
  });

  it('the command line loads the .js file, not its .ts sibling, and runs only its claims by default', () => {
    const out = mkdtempSync(join(tmpdir(), 'kdverify-ext-'));
    const r = kdverify(['run', '--claims-file', ext('sibling.js'), '--runs', '20', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(report(out).claims.map((c) => c.id)).toEqual(['USER-EXT-JS']);
    expect(report(out).claims[0].controls.every((k) => k.refuted)).toBe(true);
  });
});

describe('--claims selects properties', () => {
  it('by property id, and by a glob over property ids', () => {
    const out = mkdtempSync(join(tmpdir(), 'kdverify-prop-'));
    const r = kdverify(['run', '--claims', 'KD-L6-DV/inequality,USER-EXT-*/sq*', '--claims-file', ext('esm.mjs'), '--claims-file', ext('typed.mts'), '--runs', '20', '--jobs', '1', '--out', out]);
    expect(r.status).toBe(0);
    const rep = report(out);
    expect(rep.claims.flatMap((c) => c.properties.map((p) => p.id))).toEqual(['KD-L6-DV/inequality', 'USER-EXT-MJS/square', 'USER-EXT-MTS/square']);
    expect(rep.config.claims).toEqual(['KD-L6-DV/inequality', 'USER-EXT-*/sq*']);
  });

  it('a property pattern that matches nothing is a usage error', () => {
    const r = kdverify(['run', '--claims', 'KD-L6-DV/no-such-property', '--runs', '5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no encoded property matches 'KD-L6-DV\/no-such-property'/);
  });
});

describe('the corpus lives in the project', () => {
  it('--update-corpus writes the run’s counterexamples under --corpus, and the next run draws them first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kdverify-corpus-'));
    const corpus = join(dir, 'my-corpus');
    const bundled = readFileSync(join(root, 'corpus/KD-T10-LOWER.json'), 'utf8');
    const first = kdverify(['run', '--claims-file', 'examples/claims/pinsker.ts', '--claims', 'USER-PINSKER-NO-ROOT', '--runs', '200', '--corpus', corpus, '--update-corpus', '--out', join(dir, 'a')]);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/corpus .*my-corpus: 1 new entry \(1 in total\)/);
    const entries = (JSON.parse(readFileSync(join(corpus, 'USER-PINSKER-NO-ROOT.json'), 'utf8')) as { entries: Array<{ property: string }> }).entries;
    expect(entries.map((e) => e.property)).toEqual(['USER-PINSKER-NO-ROOT/random-pairs']);
    // the bundled corpus is not touched
    expect(readFileSync(join(root, 'corpus/KD-T10-LOWER.json'), 'utf8')).toBe(bundled);
    expect(existsSync(join(root, 'corpus/USER-PINSKER-NO-ROOT.json'))).toBe(false);
    // a different seed, and still violated on the first instance: the corpus entry is drawn first
    const second = kdverify(['run', '--claims-file', 'examples/claims/pinsker.ts', '--claims', 'USER-PINSKER-NO-ROOT', '--runs', '200', '--seed', '7', '--search', '0', '--corpus', corpus, '--out', join(dir, 'b')]);
    expect(second.status).toBe(1);
    expect(report(join(dir, 'b')).claims[0].properties[0].instances).toBe(1);
  });
});

describe('replay finds the claims files from the report', () => {
  it('works from any directory: the report names its claims files relative to itself', () => {
    const out = mkdtempSync(join(tmpdir(), 'kdverify-replay-'));
    expect(kdverify(['run', '--claims-file', 'examples/claims/pinsker.ts', '--claims', 'USER-PINSKER-NO-ROOT', '--runs', '200', '--out', out]).status).toBe(1);
    const recorded = report(out).config.claimsFiles;
    expect(recorded).toHaveLength(1);
    expect(resolve(out, recorded[0])).toBe(join(root, 'examples/claims/pinsker.ts'));
    const r = kdverify(['replay', '--report', join(out, 'report.json'), '--claim', 'USER-PINSKER-NO-ROOT'], tmpdir());
    expect(r.stdout).toMatch(/verdict: violated \(reproduced\)/);
    expect(r.status).toBe(1);
  });
});
