/**
 * kd-verify against the same workloads written as Hypothesis + mpmath scripts, side by side.
 *
 *   npx tsx bench/run.ts                      W1–W4 against Hypothesis + mpmath, writes bench/RESULTS-mpmath.md
 *   npx tsx bench/run.ts --quick              short smoke run, writes bench/RESULTS-mpmath-quick.md
 *   npx tsx bench/run.ts --workloads W1,W3    a selection
 *   npx tsx bench/run.ts --full               also time `kdverify run` on the whole suite (~10 min)
 *   --results <file>                          where to write the Markdown results
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SideResult, WorkloadResult } from './ts/common.ts';

const BENCH = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const WORKLOADS: Record<string, () => Promise<{ run: (o: { quick: boolean }) => Promise<WorkloadResult> }>> = {
  W1: () => import('./ts/w1-kl.ts'),
  W2: () => import('./ts/w2-dv.ts'),
  W3: () => import('./ts/w3-t8.ts'),
  W4: () => import('./ts/w4-lg.ts'),
  full: () => import('./ts/full-verify.ts'),
};

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const full = argv.includes('--full');
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const selected = value('--workloads')?.split(',').map((w) => w.trim()).filter(Boolean) ?? ['W1', 'W2', 'W3', 'W4', ...(full ? ['full'] : [])];
  const unknown = selected.filter((w) => !(w in WORKLOADS));
  if (unknown.length) throw new Error(`unknown workload(s) ${unknown.join(', ')}; known: ${Object.keys(WORKLOADS).join(', ')}`);
  const results = value('--results') ?? `${BENCH}${quick ? 'RESULTS-mpmath-quick.md' : 'RESULTS-mpmath.md'}`;
  return { quick, selected, results };
}

interface PythonResult {
  sides: SideResult[];
  checks: string[];
  error?: string;
}

function python(args: string[], script = 'common.py'): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('python3', [`${BENCH}py/${script}`, ...args], { cwd: `${BENCH}py`, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { stdout: r.stdout ?? '', stderr: r.error ? String(r.error) : r.stderr ?? '', status: r.status };
}

function runPython(script: string, args: string[]): PythonResult {
  const r = python(args, script);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as PythonResult;
  } catch {
    return { sides: [], checks: [], error: `python3 ${script} failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  }
}

function versions() {
  const pkg = (name: string) => (JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  const py = python([]);
  let pyv: Record<string, string> = {};
  try {
    pyv = JSON.parse(py.stdout) as Record<string, string>;
  } catch {
    pyv = { python: `unavailable (${py.stderr.trim().split('\n').pop()})` };
  }
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  // the suite is measured as it is in the working tree: say which sources differ from the commit
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'properties'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((l) => l.slice(3));
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}${cpus[0]?.speed ? ` (${cpus[0].speed} MHz)` : ''}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    libs: `decimal.js ${pkg('decimal.js')}, fast-check ${pkg('fast-check')}`,
    python: pyv,
    git: `${git}${dirty.length ? ` with working-tree changes to ${dirty.join(', ')}` : ''}`,
  };
}

const fmtS = (s: number) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s.toFixed(3));
const rate = (s: SideResult) => (s.seconds > 0 ? s.instances / s.seconds : NaN);
const fmtRate = (x: number) => (!Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(2));
/** The Python side a kd-verify figure is compared with: the one at the same position, else the first. */
const partner = (py: SideResult[], i: number) => py[Math.min(i, py.length - 1)];

interface Row {
  workload: string;
  ts: SideResult;
  py?: SideResult;
}

function rows(results: Array<{ w: WorkloadResult; py: PythonResult | null }>): Row[] {
  return results.flatMap(({ w, py }) => w.ts.map((ts, i) => ({ workload: w.id, ts, py: py?.sides.length ? partner(py.sides, i) : undefined })));
}

function table(rs: Row[]): string[] {
  const head = ['workload', 'kd-verify', 'time (s)', 'inst/s', 'Python', 'time (s)', 'inst/s', 'ratio'];
  const body = rs.map(({ workload, ts, py }) => [
    workload,
    ts.label,
    fmtS(ts.seconds),
    fmtRate(rate(ts)),
    py?.label ?? '–',
    py ? fmtS(py.seconds) : '–',
    py ? fmtRate(rate(py)) : '–',
    // per instance, so a different count of checked instances does not skew the figure
    py ? `${(rate(ts) / rate(py)).toPrecision(3)}×` : '–',
  ]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)];
}

