import fc from 'fast-check';
import { certify, type Certificate, type Enclosure, type PrecisionPolicy } from '../numerics/certify.ts';
import type { AnyProperty, Established, NegativeControl } from './property.ts';
import { toJson, type Json } from './serialize.ts';
import { deriveSeed } from './seed.ts';
import { BreakdownTable, type BreakdownResult } from './breakdown.ts';
import { healthWarnings } from './health.ts';
import { examplesFor } from './corpus.ts';

export type ClaimStatus = 'holds' | 'tight' | 'violated' | 'undecided' | 'error';

export interface Budget {
  runs: number;
  /** Instances a negative control may draw before it counts as not refuted. */
  controlRuns: number;
  /** Instances a probe draws (probes are findings, not requirements; CI gives them fewer). */
  probeRuns?: number;
  seed: number;
  policy: PrecisionPolicy;
  /** Wall-clock deadline (ms since the epoch) of a --time-limit run: properties are cut short there. */
  deadline?: number;
}

export interface InstanceRecord {
  instance: Json;
  lhs: Enclosure;
  rhs: Enclosure;
  margin: Enclosure;
  digits: number;
  context: string;
}

export interface ControlResult {
  id: string;
  description: string;
  refuted: boolean;
  /** Instances drawn until the refutation (or the whole budget). */
  instances: number;
  seed: number;
  witness: InstanceRecord | null;
}

export interface PropertyResult {
  id: string;
  claim: string;
  title: string;
  relation: 'le' | 'eq' | 'lt';
  status: ClaimStatus;
  seed: number;
  instances: number;
  discarded: number;
  verdicts: { holds: number; attained: number; violated: number; undecided: number };
  /**
   * Distribution of the relative slack margin / max(|lhs|, |rhs|) over the instances with finite
   * sides (0 = attained): quantiles, and how many instances had an infinite side.
   */
  slack: { count: number; infinite: number; min: number; p10: number; median: number; p90: number; max: number } | null;
  /** Instances decided by the double-interval screen alone. */
  screened: number;
  /** Highest precision (digits) any instance needed. */
  maxDigitsUsed: number;
  /** Per hypothesis: on how many checked instances it was established, on how many discarded ones it failed. */
  hypotheses: Array<{ name: string; established: number; failed: number }>;
  coverage: Record<string, number>;
  minMargin: string | null;
  tightest: InstanceRecord | null;
  counterexample: (InstanceRecord & { seed: number; path: string }) | null;
  /** The first instance left undecided at the maximum precision, if any. */
  undecidedExample: InstanceRecord | null;
  error: string | null;
  controls: ControlResult[];
  probes: ControlResult[];
  /** The decomposition's terms per instance family, for properties that define one. */
  breakdown: BreakdownResult | null;
  /** Cut short by the run's time limit: never reported as verified (status undecided). */
  cutShort: boolean;
  /** Health warnings (see health.ts): discards, slack never small, rare coverage, late refutations. */
  warnings: string[];
  durationMs: number;
}

function quantiles(xs: number[], infinite: number): PropertyResult['slack'] {
  if (xs.length === 0) return infinite > 0 ? { count: 0, infinite, min: NaN, p10: NaN, median: NaN, p90: NaN, max: NaN } : null;
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { count: s.length, infinite, min: s[0], p10: q(0.1), median: q(0.5), p90: q(0.9), max: s[s.length - 1] };
}

function tryOrNull<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

const record = (instance: unknown, c: Certificate): InstanceRecord => ({
  instance: toJson(instance),
  lhs: c.lhs,
  rhs: c.rhs,
  margin: c.margin,
  digits: c.digits,
  context: c.context,
});

/** Evaluate one instance of a property (or of a control) to a certificate. */
export function checkInstance(prop: AnyProperty, instance: unknown, policy: PrecisionPolicy, control?: NegativeControl<unknown, unknown>, established?: Established<unknown>): { est: Established<unknown>; cert: Certificate | null } {
  const est = established ?? (control?.establish ?? prop.establish)?.(instance) ?? { hypotheses: [], derived: undefined };
  if (est.hypotheses.some((h) => !h.established)) return { est, cert: null };
  const sides = control?.sides ?? prop.sides;
  const relation = control?.relation ?? prop.relation;
  return { est, cert: certify((F) => sides(F, instance, est.derived), relation, policy) };
}

