import { resolve } from 'node:path';
import { toolVersion } from '../package-root.ts';
import { precisionPolicy } from '../numerics/certify.ts';
import { notStarted, runProperty, type ProgressFn, type PropertyResult } from '../engine/run-property.ts';
import { throttled } from '../engine/throttle.ts';
import type { AnyProperty } from '../engine/property.ts';
import { selectProperties } from '../engine/select.ts';
import { runInWorkers } from '../engine/parallel.ts';
import { builtinProperties } from '../../properties/index.ts';
import { loadCatalogue, type ClaimSpec } from '../spec/catalogue.ts';
import { buildReport } from '../report/build.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { Report } from '../report/types.ts';
import { renderJunit } from '../report/junit.ts';
import { renderHtml } from '../report/html.ts';
import { checkWritableDir, writeReport } from './output.ts';
import { askWorker, InterruptedError, userStubs, type ClaimsFilesDescription, type UserPropertyStub } from '../engine/claims-files.ts';
import { abortAt } from './interrupt.ts';
import { recordedClaimsFile } from '../spec/user-claims.ts';
import { renderTex } from '../report/tex.ts';
import { recheckScripts } from '../report/recheck/scripts.ts';
import { classificationCell, classifyOperators, pendingCells } from '../skd/classify.ts';

export interface VerifyOptions {
  claims: string[];
  runs: number;
  controlRuns: number;
  /** Targeted-search evaluations per property (default: runs / 10). */
  searchRuns?: number;
  digits: number;
  seed: number;
  /** Output directory of report.json, report.md, report.html, junit.xml and the figures; none: nothing is written. */
  out?: string;
  /** The user's corpus directory, run first with the bundled corpus. */
  corpus?: string;
  /** Worker threads (default 1). Properties always run on worker threads, except in-memory ones (below). */
  jobs?: number;
  /**
   * The claims files, recorded in the report so that replay can load them again. Their
   * properties (described by `userClaims`) run on the worker threads, which load the files.
   */
  claimsFiles?: string[];
  /** What the claims files define (see describeClaimsFiles). */
  userClaims?: ClaimsFilesDescription;
  /** Extra catalogue entries for in-memory properties passed to verify (they run on this thread). */
  extraSpecs?: ClaimSpec[];
  /** Stop starting work after this many seconds, and terminate what still runs shortly after; cut-short properties are reported undecided. */
  timeLimit?: number;
  /** The deadline itself (ms since the epoch), when the caller started the clock earlier (e.g. before loading claims files). */
  deadline?: number;
  /** Aborting (a signal to kdverify) terminates the workers; the report is written, marked incomplete. */
  signal?: AbortSignal;
  /** Run only shard `index` of `count` (1-based): every count-th property of the selection. */
  shard?: { index: number; count: number };
  log?: (line: string) => void;
  /** Called once with the number of properties to run, before the first starts. */
  onStart?: (total: number) => void;
  /** Progress within a running property (phase, done, total), throttled. */
  onProgress?: (property: string, ...p: Parameters<ProgressFn>) => void;
}

export { toolVersion } from '../package-root.ts';

/**
 * How long after the deadline a property still running is terminated: long enough for one more
 * instance of the slowest built-in properties to finish and report what was done.
 */
export const TERMINATION_GRACE_MS = 2000;

