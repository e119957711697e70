import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { claimsFile, claimSource, expectHonestReport, expectOneLineError, HOLDS, kdverify, readReport, scratch } from './harness.ts';

describe('--time-limit', () => {
  it('terminates a formula that never returns: the property is cut short, the run exits 3 with its report', () => {
    const dir = scratch();
    const entered = join(dir, 'entered');
    // the marker proves the loop was entered, so the run ended by terminating it, not by never starting it
    const file = claimsFile(dir, 'loop.ts', `import { writeFileSync } from 'node:fs';
export const claims = [${claimSource('LOOP', `writeFileSync(${JSON.stringify(entered)}, ''); for (;;) {}`)}];`);
    const out = join(dir, 'out');
    const r = kdverify(['run', '--claims-file', file, '--claims', 'USER-*', '--runs', '50', '--time-limit', '15', '--jobs', '1', '--out', out]);
    expect(r.status, r.stderr).toBe(3);
    expect(existsSync(entered)).toBe(true);
    expect(r.stdout).toMatch(/INCOMPLETE/);
    const report = readReport(out);
    expectHonestReport(report, r.status);
    const p = report.claims[0].properties[0];
    expect(p).toMatchObject({ cutShort: true, status: 'undecided' });
    expect(p.statusReason).toMatch(/terminated at the time limit/);
  });

  it('a run cut short exits 3, not 0, and no cut-short property is verified', () => {
    const dir = scratch();
    const r = kdverify(['run', '--claims', 'KD-L7-SUBG', '--time-limit', '1', '--out', dir]);
    expect(r.status, r.stderr).toBe(3);
    const report = readReport(dir);
    expect(report.complete).toBe(false);
    expect(report.claims.flatMap((c) => c.properties).some((p) => p.cutShort)).toBe(true);
    expectHonestReport(report, r.status);
  });
});

describe('huge instances', () => {
  const LENGTH = 300_000;
  const dir = scratch();
  // the same 300 000-element instance every time, so the test knows its hash; the claim is false
  const file = claimsFile(dir, 'huge.ts', `const big = Array.from({ length: ${LENGTH} }, (_, i) => i % 7);
export const claims = [${claimSource('HUGE', 'return { lhs: F.fromNumber(x[1]), rhs: F.fromNumber(x[0]) };', { arbitrary: 'fc.constant(big)' })}, ${HOLDS}];`);
  const out = join(dir, 'out');
  const run = kdverify(['run', '--claims-file', file, '--claims', 'USER-*', '--runs', '3', '--jobs', '1', '--out', out]);
  const full = Array.from({ length: LENGTH }, (_, i) => i % 7);

  it('contribute a hash and their first elements to the report, and say so', () => {
    expect(run.status, run.stderr).toBe(1);
    const report = readReport(out);
    expectHonestReport(report, run.status);
    expect(statSync(join(out, 'report.json')).size).toBeLessThan(1_000_000);
    const cex = report.claims.find((c) => c.id === 'USER-HUGE')!.counterexample!;
    const marker = (cex.instance as { $truncated: { length: number; sha256: string; first: number[] } }).$truncated;
    expect(marker.length).toBe(LENGTH);
    expect(marker.sha256).toBe(createHash('sha256').update(JSON.stringify(full)).digest('hex'));
    expect(marker.first).toEqual(full.slice(0, marker.first.length));
    expect(marker.first.length).toBeGreaterThan(0);
  });

  it('replay refuses a truncated counterexample with a one-line message (exit 2), naming the seed that reproduces it', () => {
    const r = kdverify(['replay', '--report', join(out, 'report.json'), '--claim', 'USER-HUGE']);
    expectOneLineError(r, 2, /too large to store whole.*--seed/);
  });
});