/** Re-certify an instance in Decimal at the working precision, for the report's figures. */
function atWorkingPrecision(prop: AnyProperty, instance: unknown, policy: PrecisionPolicy, control?: NegativeControl<unknown, unknown>): Certificate | null {
  return checkInstance(prop, instance, { ...policy, noScreen: true, startDigits: policy.digits }, control).cert;
}

/** Controls and probes draw the property's own instance stream: the same generator, the same worlds. */
function runControl(prop: AnyProperty, control: NegativeControl<unknown, unknown>, budget: Budget): ControlResult {
  const seed = deriveSeed(budget.seed, prop.seedKey ?? prop.id);
  let drawn = 0;
  const details = fc.check(
    fc.property(prop.arbitrary, (instance) => {
      drawn++;
      const { cert } = checkInstance(prop, instance, budget.policy, control);
      fc.pre(cert !== null);
      return cert!.verdict !== 'violated';
    }),
    { seed, numRuns: budget.controlRuns, endOnFailure: true, examples: examplesFor(prop.id, control.id), ...timeLimit(budget) },
  );
  const witnessInstance = details.failed && details.counterexample ? details.counterexample[0] : undefined;
  // A control is refuted by a certified violation, not by an exception in its formula.
  const cert = witnessInstance === undefined ? null : tryOrNull(() => atWorkingPrecision(prop, witnessInstance, budget.policy, control));
  return {
    id: control.id,
    description: control.description,
    refuted: cert?.verdict === 'violated',
    instances: drawn,
    seed,
    witness: cert ? record(witnessInstance, cert) : null,
  };
}

/** fast-check's own time limit, up to the run's deadline (an interrupt is not a failure). */
const timeLimit = (budget: Budget) =>
  budget.deadline === undefined ? {} : { interruptAfterTimeLimit: Math.max(1, budget.deadline - Date.now()), markInterruptAsFailure: false };

/** The result of a property that the time limit left no time to start. */
export function notStarted(prop: AnyProperty, budget: Budget): PropertyResult {
  return {
    id: prop.id, claim: prop.claim, title: prop.title, relation: prop.relation, status: 'undecided', seed: deriveSeed(budget.seed, prop.seedKey ?? prop.id),
    instances: 0, discarded: 0, verdicts: { holds: 0, attained: 0, violated: 0, undecided: 0 }, slack: null, screened: 0, maxDigitsUsed: 0,
    hypotheses: [], coverage: {}, minMargin: null, tightest: null, counterexample: null, undecidedExample: null,
    error: null, controls: [], probes: [], breakdown: null, cutShort: true, warnings: [], durationMs: 0,
  };
}

