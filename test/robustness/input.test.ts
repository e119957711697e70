import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimsFile, claimSource, expectHonestReport, expectOneLineError, HOLDS, kdverify, readReport, scratch } from './harness.ts';

describe('--out is checked before any work', () => {
  it.each([
    ['an empty --out', () => ['run', '--claims', 'KD-L6-DV', '--runs', '5', '--out', ''], /--out must name a directory/],
    ['a 300-character directory name', (dir: string) => ['run', '--claims', 'KD-L6-DV', '--runs', '5', '--out', join(dir, 'x'.repeat(300))], /too long/],
    ['merge --out ""', (dir: string) => ['merge', dir, '--out', ''], /--out must name a directory/],
  ])('%s: exit 2 with a one-line message, nothing run or created', (_name, args, message) => {
    const dir = scratch();
    const r = kdverify((args as (d: string) => string[])(dir));
    expectOneLineError(r, 2, message as RegExp);
    expect(r.stdout).not.toMatch(/reports written|instances/);
    expect(readdirSync(dir)).toEqual(['package.json']);
  });
});

describe('--claims', () => {
  it.each([[''], [',,,']])('%j is a usage error, not every claim', (value) => {
    const r = kdverify(['run', '--claims', value, '--runs', '1', '--out', scratch()]);
    expectOneLineError(r, 2, /--claims needs at least one claim id or glob/);
    expect(r.stdout).toBe('');
  });
});

describe('replay of a report whose stored instance is malformed', () => {
  const dir = scratch();
  // a false claim on weight vectors: its counterexample is stored, then the test breaks it
  const file = claimsFile(dir, 'false.ts', `export const claims = [${claimSource('FALSE', 'const s = x.w.map((v) => v + 1).reduce((a, b) => a + b, 0); return { lhs: F.fromNumber(s), rhs: F.fromNumber(0) };', { arbitrary: 'fc.record({ w: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }) })' })}];`);
  const out = join(dir, 'out');
  const run = kdverify(['run', '--claims-file', file, '--claims', 'USER-*', '--runs', '10', '--out', out]);

  it('the stored counterexample itself replays as violated (exit 1)', () => {
    expect(run.status, run.stderr).toBe(1);
    expect(kdverify(['replay', '--report', join(out, 'report.json'), '--claim', 'USER-FALSE']).status).toBe(1);
  });

  it.each([
    ['a missing field', { v: [1, 2] }],
    ['a bad special double', { w: [{ $double: 'huge' }] }],
  ])('%s: exit 2 with a one-line message, never 1 (which means "violated again")', (_name, instance) => {
    const report = readReport(out);
    report.claims[0].counterexample!.instance = instance;
    // beside the original: the report names its claims file relative to its own directory
    const edited = join(out, `edited-${Object.keys(instance)[0]}.json`);
    writeFileSync(edited, JSON.stringify(report));
    const r = kdverify(['replay', '--report', edited, '--claim', 'USER-FALSE']);
    expectOneLineError(r, 2, /stored counterexample of USER-FALSE cannot be evaluated/);
  });
});

describe('a run into the directory of an earlier run', () => {
  it("leaves only the new report's files and the user's own files", () => {
    const dir = scratch();
    const out = join(dir, 'reports');
    mkdirSync(out);
    // an earlier run's report with a figure, check-html's screenshot, a user's notes, and a
    // figure name in the old report that points outside the directory (never followed)
    writeFileSync(join(out, 'report.json'), JSON.stringify({ figures: [{ file: 'kd-tight-rho0.svg' }, { file: '../outside.svg' }], scripts: [{ file: 'findings/old-finding.py' }] }));
    mkdirSync(join(out, 'findings'));
    for (const f of ['kd-tight-rho0.svg', 'report.png', 'report.tex', 'notes.txt', 'findings/old-finding.py']) writeFileSync(join(out, f), 'earlier');
    writeFileSync(join(dir, 'outside.svg'), 'not ours');
    const file = claimsFile(dir, 'fine.ts', `export const claims = [${HOLDS}];`);
    const r = kdverify(['run', '--claims-file', file, '--claims', 'USER-*', '--runs', '5', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expectHonestReport(readReport(out), r.status);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'notes.txt', 'report.html', 'report.json', 'report.md', 'report.tex']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('earlier');
    expect(existsSync(join(dir, 'outside.svg'))).toBe(true);
  });
});
