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

/** report.json, schema version 2 (documented by src/report/report.schema.json). */
export interface Report {
  schemaVersion: 2;
  tool: { name: 'kd-verify'; version: string };
  config: { seed: number; runs: number; controlRuns: number; searchRuns: number; digits: number; maxDigits: number; claims: string[]; claimsFiles: string[]; shard: Shard | null };
  complete: boolean;
  claims: ClaimReport[];
  summary: Record<ClaimStatus, number>;
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