/** Run a property on `budget.runs` generated instances, then each of its negative controls. */
export function runProperty(prop: AnyProperty, runBudget: Budget): PropertyResult {
  const start = performance.now();
  const budget = prop.maxDigits && prop.maxDigits > runBudget.policy.maxDigits ? { ...runBudget, policy: { ...runBudget.policy, maxDigits: prop.maxDigits } } : runBudget;
  if (budget.deadline !== undefined && Date.now() >= budget.deadline) return notStarted(prop, budget);
  const seed = deriveSeed(budget.seed, prop.seedKey ?? prop.id);
  const verdicts = { holds: 0, attained: 0, violated: 0, undecided: 0 };
  const hypotheses = new Map<string, number>();
  const failedHypotheses = new Map<string, number>();
  const coverage: Record<string, number> = {};
  let instances = 0, discarded = 0, screened = 0, maxDigitsUsed = 0;
  let tightest: { instance: unknown; margin: number } | null = null;
  let undecidedExample: InstanceRecord | null = null;
  const slacks: number[] = [];
  let infiniteSides = 0;
  let shrinking = false;
  const table = prop.breakdown ? new BreakdownTable(prop.breakdown) : null;

  const details = fc.check(
    fc.property(prop.arbitrary, (instance) => {
      const { est, cert } = checkInstance(prop, instance, budget.policy);
      if (shrinking) {
        fc.pre(cert !== null);
        return cert!.verdict !== 'violated';
      }
      if (cert === null) {
        discarded++;
        for (const h of est.hypotheses) if (!h.established) failedHypotheses.set(h.name, (failedHypotheses.get(h.name) ?? 0) + 1);
        fc.pre(false);
        return true;
      }
      instances++;
      for (const h of est.hypotheses) hypotheses.set(h.name, (hypotheses.get(h.name) ?? 0) + 1);
      for (const label of prop.classify?.(instance) ?? []) coverage[label] = (coverage[label] ?? 0) + 1;
      table?.add(instance, est.derived);
      verdicts[cert.verdict]++;
      if (cert.verdict === 'undecided' && undecidedExample === null) undecidedExample = record(instance, cert);
      if (cert.context === 'interval-double') screened++;
      maxDigitsUsed = Math.max(maxDigitsUsed, cert.digits);
      if (cert.verdict === 'violated') {
        shrinking = true;
        return false;
      }
      const m = cert.verdict === 'attained' ? 0 : cert.marginApprox;
      if (Number.isFinite(cert.scale)) slacks.push(cert.verdict === 'attained' ? 0 : cert.marginApprox / cert.scale);
      else infiniteSides++;
      if (tightest === null || m < tightest.margin) tightest = { instance, margin: m };
      return true;
    }),
    { seed, numRuns: Math.max(1, Math.round(budget.runs * (prop.budgetShare ?? 1))), examples: examplesFor(prop.id, null), ...timeLimit(budget) },
  );
  let cutShort = details.interrupted;

  let counterexample: PropertyResult['counterexample'] = null;
  let error: string | null = null;
  if (details.failed && details.counterexample) {
    const instance = details.counterexample[0];
    let cert: Certificate | null = null;
    try {
      cert = atWorkingPrecision(prop, instance, budget.policy);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (cert && cert.verdict !== 'violated') {
      // fast-check failed on an exception, not on a certified violation: that is an error of the property
      const thrown = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      error = `the property threw on an instance that re-certifies as ${cert.verdict}: ${thrown}`;
    }
    counterexample = cert
      ? { ...record(instance, cert), seed, path: details.counterexamplePath ?? '' }
      : { instance: toJson(instance), lhs: { lo: 'NaN', hi: 'NaN' }, rhs: { lo: 'NaN', hi: 'NaN' }, margin: { lo: 'NaN', hi: 'NaN' }, digits: 0, context: 'error', seed, path: details.counterexamplePath ?? '' };
  } else if (details.failed) {
    error = `fast-check stopped without a counterexample (${details.numSkips} instances skipped: the hypotheses are rarely established)`;
  }

  const t = tightest as { instance: unknown; margin: number } | null;
  const tightCert = t ? atWorkingPrecision(prop, t.instance, budget.policy) : null;
  let status: ClaimStatus = cutShort && !counterexample && error === null ? 'undecided'
    : error !== null ? 'error'
    : verdicts.violated > 0 || counterexample ? 'violated'
    : verdicts.undecided > 0 ? 'undecided'
    : instances === 0 ? 'error'
    : verdicts.attained > 0 ? 'tight'
    : 'holds';
  if (status === 'error' && error === null) error = 'no instance established the hypotheses';

  const controls = prop.controls.map((c) => runControl(prop, c as NegativeControl<unknown, unknown>, budget));
  const probeBudget = { ...budget, controlRuns: budget.probeRuns ?? budget.controlRuns };
  const probes = (prop.probes ?? []).map((c) => runControl(prop, c as NegativeControl<unknown, unknown>, probeBudget));
  // controls or probes interrupted by the deadline: their verdicts are incomplete too
  if (budget.deadline !== undefined && Date.now() >= budget.deadline) cutShort = true;
  if (cutShort && status !== 'violated' && status !== 'error') status = 'undecided';
  const result = {
    id: prop.id,
    claim: prop.claim,
    title: prop.title,
    relation: prop.relation,
    status,
    seed,
    instances,
    discarded,
    verdicts,
    slack: quantiles(slacks, infiniteSides),
    screened,
    maxDigitsUsed,
    hypotheses: [...new Set([...hypotheses.keys(), ...failedHypotheses.keys()])].map((name) => ({ name, established: hypotheses.get(name) ?? 0, failed: failedHypotheses.get(name) ?? 0 })),
    coverage,
    minMargin: tightCert ? (tightCert.verdict === 'attained' ? '0' : tightCert.margin.lo) : null,
    tightest: tightCert && t ? record(t.instance, tightCert) : null,
    counterexample,
    undecidedExample,
    error,
    controls,
    probes,
    breakdown: table?.result() ?? null,
    cutShort,
    durationMs: Math.round(performance.now() - start),
  };
  return { ...result, warnings: healthWarnings(result, budget) };
}