/** Run the selected claims' properties; write the report (report.json, report.md, report.html, junit.xml, figures) into `out` when given. */
export async function verify(properties: readonly AnyProperty[], o: VerifyOptions): Promise<Report> {
  const startedAt = new Date();
  const t0 = performance.now();
  if (o.out !== undefined) checkWritableDir(o.out);
  const user = o.userClaims ? userStubs(o.userClaims) : [];
  const specs = [...loadCatalogue(), ...(o.userClaims?.specs ?? []), ...(o.extraSpecs ?? [])];
  const every: ReadonlyArray<AnyProperty | UserPropertyStub> = [...properties, ...user];
  const encoded = specs.map((s) => s.id).filter((id) => every.some((p) => p.claim === id));
  const { claims: chosen, properties: all } = selectProperties(encoded, every, o.claims);
  const policy = precisionPolicy(o.digits);
  // a deterministic split: property k of the whole selection goes to shard (k mod count) + 1
  const selected = o.shard ? all.filter((_, k) => k % o.shard!.count === o.shard!.index - 1) : all;
  // run-wide sections (classification, numerics) belong to the first shard only
  const firstShard = !o.shard || o.shard.index === 1;
  const searchRuns = o.searchRuns ?? Math.round(o.runs / 10);
  const deadline = o.deadline ?? (o.timeLimit === undefined ? undefined : Date.now() + o.timeLimit * 1000);
  const budget = { runs: o.runs, controlRuns: o.controlRuns, searchRuns, seed: o.seed, policy, deadline, corpus: o.corpus === undefined ? [] : [resolve(o.corpus)] };
  const logResult = (r: PropertyResult) => {
    const refuted = r.controls.filter((c) => c.refuted).length;
    o.log?.(`${r.status.padEnd(9)} ${r.id}  ${r.instances} instances, controls refuted ${refuted}/${r.controls.length}, ${(r.durationMs / 1000).toFixed(1)} s${r.cutShort ? ` (${r.statusReason ?? 'cut short'})` : ''}${r.status === 'error' && r.error ? `: ${r.error.split('\n')[0]}` : ''}`);
  };
  // built-in and claims-file properties run on worker threads, which can be terminated (time
  // limit, signal) whatever the code does; in-memory properties from a caller run here
  const builtin = new Set<AnyProperty | UserPropertyStub>([...builtinProperties, ...user]);
  const remote = selected.filter((p) => builtin.has(p));
  const here = selected.filter((p) => !builtin.has(p)) as AnyProperty[];
  const done = new Map<string, PropertyResult>();
  o.onStart?.(selected.length);
  // the operator classification's cells that no selected property decides run on the workers too
  const classify = firstShard && chosen.some((id) => id.startsWith('SKD-'));
  const cells = classify ? pendingCells(selected) : [];
  const isCell = (id: string) => cells.includes(id);
  const stubOf = (id: string) => remote.find((p) => p.id === id) ?? classificationCell(id)!;
  const workerRun = remote.length + cells.length > 0
    ? runInWorkers([...remote.map((p) => p.id), ...cells], budget, {
        jobs: o.jobs ?? 1,
        stubOf,
        claimsFiles: o.claimsFiles,
        onResult: (r) => isCell(r.id) || logResult(r),
        onProgress: o.onProgress && ((id, ...a) => isCell(id) || o.onProgress!(id, ...a)),
        streamOf: (id) => stubOf(id).seedKey ?? id,
        hardDeadline: deadline === undefined ? undefined : deadline + TERMINATION_GRACE_MS,
        signal: o.signal,
      })
    : Promise.resolve([] as PropertyResult[]);
  // the numerics survey runs on a thread of its own too (it takes seconds), stopped with the workers
  const numericsRun: Promise<Report['numerics']> =
    firstShard && chosen.some((id) => id.startsWith('KD-LG-'))
      ? askWorker<NonNullable<Report['numerics']>>([], { type: 'numerics', runs: o.runs, seed: o.seed }, 'the numerics survey', deadline === undefined ? o.signal : abortAt(o.signal ?? new AbortController().signal, deadline + TERMINATION_GRACE_MS, 'the time limit'), (m) => new Error(m)).catch((e: unknown) => {
          if (e instanceof InterruptedError) return null;
          throw e;
        })
      : Promise.resolve(null);
  for (const p of here) {
    const r = o.signal?.aborted ? notStarted(p, budget, { reason: `interrupted (${String(o.signal.reason)}) before it started` }) : runProperty(p, budget, o.onProgress && throttled((...a) => o.onProgress!(p.id, ...a)));
    logResult(r);
    done.set(p.id, r);
  }
  for (const r of await workerRun) done.set(r.id, r);
  const numerics = await numericsRun;
  const results = selected.map((p) => done.get(p.id)!);
  const figureFiles = selected.flatMap((p) => (p.figures ?? []).map((f) => ({ claim: p.claim, property: p.id, file: f.file, caption: f.caption, svg: f.render() + '\n' })));
  const figures = figureFiles.map(({ svg: _svg, ...f }) => f);
  const report = buildReport({
    figures,
    classification: classify ? classifyOperators(budget, undefined, [...results, ...cells.map((id) => done.get(id)!)]) : null,
    numerics,
    complete: !o.shard && !o.signal?.aborted && !results.some((r) => r.cutShort),
    version: toolVersion(),
    config: { seed: o.seed, runs: o.runs, controlRuns: o.controlRuns, searchRuns, digits: o.digits, maxDigits: policy.maxDigits, claims: o.claims, claimsFiles: (o.claimsFiles ?? []).map((f) => recordedClaimsFile(f, o.out)), shard: o.shard ? { ...o.shard, properties: all.map((p) => p.id) } : null },
    specs: specs.filter((s) => chosen.includes(s.id) && selected.some((p) => p.claim === s.id)),
    results,
    startedAt,
    durationMs: Math.round(performance.now() - t0),
  });
  if (o.out !== undefined) writeReport(o.out, reportFiles(report, [...properties], figureFiles.map((f) => [f.file, f.svg] as const)));
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
