import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledIsCurrent } from '../../src/loader/compiled.mjs';
import { runMain, now, seconds, type WorkloadResult } from './common.ts';

/**
 * The whole suite with the default budget: `node bin/kdverify.js run --out <tmpdir>` (no Python
 * counterpart), under GNU time where it exists for the peak memory (the maximum resident set of the
 * process, its worker threads included).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function run(): Promise<WorkloadResult> {
  const out = mkdtempSync(join(tmpdir(), 'kd-verify-bench-'));
  try {
    const t0 = now();
    const timed = existsSync('/usr/bin/time');
    const cmd = [process.execPath, 'bin/kdverify.js', 'run', '--out', out];
    const r = timed ? spawnSync('/usr/bin/time', ['-v', ...cmd], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }) : spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const secs = seconds(t0);
    // a checkout runs dist/ while it is a compilation of these sources (bin/kdverify.js), a fresh clone the sources
    const notes = [`exit code ${r.status}`, compiledIsCurrent(ROOT) ? 'the compiled tree (dist/ current)' : 'from the sources (as on a fresh clone)'];
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
    const cpu = [/User time \(seconds\): ([\d.]+)/, /System time \(seconds\): ([\d.]+)/].map((re) => Number(re.exec(r.stderr ?? '')?.[1] ?? NaN));
    notes.push(rss ? `peak memory ${(Number(rss[1]) / 1024).toFixed(0)} MiB (maximum resident set, worker threads included); CPU ${(cpu[0] + cpu[1]).toFixed(0)} s` : 'peak memory: not measured (no /usr/bin/time)');
    let instances = 0;
    try {
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { claims: Array<{ properties: Array<{ instances: number }> }>; summary: Record<string, number> };
      const props = report.claims.flatMap((c) => c.properties);
      instances = props.reduce((s, p) => s + p.instances, 0);
      notes.push(`${report.claims.length} claims, ${props.length} properties; claim statuses ${JSON.stringify(report.summary)}`);
    } catch (e) {
      notes.push(`no report.json: ${e instanceof Error ? e.message : String(e)}; stderr: ${r.stderr.slice(-500)}`);
    }
    return { id: 'full', title: 'full verify: node bin/kdverify.js run (default budget, all cores)', ts: [{ label: 'kdverify run', seconds: secs, instances, notes }] };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await runMain(import.meta.url, () => run());
