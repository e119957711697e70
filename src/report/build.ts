import { Decimal } from 'decimal.js';
import type { ClaimStatus, PropertyResult } from '../engine/run-property.ts';
import type { ClaimSpec } from '../spec/catalogue.ts';
import type { ClaimReport, Report } from './types.ts';
import { deriveFindings } from './findings.ts';
import { hasPythonFormula } from './recheck/formulas.ts';

const FAILING: ClaimStatus[] = ['error', 'violated', 'undecided'];

/** The claim's statement: the property declared headline, else the claim's first property. */
export const headlineOf = (results: PropertyResult[]): PropertyResult | undefined => results.find((r) => r.headline) ?? results[0];

/**
 * A claim's status: error, violated or undecided when any of its properties is (in that order),
 * otherwise its headline property's status (sharp or holds): a side property that is sharp on a
 * family built to attain the bound does not make the statement sharp.
 */
export function claimStatus(results: PropertyResult[]): ClaimStatus {
  for (const s of FAILING) if (results.some((r) => r.status === s)) return s;
  return headlineOf(results)?.status ?? 'error';
}

const roomValue = (r: PropertyResult) => (r.room?.best ? new Decimal(r.room.best.room.hi) : new Decimal(-Infinity));

export function claimReport(spec: ClaimSpec, results: PropertyResult[]): ClaimReport {
  const headline = headlineOf(results);
  // the headline's best instance when it has one; otherwise the claim's property using the most room
  const tightestProp = headline?.tightest ? headline : [...results].filter((r) => r.tightest).sort((a, b) => roomValue(b).cmp(roomValue(a)))[0];
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
    status: claimStatus(results),
    headline: headline?.id ?? null,
    room: headline?.room ?? null,
    classes: {
      informative: results.reduce((s, r) => s + r.classes.informative, 0),
      degenerate: results.reduce((s, r) => s + r.classes.degenerate, 0),
      vacuous: results.reduce((s, r) => s + r.classes.vacuous, 0),
    },
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
  const summary: Record<ClaimStatus, number> = { holds: 0, sharp: 0, violated: 0, undecided: 0, error: 0 };
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
  const { findings, scripts } = deriveFindings(claims, args.config, hasPythonFormula);
  return {
    schemaVersion: 3,
    tool: { name: 'kd-verify', version: args.version },
    config: args.config,
    complete: args.complete ?? true,
    claims,
    summary: summarise(claims),
    findings,
    scripts,
    numerics: args.numerics ?? null,
    figures: args.figures ?? [],
    classification: args.classification ?? null,
    timing: { startedAt: args.startedAt.toISOString(), durationMs: args.durationMs },
  };
}
