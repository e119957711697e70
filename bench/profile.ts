/**
 * Where kd-verify's time goes: run one workload's kd-verify side under `node --cpu-prof` and list
 * the functions with the most self time (and the share of decimal.js as a whole).
 *
 *   npx tsx bench/profile.ts W1 [W2 …] [--quick] [--top 15]     writes bench/PROFILE.md
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FILES: Record<string, string> = { W1: 'bench/ts/w1-kl.ts', W2: 'bench/ts/w2-dv.ts', W3: 'bench/ts/w3-t8.ts', W4: 'bench/ts/w4-lg.ts' };

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const where = (url: string) => {
  const path = url.replace(/^file:\/\//, '').replace(ROOT, '');
  return path.includes('node_modules/') ? path.replace(/.*node_modules\/([^/]+).*/, '$1') : path || '(native)';
};

function summarise(p: Profile, top: number): string[] {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    total += t;
    const f = where(n.callFrame.url);
    const key = `${n.callFrame.functionName || '(anonymous)'} — ${f}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    byFile.set(f, (byFile.get(f) ?? 0) + t);
  }
  const pct = (t: number) => `${((100 * t) / total).toFixed(1)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return [
    `self time ${(total / 1e6).toFixed(2)} s`,
    '',
    '| self | function — file:line |',
    '|---|---|',
    ...sorted(byFn).slice(0, top).map(([k, t]) => `| ${pct(t)} | ${k.replace(/\|/g, '\\|')} |`),
    '',
    '| self | module |',
    '|---|---|',
    ...sorted(byFile).slice(0, 8).map(([k, t]) => `| ${pct(t)} | ${k} |`),
  ];
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
const ids = args.filter((a) => a in FILES);
const out: string[] = ['# Where kd-verify spends its time (CPU profiles)', '', `\`npx tsx bench/profile.ts ${args.join(' ')}\`, ${new Date().toISOString()}. Self time per function, from \`node --cpu-prof\` on the kd-verify side of each workload, its headline path only (\`--headline\`: W1 in MPFR intervals; W2 and W3 screened, first and second pass; no Decimal-only comparison rows)${quick ? ' (--quick counts)' : ''}. Module loading is included (about 0.3 s of each process).`, ''];
for (const id of ids) {
  const dir = mkdtempSync(join(tmpdir(), 'kd-prof-'));
  try {
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--import', new URL('../src/loader/register.mjs', import.meta.url).href, FILES[id], '--headline', ...(quick ? ['--quick'] : [])], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`${id} failed: ${r.stderr}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    const lines = summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, top);
    out.push(`## ${id}`, '', ...lines, '');
    console.log(`${id}:\n${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
writeFileSync(fileURLToPath(new URL('./PROFILE.md', import.meta.url)), out.join('\n'));
