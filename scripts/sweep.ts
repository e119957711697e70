/**
 * Seed sweep: every built-in property at the CI budget of `npm test` (its controls and probes
 * included) for seeds 1…N, on worker threads. Prints a table of statuses per seed and every error,
 * violation and undecided property with its message; writes the whole summary as JSON.
 * Exit 1 on any `error` or `violated`, so a generator that emits an instance its property rejects,
 * or a claim that fails at another seed, is caught before it reaches a user's run.
 *
 *   npm run sweep                      # seeds 1–20, jobs = cores, summary in reports/sweep.json
 *   npm run sweep -- --seeds 5 --jobs 2 --out /tmp/sweep.json
 */
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinProperties } from '../properties/index.ts';
import { ciBudget } from '../src/engine/budget.ts';
import { runInWorkers } from '../src/engine/parallel.ts';
import type { ClaimStatus, PropertyResult } from '../src/engine/run-property.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '20' }, from: { type: 'string', default: '1' }, jobs: { type: 'string' }, out: { type: 'string', default: 'reports/sweep.json' } } });
const from = Number(values.from), count = Number(values.seeds);
const jobs = values.jobs ? Number(values.jobs) : availableParallelism();
if (![from, count, jobs].every((x) => Number.isInteger(x) && x >= 1)) {
  process.stderr.write('sweep: --from, --seeds and --jobs must be positive integers\n');
  process.exit(2);
}

interface Problem {
  seed: number;
  property: string;
  status: ClaimStatus;
  message: string;
}

const ids = builtinProperties.map((p) => p.id);
const streamOf = (id: string) => builtinProperties.find((p) => p.id === id)?.seedKey ?? id;
const perSeed: Array<{ seed: number; counts: Record<ClaimStatus, number>; unrefutedControls: string[]; seconds: number }> = [];
const problems: Problem[] = [];
const t0 = performance.now();
for (let seed = from; seed < from + count; seed++) {
  const t = performance.now();
  const results: PropertyResult[] = await runInWorkers(ids, ciBudget(seed), { jobs, streamOf, stubOf: (id) => builtinProperties.find((p) => p.id === id)! });
  const counts: Record<ClaimStatus, number> = { holds: 0, sharp: 0, violated: 0, undecided: 0, error: 0 };
  for (const r of results) {
    counts[r.status]++;
    if (r.status === 'error' || r.status === 'violated' || r.status === 'undecided') {
      const message = r.error ?? r.statusReason ?? (r.counterexample ? `counterexample ${JSON.stringify(r.counterexample.instance).slice(0, 300)}, margin [${r.counterexample.margin.lo}, ${r.counterexample.margin.hi}]` : '');
      problems.push({ seed, property: r.id, status: r.status, message });
    }
  }
  const unrefutedControls = results.flatMap((r) => r.controls.filter((c) => !c.refuted).map((c) => c.id));
  const seconds = (performance.now() - t) / 1000;
  perSeed.push({ seed, counts, unrefutedControls, seconds });
  process.stdout.write(`seed ${String(seed).padStart(2)}: ${counts.holds} holds · ${counts.sharp} sharp · ${counts.violated} violated · ${counts.undecided} undecided · ${counts.error} error · ${unrefutedControls.length} controls not refuted (${seconds.toFixed(0)} s)\n`);
  for (const p of problems.filter((x) => x.seed === seed)) process.stdout.write(`  ${p.status.padEnd(9)} ${p.property}: ${p.message}\n`);
  for (const c of unrefutedControls) process.stdout.write(`  control not refuted: ${c}\n`);
}
const failing = problems.filter((p) => p.status === 'error' || p.status === 'violated');
const summary = { seeds: { from, count }, properties: ids.length, jobs, seconds: Math.round((performance.now() - t0) / 1000), perSeed, problems };
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, JSON.stringify(summary, null, 2) + '\n');
process.stdout.write(`\n${count} seeds × ${ids.length} properties: ${failing.filter((p) => p.status === 'error').length} error, ${failing.filter((p) => p.status === 'violated').length} violated, ${problems.length - failing.length} undecided; summary in ${values.out}\n`);
process.exit(failing.length > 0 ? 1 : 0);
