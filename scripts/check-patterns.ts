/**
 * One command per framework: run `kdverify check-impl` on every pattern of a pattern adapter (the
 * distillation losses written the ways practitioners write them) and write each pattern's reports
 * and a summary table (pattern → function → verdict → shrunk witness) under examples/check-impl/<framework>/.
 *
 *   npm run check-patterns -- torch            # PyTorch, from .venv/torch
 *   npm run check-patterns -- jax | tf | fixture
 *   npm run check-patterns -- torch --runs 200 --other-runs 200 --out reports/patterns/torch --float64 none
 *   npm run check-patterns -- torch --only torch-mean,torch-no-t2   # some patterns again
 *   npm run check-patterns -- torch --summary-only   # the table from the reports already written
 *
 * Patterns run in float32 (the frameworks' default) under --precision float32; the first pattern
 * also runs in float64 (--float64 all: every pattern). Framework patterns are judged with
 * --validation lenient: the adapters add no validation of their own, as training code does not.
 * The first pattern (the documented recipe, every function) gets --runs inputs per function (100),
 * the others --other-runs (40): a framework answers a few requests a second, and JAX compiles
 * every new input shape.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Framework {
  python: string;
  adapter: string;
  install: string;
  validation: 'strict' | 'lenient';
}

const FRAMEWORKS: Record<string, Framework> = {
  torch: { python: '.venv/torch/bin/python', adapter: 'examples/adapters/torch_kd_patterns.py', install: 'python3 -m venv .venv/torch && .venv/torch/bin/pip install torch', validation: 'lenient' },
  jax: { python: '.venv/jax/bin/python', adapter: 'examples/adapters/jax_kd_patterns.py', install: 'python3 -m venv .venv/jax && .venv/jax/bin/pip install jax optax', validation: 'lenient' },
  tf: { python: '.venv/tf/bin/python', adapter: 'examples/adapters/tf_kd_patterns.py', install: 'python3 -m venv .venv/tf && .venv/tf/bin/pip install tensorflow-cpu', validation: 'lenient' },
  fixture: { python: 'python3', adapter: 'test/fixtures/adapters/kd_patterns_adapter.py', install: 'python3 (standard library only)', validation: 'strict' },
};

interface Pattern {
  name: string;
  description: string;
  functions: string[];
}

function usage(message: string): never {
  process.stderr.write(`check-patterns: ${message}\nusage: npm run check-patterns -- (${Object.keys(FRAMEWORKS).join(' | ')}) [--runs N] [--other-runs N] [--seed S] [--out DIR] [--float64 base|all|none] [--only PATTERN,…] [--summary-only]\n`);
  process.exit(2);
}

const [framework, ...rest] = process.argv.slice(2);
const fw = FRAMEWORKS[framework];
if (!fw) usage(framework ? `unknown framework ${framework}` : 'which framework?');
const opt = (name: string, fallback: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 && i + 1 < rest.length ? rest[i + 1] : fallback;
};
const runs = opt('runs', '100'), otherRuns = opt('other-runs', '40'), seed = opt('seed', '42'), out = opt('out', join('examples/check-impl', framework)), float64 = opt('float64', 'base');
const only = opt('only', '').split(',').filter(Boolean);
const summaryOnly = rest.includes('--summary-only');
if (!['base', 'all', 'none'].includes(float64)) usage('--float64 must be base, all or none');

const listed = spawnSync(fw.python, [fw.adapter, '--patterns'], { encoding: 'utf8' });
if (listed.status !== 0) usage(`${fw.python} ${fw.adapter} cannot list its patterns (${(listed.stderr || listed.error?.message || '').trim().split('\n').pop()}); install it with: ${fw.install}`);
const allPatterns = JSON.parse(listed.stdout) as Pattern[];
const patterns = allPatterns.filter((p) => only.length === 0 || only.includes(p.name));

interface Row {
  pattern: string;
  dtype: string;
  fn: string;
  status: string;
  summary: string;
  witness: string;
}
const rows: Row[] = [];
const kinds = (f: Record<string, unknown>) => Object.entries(f.disagreements as Record<string, number>).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ');
const witnessOf = (rec: { args: unknown; got: unknown; expected: string; judgement: { verdict: string; detail: string } } | null) =>
  rec ? `\`${JSON.stringify(rec.args)}\` → ${rec.judgement.verdict}: ${rec.judgement.detail}` : '';

for (const p of patterns) {
  for (const dtype of ['float32', 'float64']) {
    if (summaryOnly || (dtype === 'float64' && (float64 === 'none' || (float64 === 'base' && p !== allPatterns[0])))) continue;
    const dir = join(out, dtype === 'float32' ? p.name : `${p.name}@float64`);
    mkdirSync(dir, { recursive: true });
    const cmd = `${fw.python} ${fw.adapter} --pattern ${p.name} --dtype ${dtype}`;
    const args = ['bin/kdverify.js', 'check-impl', '--cmd', cmd, '--functions', p.functions.join(','), '--runs', p === allPatterns[0] ? runs : otherRuns, '--seed', seed, '--timeout', '60000', '--validation', fw.validation, '--precision', dtype, '--out', dir];
    process.stdout.write(`${p.name} (${dtype}) …\n`);
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0 && r.status !== 1) usage(`check-impl failed on ${p.name} (${dtype}): ${r.stderr.trim()}`);
    process.stdout.write(r.stdout.replace(/^/gm, '  '));
  }
}

// the summary covers every pattern whose reports are there (those of earlier runs too)
for (const p of allPatterns) {
  for (const dtype of ['float32', 'float64']) {
    const file = join(out, dtype === 'float32' ? p.name : `${p.name}@float64`, 'report.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as { config: { runs: number }; functions: Array<Record<string, unknown>> };
    for (const f of report.functions.filter((x) => x.status !== 'skipped')) {
      // one shrunk witness per distinct disagreement (kind, input class, form of the answer)
      const groups = f.groups as Array<{ verdict: string; inputClass: string; count: number; witness: Parameters<typeof witnessOf>[0] }>;
      const witnesses = groups.map((g) => `${g.count}× ${g.inputClass}: ${witnessOf(g.witness) || '(no longer disagreed when replayed)'}`);
      const further = f.unshrunkGroups as Array<{ verdict: string; inputClass: string; form: string; count: number }>;
      if (further.length) witnesses.push(`further groups, not shrunk: ${further.map((g) => `${g.count}× ${g.verdict} ${g.inputClass} (${g.form})`).join('; ')}`);
      rows.push({ pattern: p.name, dtype, fn: f.fn as string, status: f.status as string, summary: `${f.requests} requests${kinds(f) ? `; ${kinds(f)}` : ''}`, witness: witnesses.join('<br>') });
    }
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const md = [
  `# ${framework}: distillation-loss patterns`,
  '',
  `Written by \`npm run check-patterns -- ${framework}\` (seed ${seed}, validation ${fw.validation}, each pattern judged in the precision of its dtype). Each pattern's reports are in its folder (with the inputs per function in report.json); the patterns are described in \`${fw.adapter}\`.`,
  '',
  '| pattern | dtype | function | verdict | disagreements | shrunk witness |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.pattern} | ${r.dtype} | ${r.fn} | ${r.status} | ${cell(r.summary)} | ${cell(r.witness)} |`),
  '',
  '**Patterns**',
  '',
  ...patterns.map((p) => `- \`${p.name}\`: ${p.description}`),
  '',
].join('\n');
writeFileSync(join(out, 'README.md'), md);
process.stdout.write(`wrote ${join(out, 'README.md')} and ${rows.length} function results\n`);
