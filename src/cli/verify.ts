import { readFileSync } from 'node:fs';
import { precisionPolicy } from '../numerics/certify.ts';
import { runProperty, type ProgressFn, type PropertyResult } from '../engine/run-property.ts';
import { throttled } from '../engine/throttle.ts';
import type { AnyProperty } from '../engine/property.ts';
import { selectIds } from '../engine/select.ts';
import { runInWorkers } from '../engine/parallel.ts';
import { builtinProperties } from '../../properties/index.ts';
import { loadCatalogue, type ClaimSpec } from '../spec/catalogue.ts';
import { buildReport } from '../report/build.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { Report } from '../report/types.ts';
import { renderJunit } from '../report/junit.ts';
import { renderHtml } from '../report/html.ts';
import { renderTex } from '../report/tex.ts';
import { recheckScripts } from '../report/recheck/scripts.ts';
import { checkWritableDir, writeAll } from './output.ts';
import { doublePathSurvey } from '../linalg/differential.ts';
import { classificationCell, classifyOperators, pendingCells } from '../skd/classify.ts';
import { illConditionedSpdOf, spdOf } from '../gen/matrices.ts';
import { certifiedSpd } from '../linalg/certified-spd.ts';
import { deriveSeed } from '../engine/seed.ts';
import fc from 'fast-check';

export interface VerifyOptions {
  claims: string[];
  runs: number;
  controlRuns: number;
  /** Targeted-search evaluations per property (default: runs / 10). */
  searchRuns?: number;
  digits: number;
  seed: number;
  out: string;
  /** Worker threads (1: run in this thread). Only built-in properties run in workers; others run here. */
  jobs?: number;
  /** Catalogue entries of claims from claims files (their properties are among `properties`). */
  extraSpecs?: ClaimSpec[];
  /** The claims files themselves, recorded in the report so that replay can load them again. */
  claimsFiles?: string[];
  /** Stop starting work after this many seconds; cut-short properties are reported undecided. */
  timeLimit?: number;
  /** Run only shard `index` of `count` (1-based): every count-th property of the selection. */
  shard?: { index: number; count: number };
  log?: (line: string) => void;
  /** Called once with the number of properties to run, before the first starts. */
  onStart?: (total: number) => void;
  /** Progress within a running property (phase, done, total), throttled. */
  onProgress?: (property: string, ...p: Parameters<ProgressFn>) => void;
}

