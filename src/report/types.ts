import type { ClaimStatus, ControlResult, InstanceRecord, PropertyResult, RoomSummary } from '../engine/run-property.ts';
import type { InstanceClass } from '../numerics/certify.ts';
import type { Provenance } from '../spec/catalogue.ts';
import type { DoublePathSurvey } from '../linalg/differential.ts';
import type { Classification } from '../skd/classify.ts';

/** One shard of a run: which part, and every property of the whole run in order (for merge). */
export interface Shard {
  index: number;
  count: number;
  properties: string[];
}

/** report.json, schema version 3 (documented by src/report/report.schema.json). */
export interface Report {
  schemaVersion: 3;
  tool: { name: 'kd-verify'; version: string };
  config: { seed: number; runs: number; controlRuns: number; searchRuns: number; digits: number; maxDigits: number; claims: string[]; claimsFiles: string[]; shard: Shard | null };
  complete: boolean;
  claims: ClaimReport[];
  summary: Record<ClaimStatus, number>;
  /** What the run found, most serious first: violations, errors, undecided claims, probes, looseness, sharpness. */
  findings: Finding[];
  /** The standalone Python re-check scripts (findings/<id>.py), written and not written. */
  scripts: RecheckScript[];
  /** Health of the numerics behind the claims: the double path (ml-matrix) against the Decimal reference. */
  numerics: { doublePath: DoublePathSurvey; seed: number } | null;
  /** The softening operators classified against the axioms (when an SKD claim ran). */
  classification: Classification | null;
  /** Figures written next to report.md, by claim. */
  figures: Array<{ claim: string; property: string; file: string; caption: string }>;
  timing: { startedAt: string; durationMs: number };
}

export interface ClaimReport {
  id: string;
  title: string;
  source: string;
  provenance: Provenance;
  provenanceNote: string;
  statement: string;
  hypotheses: string[];
  flags: string[];
  /** error, violated or undecided when any property is; otherwise the headline property's status */
  status: ClaimStatus;
  /** the property that states the claim */
  headline: string | null;
  /** the headline property's room used */
  room: RoomSummary | null;
  /** instances by class, over all the claim's properties */
  classes: Record<InstanceClass, number>;
  instances: number;
  minMargin: string | null;
  tightest: (InstanceRecord & { property: string }) | null;
  counterexample: (InstanceRecord & { property: string; seed: number; path: string; replay: string }) | null;
  controls: Array<ControlResult & { property: string }>;
  properties: PropertyResult[];
}

/**
 * What a finding is about: a violated, errored or undecided property; a probe refuted or held on
 * every instance; a bound that leaves room unused everywhere the generator and the search reached
 * (loose); a bound whose whole room is used on an informative instance (sharp).
 */
export type FindingKind = 'violated' | 'error' | 'undecided' | 'probe-refuted' | 'probe-held' | 'loose' | 'sharp';

export interface Finding {
  /** stable id, [a-z0-9-]; the re-check script is findings/<script id>.py */
  id: string;
  kind: FindingKind;
  claim: string;
  property: string;
  /** the probe, for probe findings */
  probe: string | null;
  /** the finding in one sentence */
  sentence: string;
  /** the witness summarised (instance and sides at 4–6 digits); null when there is none */
  witness: string | null;
  /** the command that reproduces it with kd-verify */
  replay: string;
  /** the standalone Python re-check (relative to the report directory), null when none is written */
  script: string | null;
  /** anchor of the claim's section in report.html (and heading in report.md) */
  section: string;
}

/** A standalone re-check of one instance in Python + mpmath (no kd-verify code). */
export interface RecheckScript {
  /** findings/<id>.py, relative to the report directory; null when no Python formula exists yet */
  file: string | null;
  claim: string;
  property: string;
  /** the probe or control whose sides are checked, null for the property's own */
  variant: string | null;
  subject: 'counterexample' | 'probe witness' | 'best room used';
  /** kd-verify's verdict on the instance (violated, holds, attained) */
  verdict: string;
  /** why no script was written (no Python formula for the property yet), or null */
  note: string | null;
}
