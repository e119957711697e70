import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain, now, seconds, type WorkloadResult } from './common.ts';

/** The whole suite with the default budget: `node bin/kdverify.js run --out <tmpdir>` (no Python counterpart). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function run(): Promise<WorkloadResult> {
  const out = mkdtempSync(join(tmpdir(), 'kd-verify-bench-'));
  try {
    const t0 = now();
    const r = spawnSync(process.execPath, ['bin/kdverify.js', 'run', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const secs = seconds(t0);
    const notes = [`exit code ${r.status}`];
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