function details(w: WorkloadResult, py: PythonResult | null): string[] {
  const out = [`### ${w.id}: ${w.title}`, ''];
  const describe = (s: SideResult, who: string) => {
    out.push(`- **${who}: ${s.label}**: ${fmtS(s.seconds)} s, ${s.instances} instances${s.verdicts ? `, verdicts ${JSON.stringify(s.verdicts)}` : ''}`);
    if (s.phases) out.push(`  - phases (s): ${Object.entries(s.phases).map(([k, v]) => `${k} ${fmtS(v)}`).join('; ')}`);
    for (const n of s.notes ?? []) out.push(`  - ${n}`);
  };
  w.ts.forEach((s) => describe(s, 'kd-verify'));
  if (py?.error) out.push(`- **Python**: ${py.error}`);
  py?.sides.forEach((s) => describe(s, 'Python'));
  for (const n of [...(w.notes ?? []), ...(py?.checks ?? [])]) out.push(`- ${n}`);
  out.push('');
  return out;
}

async function main() {
  const { quick, selected, results: resultsPath } = parseArgs(process.argv.slice(2));
  const v = versions();
  const started = new Date();
  const load0 = os.loadavg();
  console.log(`kd-verify bench${quick ? ' (--quick)' : ''}: ${selected.join(', ')}`);
  const results: Array<{ w: WorkloadResult; py: PythonResult | null }> = [];
  for (const id of selected) {
    process.stdout.write(`  ${id}: kd-verify… `);
    const w = await (await WORKLOADS[id]()).run({ quick });
    process.stdout.write(`${w.ts.map((s) => fmtS(s.seconds) + ' s').join(', ')}`);
    let py: PythonResult | null = null;
    if (w.python) {
      process.stdout.write('; Python… ');
      py = runPython(w.python.script, w.python.args);
      process.stdout.write(py.error ? 'FAILED' : py.sides.map((s) => fmtS(s.seconds) + ' s').join(', '));
    }
    console.log('');
    results.push({ w, py });
  }
  const rs = rows(results);
  console.log('');
  console.log(table(rs).join('\n'));
  for (const { py } of results) for (const c of py?.checks ?? []) console.log(`  ${c}`);
  for (const { py } of results) if (py?.error) console.log(`  ${py.error}`);

  const pyv = v.python;
  const md = [
    `# kd-verify benchmark results${quick ? ' (--quick smoke run: reduced counts)' : ''}`,
    '',
    `Generated by \`npx tsx bench/run.ts ${process.argv.slice(2).join(' ')}\` on ${started.toISOString()} (${((Date.now() - started.getTime()) / 1000).toFixed(0)} s in all). See bench/README.md for what each workload is.`,
    '',
    '## Machine',
    '',
    `- CPU: ${v.cpu}; memory ${v.memory}; ${v.os}`,
    `- load average (1 min) at start / end: ${load0[0].toFixed(2)} / ${os.loadavg()[0].toFixed(2)}`,
    `- Node ${v.node}; ${v.libs}; kd-verify at ${v.git}`,
    `- Python ${pyv.python ?? '?'}; mpmath ${pyv.mpmath ?? '?'} (backend: ${pyv.mpmath_backend ?? '?'}); Hypothesis ${pyv.hypothesis ?? '?'}`,
    '',
    '## Summary',
    '',
    'Times are wall-clock inside each process (module loading and interpreter start excluded), one run each. ' +
      '**ratio** = kd-verify instances/s ÷ Python instances/s (> 1: kd-verify faster); each kd-verify figure is compared with the Python figure on the same row.',
    '',
    ...table(rs),
    '',
    '## Per workload',
    '',
    ...results.flatMap(({ w, py }) => details(w, py)),
  ].join('\n');
  writeFileSync(resultsPath, md);
  console.log(`\nwrote ${resultsPath}`);
}

// measured under the CLI's module hooks (src/loader/): started by plain tsx, run again with them
if (process.env.KD_VERIFY_HOOKS !== '1') {
  const r = spawnSync(process.execPath, ['--import', new URL('../src/loader/register.mjs', import.meta.url).href, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
await main();
