import { Decimal } from 'decimal.js';
import type { ClaimStatus, PropertyResult } from '../engine/run-property.ts';
import type { ClaimSpec } from '../spec/catalogue.ts';
import type { ClaimReport, Report } from './types.ts';

const ORDER: ClaimStatus[] = ['error', 'violated', 'undecided', 'tight', 'holds'];

/** The worst status wins: error > violated > undecided > tight > holds. */
export function combineStatus(statuses: ClaimStatus[]): ClaimStatus {
  for (const s of ORDER) if (statuses.includes(s)) return s;
  return 'error';
}

const marginValue = (s: string | null) => (s === null ? new Decimal(Infinity) : new Decimal(s));

export function claimReport(spec: ClaimSpec, results: PropertyResult[]): ClaimReport {
  const byMargin = results.filter((r) => r.minMargin !== null).sort((a, b) => marginValue(a.minMargin).cmp(marginValue(b.minMargin)));
  const tightestProp = byMargin[0];
  const failing = results.find((r) => r.counterexample !== null);
  return {
    id: spec.id,
    title: spec.title,
    source: spec.source,
    provenance: spec.provenance,
    provenanceNote: spec.provenanceNote,
    statement: spec.conclusion,
    hypotheses: spec.hypotheses,
    flags: spec.flags,
    status: combineStatus(results.map((r) => r.status)),
    instances: results.reduce((s, r) => s + r.instances, 0),
    minMargin: tightestProp?.minMargin ?? null,
    tightest: tightestProp?.tightest ? { ...tightestProp.tightest, property: tightestProp.id } : null,
    counterexample: failing?.counterexample
      ? { ...failing.counterexample, property: failing.id, replay: `kdverify replay --report <this report.json> --claim ${spec.id}` }
      : null,
    controls: results.flatMap((r) => r.controls.map((c) => ({ ...c, property: r.id }))),
    properties: results,
  };
}

export function summarise(claims: ClaimReport[]): Record<ClaimStatus, number> {
  const summary: Record<ClaimStatus, number> = { holds: 0, tight: 0, violated: 0, undecided: 0, error: 0 };
  for (const c of claims) summary[c.status]++;
  return summary;
}

export function buildReport(args: {
  version: string;
  config: Report['config'];
  specs: ClaimSpec[];
  results: PropertyResult[];
  startedAt: Date;
  durationMs: number;
  numerics?: Report['numerics'];
  figures?: Report['figures'];
  /** false for a shard or a run cut short */
  complete?: boolean;
  classification?: Report['classification'];
}): Report {
  const claims = args.specs
    .map((spec) => ({ spec, results: args.results.filter((r) => r.claim === spec.id) }))
    .filter(({ results }) => results.length > 0)
    .map(({ spec, results }) => claimReport(spec, results));
  return {
    schemaVersion: 1,
    tool: { name: 'kd-verify', version: args.version },
    config: args.config,
    complete: args.complete ?? true,
    claims,
    summary: summarise(claims),
    numerics: args.numerics ?? null,
    figures: args.figures ?? [],
    classification: args.classification ?? null,
    timing: { startedAt: args.startedAt.toISOString(), durationMs: args.durationMs },
  };
}
