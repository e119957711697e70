import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimsFile, claimSource, exited, expectHonestReport, expectOneLineError, HOLDS, kdverify, readReport, scratch, startKdverify } from './harness.ts';

describe('exit 0 only when the verification happened', () => {
  it('negative controls not refuted at this budget (--runs 1): exit 3, and the summary says why', () => {
    const dir = scratch();
    const r = kdverify(['run', '--claims', 'KD-L6-DV', '--runs', '1', '--out', dir]);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/INCOMPLETE.*negative controls? not refuted/);
    const report = readReport(dir);
    expect(report.claims[0].controls.some((k) => !k.refuted)).toBe(true);
    expectHonestReport(report, r.status);
  });

  it('`kdverify run | head -1`: the run goes on after its output is closed, writes its report and exits with its own status', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    // two workers: the main thread is free to see the closed pipe while the properties run
    const child = startKdverify(['run', '--claims', 'KD-BD-*', '--runs', '20', '--control-runs', '1000', '--jobs', '2', '--out', out]);
    // like head -1: read the first line, then close the pipe
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    child.stdout!.destroy();
    const { code } = await exited(child);
    expect(existsSync(join(out, 'report.json')), `exit ${code} without a report`).toBe(true);
    const report = readReport(out);
    expectHonestReport(report, code);
    const props = report.claims.flatMap((c) => c.properties);
    expect(props.every((p) => !p.cutShort)).toBe(true);
    const verified = props.every((p) => /^(holds|tight|sharp)$/.test(p.status) && p.controls.every((k) => k.refuted));
    expect(code).toBe(verified ? 0 : 3);
  });
});

describe('process.exit in a claims file cannot end the run silently', () => {
  it('at import: exit 2 with a one-line message naming the file', () => {
    const dir = scratch();
    const file = claimsFile(dir, 'exits.ts', `process.exit(0);\nexport const claims = [${HOLDS}];`);
    const r = kdverify(['run', '--claims-file', file, '--out', join(dir, 'out')]);
    expectOneLineError(r, 2, /exits\.ts ended the process \(exit code 0\) while loading/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('inside sides: that property is an error (exit 1), the others are still checked and the report written', () => {
    const dir = scratch();
    const file = claimsFile(dir, 'exits-in-sides.ts', `export const claims = [${claimSource('EXITS', 'process.exit(0);')}, ${HOLDS}];`);
    const out = join(dir, 'out');
    const r = kdverify(['run', '--claims-file', file, '--claims', 'USER-*', '--runs', '20', '--jobs', '1', '--out', out]);
    expect(r.status, r.stderr).toBe(1);
    const report = readReport(out);
    expectHonestReport(report, r.status);
    const exits = report.claims.find((c) => c.id === 'USER-EXITS')!;
    expect(exits.status).toBe('error');
    expect(exits.properties[0].error).toMatch(/exited with code 0/);
    expect(report.claims.find((c) => c.id === 'USER-FINE')!.status).toMatch(/^(holds|tight|sharp)$/);
  });
});

describe('the exit statuses are defined once', () => {
  it("--help shows the README's exit-status table", async () => {
    const { EXIT_STATUSES } = await import('../../src/cli/exit-status.ts');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = [...readme.matchAll(/^\| (\d) \| (.+) \|$/gm)].map((m) => ({ code: Number(m[1]), meaning: m[2] }));
    expect(table).toEqual(EXIT_STATUSES.map((s) => ({ code: s.code, meaning: s.meaning })));
    for (const args of [['--help'], ['run', '--help']]) {
      const r = kdverify(args);
      expect(r.status).toBe(0);
      for (const s of EXIT_STATUSES) expect(r.stdout).toContain(`${s.code}  ${s.meaning}`);
    }
  });
});