export const toolVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Run the selected claims' properties and write report.json and report.md into `out`. */
export async function verify(properties: readonly AnyProperty[], o: VerifyOptions): Promise<Report> {
  const startedAt = new Date();
  const t0 = performance.now();
  checkWritableDir(o.out);
  const specs = [...loadCatalogue(), ...(o.extraSpecs ?? [])];
  const encoded = specs.map((s) => s.id).filter((id) => properties.some((p) => p.claim === id));
  const chosen = selectIds(encoded, o.claims);
  const policy = precisionPolicy(o.digits);
  const all = chosen.flatMap((id) => properties.filter((q) => q.claim === id));
  // a deterministic split: property k of the whole selection goes to shard (k mod count) + 1
  const selected = o.shard ? all.filter((_, k) => k % o.shard!.count === o.shard!.index - 1) : all;
  // run-wide sections (classification, numerics) belong to the first shard only
  const firstShard = !o.shard || o.shard.index === 1;
  const searchRuns = o.searchRuns ?? Math.round(o.runs / 10);
  const budget = { runs: o.runs, controlRuns: o.controlRuns, searchRuns, seed: o.seed, policy, deadline: o.timeLimit === undefined ? undefined : Date.now() + o.timeLimit * 1000 };
  const logResult = (r: PropertyResult) => {
    const refuted = r.controls.filter((c) => c.refuted).length;
    o.log?.(`${r.status.padEnd(9)} ${r.id}  ${r.instances} instances, controls refuted ${refuted}/${r.controls.length}, ${(r.durationMs / 1000).toFixed(1)} s`);
  };
  // built-in properties can be rebuilt by id on worker threads; claims-file properties run here
  const builtin = new Set<AnyProperty>(builtinProperties);
  const parallel = (o.jobs ?? 1) > 1 ? selected.filter((p) => builtin.has(p)) : [];
  const here = selected.filter((p) => !parallel.includes(p));
  const done = new Map<string, PropertyResult>();
  o.onStart?.(selected.length);
  // the operator classification's cells that no selected property decides run on the workers too
  const classify = firstShard && chosen.some((id) => id.startsWith('SKD-'));
  const cells = classify && parallel.length > 1 ? pendingCells(selected) : [];
  const isCell = (id: string) => cells.includes(id);
  const parallelRun =
    parallel.length > 1
      ? runInWorkers([...parallel.map((p) => p.id), ...cells], budget, o.jobs!, (r) => isCell(r.id) || logResult(r), o.onProgress && ((id, ...a) => isCell(id) || o.onProgress!(id, ...a)), (id) => parallel.find((p) => p.id === id)?.seedKey ?? classificationCell(id)?.seedKey ?? id)
      : Promise.resolve([] as PropertyResult[]);
  for (const p of parallel.length > 1 ? here : selected) {
    const r = runProperty(p, budget, o.onProgress && throttled((...a) => o.onProgress!(p.id, ...a)));
    logResult(r);
    done.set(p.id, r);
  }
  const numerics = firstShard && chosen.some((id) => id.startsWith('KD-LG-')) ? numericsSurvey(o.runs, o.seed) : null;
  for (const r of await parallelRun) done.set(r.id, r);
  const results = selected.map((p) => done.get(p.id)!);
  const figureFiles = selected.flatMap((p) => (p.figures ?? []).map((f) => ({ claim: p.claim, property: p.id, file: f.file, caption: f.caption, svg: f.render() + '\n' })));
  const figures = figureFiles.map(({ svg: _svg, ...f }) => f);
  const report = buildReport({
    figures,
    classification: classify ? classifyOperators(budget, undefined, [...results, ...cells.map((id) => done.get(id)!)]) : null,
    numerics,
    complete: !o.shard && !results.some((r) => r.cutShort),
    version: toolVersion(),
    config: { seed: o.seed, runs: o.runs, controlRuns: o.controlRuns, searchRuns, digits: o.digits, maxDigits: policy.maxDigits, claims: o.claims, claimsFiles: o.claimsFiles ?? [], shard: o.shard ? { ...o.shard, properties: all.map((p) => p.id) } : null },
    specs: specs.filter((s) => chosen.includes(s.id) && selected.some((p) => p.claim === s.id)),
    results,
    startedAt,
    durationMs: Math.round(performance.now() - t0),
  });
  writeAll(o.out, reportFiles(report, properties, figureFiles.map((f) => [f.file, f.svg] as const)));
  return report;
}

/**
 * Every file of a report: report.json, report.md, report.html, report.tex, junit.xml, the figures
 * and the re-check scripts findings/*.py (generated first: a script that cannot be written is
 * marked in report.json).
 */
export function reportFiles(report: Report, properties: readonly AnyProperty[], figureFiles: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
  const scripts = recheckScripts(report, properties);
  return [
    ['report.json', JSON.stringify(report, null, 2) + '\n'],
    ['report.md', renderMarkdown(report) + '\n'],
    ['junit.xml', renderJunit(report)],
    ['report.html', renderHtml(report, new Map(figureFiles))],
    ['report.tex', renderTex(report)],
    ...figureFiles,
    ...scripts,
  ];
}

/** The double path against the Decimal reference on `runs` random SPD matrices (n ≤ 4), half of them built to be ill-conditioned. */
function numericsSurvey(runs: number, seed: number): NonNullable<Report['numerics']> {
  const s = deriveSeed(seed, 'numerics/double-path');
  const matrices = fc.sample(fc.integer({ min: 1, max: 4 }).chain((n) => fc.oneof(spdOf(n), illConditionedSpdOf(n))), { numRuns: runs, seed: s }).map((m) => m.matrix).filter(certifiedSpd);
  return { doublePath: doublePathSurvey(matrices), seed: s };
}
