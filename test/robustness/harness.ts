/**
 * The robustness suite's harness: kdverify as a user runs it (a child process), misbehaving claims
 * files written into a temporary directory, and the checks every case shares — the exit status,
 * the one-line message, and that no report claims verification that did not happen.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { reportProblems } from '../../src/report/validate.ts';
import type { Report } from '../../src/report/types.ts';

export const BIN = fileURLToPath(new URL('../../bin/kdverify.js', import.meta.url));
const API = pathToFileURL(fileURLToPath(new URL('../../src/api.ts', import.meta.url))).href;

/** No case may hang the suite: a kdverify still running after this is killed, and the case fails. */
export const HANG_GUARD_MS = 150_000;

const env = { ...process.env, CI: 'true' };

/** Run kdverify to its end (killed after HANG_GUARD_MS: status null). */
export const kdverify = (args: string[], cwd?: string): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, cwd, timeout: HANG_GUARD_MS, killSignal: 'SIGKILL' });

/** Start kdverify in the background. */
export const startKdverify = (args: string[]) => spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });

/** A fresh temporary directory where claims files are ES modules. */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kdverify-robust-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/**
 * Write a claims file into `dir`: `body` is the module's code after the import of the public API
 * (defineClaim, defineProperty, fc), and must export `claims`.
 */
export function claimsFile(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `import { defineClaim, defineProperty, fc } from '${API}';\n${body}\n`);
  return file;
}

/**
 * One claim USER-<ID> with one property `<id>/p` on integers 0..9, with the given sides body
 * (a function of F and x) and, optionally, a negative control that is refuted at once.
 */
export const claimSource = (id: string, sides: string, opts: { arbitrary?: string; control?: boolean } = {}): string => `defineClaim({
  id: 'USER-${id}', title: '${id}', statement: '${id}',
  properties: [defineProperty({
    id: 'USER-${id}/p', claim: 'USER-${id}', title: '${id}', relation: 'le',
    arbitrary: ${opts.arbitrary ?? 'fc.integer({ min: 0, max: 9 })'},
    sides: (F, x) => { ${sides} },
    controls: ${opts.control ? `[{ id: 'USER-${id}/p~swapped', description: 'the sides swapped', sides: (F, x) => ({ lhs: F.fromNumber(1), rhs: F.fromNumber(0) }) }]` : '[]'},
  })],
})`;

/** A claim that holds on every instance (0 ≤ 1), with a control refuted at once. */
export const HOLDS = claimSource('FINE', 'return { lhs: F.fromNumber(0), rhs: F.fromNumber(1) };', { control: true });

export const readReport = (dir: string): Report => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;

/** The exit status is `status` and stderr is exactly one line matching `message`. */
export function expectOneLineError(r: SpawnSyncReturns<string>, status: number, message: RegExp): void {
  expect(r.status, `stderr: ${r.stderr}`).toBe(status);
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with --help'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

/**
 * The report is valid and claims no verification that did not happen: a property (and its claim)
 * is `holds` or `tight` only if it checked at least one instance and was not cut short; a report
 * marked complete has no cut-short property. With `exitStatus`, 0 is allowed only for a complete
 * run with nothing violated, errored or undecided and every negative control refuted.
 */
export function expectHonestReport(report: Report, exitStatus?: number | null): void {
  expect(reportProblems(report)).toEqual([]);
  const verified = (s: string) => s === 'holds' || s === 'tight' || s === 'sharp';
  for (const c of report.claims) {
    for (const p of c.properties) {
      if (p.cutShort || p.instances === 0) expect(verified(p.status), `${p.id} is ${p.status} after ${p.instances} instances${p.cutShort ? ', cut short' : ''}`).toBe(false);
      if (p.cutShort) expect(report.complete).toBe(false);
    }
    if (c.properties.some((p) => p.cutShort || p.instances === 0)) expect(verified(c.status), `${c.id} is ${c.status}`).toBe(false);
  }
  if (exitStatus === 0) {
    expect(report.complete || report.config.shard !== null).toBe(true);
    for (const c of report.claims) {
      expect(verified(c.status), `${c.id} is ${c.status} and the exit status 0`).toBe(true);
      for (const p of c.properties) {
        expect(p.cutShort).toBe(false);
        for (const k of p.controls) expect(k.refuted, `control ${k.id} not refuted and the exit status 0`).toBe(true);
      }
    }
  }
}

/** Wait until `file` exists (written by a claims file's code when it runs), or fail after the hang guard. */
export async function waitForFile(file: string): Promise<void> {
  const t0 = Date.now();
  while (!existsSync(file)) {
    if (Date.now() - t0 > HANG_GUARD_MS) throw new Error(`${file} never appeared`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait for a process to end (its exit status, or the signal that ended it). */
export const exited = (child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve({ code: child.exitCode, signal: child.signalCode }) : child.on('exit', (code, signal) => resolve({ code, signal }))));

/** Is a process (by id) still running? */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
