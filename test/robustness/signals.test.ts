import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alive, BIN, claimsFile, claimSource, exited, expectHonestReport, HANG_GUARD_MS, readReport, scratch, startKdverify, waitForFile } from './harness.ts';

/** A run that never ends by itself (a formula that loops, no time limit), and the marker its loop writes. */
function endlessRun() {
  const dir = scratch();
  const entered = join(dir, 'entered');
  const file = claimsFile(dir, 'loop.ts', `import { writeFileSync } from 'node:fs';
export const claims = [${claimSource('LOOP', `writeFileSync(${JSON.stringify(entered)}, ''); for (;;) {}`)}];`);
  const out = join(dir, 'out');
  return { dir, entered, out, args: ['run', '--claims-file', file, '--claims', 'USER-*', '--runs', '50', '--jobs', '1', '--out', out] };
}

async function gone(pid: number): Promise<void> {
  const t0 = Date.now();
  while (alive(pid)) {
    if (Date.now() - t0 > HANG_GUARD_MS) {
      process.kill(pid, 'SIGKILL');
      throw new Error(`kdverify (pid ${pid}) still running`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('signals stop the workers and end the run', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('%s: exit 3, the report written and marked incomplete', async (signal) => {
    const run = endlessRun();
    const child = startKdverify(run.args);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    await waitForFile(run.entered);
    child.kill(signal);
    const { code } = await exited(child);
    expect(code, stderr).toBe(3);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`${signal}: stopping`));
    const report = readReport(run.out);
    expect(report.complete).toBe(false);
    expect(report.claims[0].properties[0]).toMatchObject({ cutShort: true, status: 'undecided' });
    expect(report.claims[0].properties[0].statusReason).toMatch(new RegExp(`interrupted \\(${signal}\\)`));
    expectHonestReport(report, code);
  });

  it('a kdverify whose parent is killed (as when npx is sent SIGTERM and does not pass it on) stops too', async () => {
    const run = endlessRun();
    // a wrapper like npx: starts kdverify, prints its pid, and dies on SIGTERM without passing it on
    const wrapper = join(run.dir, 'wrapper.mjs');
    writeFileSync(wrapper, `import { spawn } from 'node:child_process';
const child = spawn(process.execPath, [${JSON.stringify(BIN)}, ...process.argv.slice(2)], { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
console.log(child.pid);
setInterval(() => {}, 1000);
`);
    const parent = spawn(process.execPath, [wrapper, ...run.args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = Number(await new Promise<string>((resolve) => parent.stdout!.once('data', (d) => resolve(String(d)))));
    expect(pid).toBeGreaterThan(0);
    await waitForFile(run.entered);
    parent.kill('SIGTERM');
    await exited(parent);
    await gone(pid);
    expect(existsSync(join(run.out, 'report.json'))).toBe(true);
    const report = readReport(run.out);
    expect(report.complete).toBe(false);
    expect(report.claims[0].properties[0].statusReason).toMatch(/parent process exited/);
    expectHonestReport(report);
  });
});
