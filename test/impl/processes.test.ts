import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubprocessAdapter } from '../../src/impl/adapters/subprocess.ts';
import { checkImpl } from '../../src/impl/run.ts';

const python = spawnSync('python3', ['-c', 'import sys'], { stdio: 'ignore' }).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a process exists and is not a zombie (a zombie has ended; only its exit status is left). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (existsSync(stat)) return !/^\d+ \(.*\) Z /.test(readFileSync(stat, 'utf8'));
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids the stubborn adapter wrote: itself and its grandchild, one line per start. */
const pidsIn = (file: string): number[] => (existsSync(file) ? readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number) : []);

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (cond()) return true;
  return cond();
}

describe.skipIf(!python)('no adapter process survives (checked by process id)', () => {
  const command = (file: string) => `python3 test/fixtures/adapters/stubborn_adapter.py ${file}`;

  it('after a normal run: the adapter ignoring EOF and the grandchild it started are ended', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kdv-pids-')), 'pids');
    const r = await checkImpl(new SubprocessAdapter(command(file)), { module: null, cmd: command(file), functions: ['kl_discrete'], runs: 20, seed: 42, timeoutMs: 5000, version: 'test' });
    expect(r.summary.pass).toBe(1);
    const pids = pidsIn(file);
    expect(pids.length).toBeGreaterThanOrEqual(2);
    expect(await waitFor(() => pids.every((p) => !alive(p)), 5000)).toBe(true);
  }, 60_000);

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('when kdverify gets %s: its adapter (ignoring the signal and EOF) and the grandchild are ended', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'kdv-pids-'));
    const file = join(dir, 'pids');
    const kdv = spawn('node', ['bin/kdverify.js', 'check-impl', '--cmd', command(file), '--runs', '1000000', '--out', join(dir, 'out')], { stdio: 'ignore' });
    const exited = new Promise<void>((r) => kdv.once('exit', () => r()));
    expect(await waitFor(() => pidsIn(file).length >= 2, 30_000)).toBe(true);
    const pids = pidsIn(file);
    expect(pids.every(alive)).toBe(true);
    kdv.kill(signal);
    await exited;
    expect(await waitFor(() => pids.every((p) => !alive(p)), 5000), `still running: ${pids.filter(alive).join(', ')}`).toBe(true);
    expect(existsSync(join(dir, 'out', 'report.json'))).toBe(false); // an interrupted run writes no report
  }, 60_000);
});
