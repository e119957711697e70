import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PropertyResult } from '../engine/run-property.ts';
import { buildReport } from '../report/build.ts';
import type { ClaimReport, Report } from '../report/types.ts';
import type { ClaimSpec } from '../spec/catalogue.ts';
import { UsageError } from './output.ts';
import { readReport } from './replay.ts';
import { claimsFilesOfReport } from '../spec/user-claims.ts';

const specOf = (c: ClaimReport): ClaimSpec => ({
  id: c.id,
  title: c.title,
  kind: '',
  source: c.source,
  provenance: c.provenance,
  provenanceNote: c.provenanceNote,
  hypotheses: c.hypotheses,
  conclusion: c.statement,
  flags: c.flags,
  checks: '',
});

const sameRun = (a: Report, b: Report) =>
  JSON.stringify({ ...a.config, shard: { count: a.config.shard?.count, properties: a.config.shard?.properties } }) ===
    JSON.stringify({ ...b.config, shard: { count: b.config.shard?.count, properties: b.config.shard?.properties } }) && a.tool.version === b.tool.version;

/**
 * Combine the shard reports of one run into the report of the whole run: the same property
 * results (each property's seed depends only on its id), in the order of the unsharded run.
 */
export function mergeReports(shards: Report[]): Report {
  if (shards.length === 0) throw new UsageError('merge needs at least one shard report');
  const first = shards[0];
  if (shards.some((r) => r.config.shard === null)) throw new UsageError('merge takes shard reports (written with --shard I/N); one of them is a whole run');
  if (!shards.every((r) => sameRun(first, r))) throw new UsageError('the shard reports come from different runs (seed, budget, claims, claims files, shard count or tool version differ)');
  const count = first.config.shard!.count;
  const indices = shards.map((r) => r.config.shard!.index).sort((a, b) => a - b);
  const expected = Array.from({ length: count }, (_, k) => k + 1);
  if (indices.join() !== expected.join()) throw new UsageError(`expected shards 1..${count} once each, got ${indices.join(', ')}`);
  const byId = new Map<string, PropertyResult>();
  const specs = new Map<string, ClaimSpec>();
  for (const r of shards) for (const c of r.claims) {
    specs.set(c.id, specOf(c));
    for (const p of c.properties) byId.set(p.id, p);
  }
  const order = first.config.shard!.properties;
  const missing = order.filter((id) => !byId.has(id));
  if (missing.length) throw new UsageError(`the shards do not cover property ${missing[0]}`);
  const results = order.map((id) => byId.get(id)!);
  const claimOrder = [...new Set(results.map((p) => p.claim))];
  const startedAt = new Date(Math.min(...shards.map((r) => Date.parse(r.timing.startedAt))));
  return buildReport({
    version: first.tool.version,
    config: { ...first.config, shard: null },
    specs: claimOrder.map((id) => specs.get(id)!),
    results,
    startedAt,
    durationMs: Math.max(...shards.map((r) => r.timing.durationMs)),
    classification: shards.find((r) => r.classification)?.classification ?? null,
    numerics: shards.find((r) => r.numerics)?.numerics ?? null,
    figures: shards.flatMap((r) => r.figures),
    // whole only when no shard was cut short
    complete: !results.some((r) => r.cutShort),
  });
}

/** Read DIR/report.json of each shard (claims files as absolute paths: shards may sit at different depths), and the figure files they list. */
export function readShards(dirs: string[]): { reports: Report[]; figureFiles: Array<readonly [string, string]> } {
  const reports = dirs.map((d) => {
    const file = join(d, 'report.json');
    const r = readReport(file);
    return { ...r, config: { ...r.config, claimsFiles: claimsFilesOfReport(r.config.claimsFiles, file) } };
  });
  const figureFiles = reports.flatMap((r, k) => r.figures.map((f) => [f.file, readFileSync(join(dirs[k], f.file), 'utf8')] as const));
  return { reports, figureFiles };
}
