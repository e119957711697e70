import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportProblems } from '../../src/report/validate.ts';
import type { Report } from '../../src/report/types.ts';

const bin = fileURLToPath(new URL('../../bin/kdverify.js', import.meta.url));
const kdverify = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });

describe('kdverify command line', () => {
  it('list shows every claim, encoded or not', () => {
    const r = kdverify('list', '--json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; encoded: boolean; properties: number }>;
    expect(rows.find((x) => x.id === 'KD-L6-DV')).toMatchObject({ encoded: true });
    expect(rows.find((x) => x.id === 'SKD-NUMERIC')).toMatchObject({ encoded: false, properties: 0 });
  });

  it.each([
    [['run', '--runs', 'abc'], /--runs must be an integer/],
    [['run', '--runs', '0'], /between 1 and/],
    [['run', '--digits', '5'], /--digits must be between/],
    [['run', '--claims', 'NO-SUCH-CLAIM'], /no encoded claim matches/],
    [['run', '--bogus'], /unknown option/],
    [['run', '--runs', '-1'], /between 1 and/],
    [['run', '--digits', '5000'], /--digits must be between 20 and 250/],
    [['run', '--claims', 'KD-L6-DV', '--runs', '3', '--out', 'README.md'], /is a file, not a directory/],
    [['run', '--claims', 'KD-L6-DV', '--runs', '3', '--out', 'README.md/sub'], /cannot be created/],
    [['run', '--claims', 'KD-L6-DV', '--runs', '3', '--out', '/proc/kdverify-out'], /is not writable/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 with a one-line message for %j', (args, message) => {
    const r = kdverify(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with --help') && !l.startsWith('(Did you mean')).length).toBe(1);
  });

  it('--help exits 0 and names every file a run writes', () => {
    const r = kdverify('run', '--help');
    expect(r.status).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    for (const f of ['report.html', 'report.md', 'report.json', 'report.tex', 'junit.xml', '*.svg', 'findings/*.py']) expect(text).toContain(f);
  });
});

describe('claims files and replay', () => {
  const out = mkdtempSync(join(tmpdir(), 'kdverify-user-'));
  const run = kdverify('run', '--claims-file', 'examples/claims/pinsker.ts', '--claims', 'USER-*', '--runs', '200', '--out', out);

  it("runs the README's example: Pinsker holds, the bound without the root is violated (exit 1)", () => {
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(reportProblems(report)).toEqual([]);
    const claim = (id: string) => report.claims.find((c) => c.id === id)!;
    expect(claim('USER-PINSKER').status).toMatch(/^(holds|sharp)$/);
    expect(claim('USER-PINSKER').provenance).toBe('user');
    expect(claim('USER-PINSKER').controls.every((k) => k.refuted)).toBe(true);
    expect(claim('USER-PINSKER-NO-ROOT').status).toBe('violated');
    expect(claim('USER-PINSKER-NO-ROOT').counterexample?.margin.hi).toMatch(/^-/);
  });

  it('counts each result line [k/N] and ends with the counts, the findings and the report to open', () => {
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((l) => /^\[[12]\/2\] (holds|sharp|violated) +USER-/.test(l)).length).toBe(2);
    expect(run.stdout).toMatch(/2 claims: .*1 violated/);
    expect(run.stdout).toMatch(/\d+ findings? \(.*1 violated/);
    expect(run.stdout).toContain(`open ${join(out, 'report.html')}`);
  });

  it('reports the violation as a finding, with no script where no Python formula exists (a claims file)', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const f = report.findings.find((x) => x.kind === 'violated')!;
    expect(f).toMatchObject({ claim: 'USER-PINSKER-NO-ROOT', script: null, replay: 'kdverify replay --report report.json --claim USER-PINSKER-NO-ROOT' });
    expect(report.scripts.find((x) => x.subject === 'counterexample')).toMatchObject({ file: null, note: expect.stringMatching(/no Python formula/) });
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/no script — no Python formula/);
  });

  it('replay reproduces the counterexample from the report alone (exit 1, verdict violated)', () => {
    const r = kdverify('replay', '--report', join(out, 'report.json'), '--claim', 'USER-PINSKER-NO-ROOT');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/verdict: violated \(reproduced\)/);
  });

  it.each([
    [['run', '--claims-file', 'no/such/file.ts'], /no such file/],
    [['run', '--claims-file', 'test/fixtures/claims/not-an-array.ts'], /must export a non-empty array 'claims'/],
    [['run', '--claims-file', 'test/fixtures/claims/bad-id.ts'], /could not be loaded: property id USER-X\/p|must match USER-/],
    [['run', '--claims-file', 'test/fixtures/claims/syntax-error.js'], /could not be loaded/],
    [['replay', '--report', 'no/such/report.json', '--claim', 'X'], /no such file/],
    [['replay', '--report', 'README.md', '--claim', 'X'], /is not JSON/],
  ])('exits 2 with a one-line message for %j', (args, message) => {
    const r = kdverify(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').length).toBe(1);
    expect(r.stderr).toMatch(message as RegExp);
  });
});

describe('shards and merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kdverify-shards-'));
  // controls get the full budget (as in CI): an unrefuted control would make every run exit 3
  const claims = ['--claims', 'KD-BD-*,SKD-TOPK', '--runs', '30', '--control-runs', '1000', '--seed', '5'];
  const shard = (i: number) => kdverify('run', ...claims, '--shard', `${i}/2`, '--out', join(dir, `s${i}`));
  const [s1, s2] = [shard(1), shard(2)];
  const whole = kdverify('run', ...claims, '--out', join(dir, 'whole'));
  const merged = kdverify('merge', join(dir, 's1'), join(dir, 's2'), '--out', join(dir, 'merged'));
  const read = (d: string) => JSON.parse(readFileSync(join(dir, d, 'report.json'), 'utf8')) as Report;
  const withoutTimings = (r: Report) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'timing' || k === 'durationMs' ? undefined : v)));

  it('each shard is marked incomplete and runs part of the properties', () => {
    expect([s1.status, s2.status, whole.status]).toEqual([0, 0, 0]);
    const [a, b] = [read('s1'), read('s2')];
    expect(a.complete || b.complete).toBe(false);
    const count = (r: Report) => r.claims.reduce((s, c) => s + c.properties.length, 0);
    expect(count(a) + count(b)).toBe(count(read('whole')));
    expect(count(a)).toBeGreaterThan(0);
  });

  it('merged, the shards give the same report as the whole run, timings aside', () => {
    expect(merged.status).toBe(0);
    expect(withoutTimings(read('merged'))).toEqual(withoutTimings(read('whole')));
  });

  it.each([
    [() => ['merge', join(dir, 's1'), '--out', join(dir, 'm1')], /expected shards 1..2 once each/],
    [() => ['merge', join(dir, 's1'), join(dir, 'whole'), '--out', join(dir, 'm2')], /one of them is a whole run/],
    [() => ['merge', join(dir, 'nowhere'), '--out', join(dir, 'm3')], /no such file/],
    [() => ['run', '--shard', '3/2'], /need 1 ≤ I ≤ N/],
    [() => ['run', '--shard', 'half'], /--shard must look like I\/N/],
  ])('refuses bad shards with a one-line message (%#)', (args, message) => {
    const r = kdverify(...(args as () => string[])());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });
});

describe('--time-limit', () => {
  it('cuts the run short, marks the report incomplete and never reports a cut-short property as verified', () => {
    const out = mkdtempSync(join(tmpdir(), 'kdverify-tl-'));
    const r = kdverify('run', '--claims', 'KD-T8-UPPER,KD-BD-*', '--time-limit', '6', '--jobs', '1', '--out', out);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/INCOMPLETE/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(reportProblems(report)).toEqual([]);
    expect(report.complete).toBe(false);
    const props = report.claims.flatMap((c) => c.properties);
    expect(props.some((p) => p.cutShort)).toBe(true);
    for (const p of props.filter((x) => x.cutShort)) expect(p.status).toBe('undecided');
    for (const c of report.claims.filter((x) => x.properties.some((p) => p.cutShort))) expect(c.status).not.toMatch(/^(holds|sharp)$/);
  });
});
