import fc from 'fast-check';
import type { Certificate, InstanceClass, PrecisionPolicy, Relation } from '../numerics/certify.ts';
import type { AnyProperty, NegativeControl } from './property.ts';
import { atWorkingPrecision, checkInstance, instanceClassOf, record, roomGap, type InstanceRecord } from './check-instance.ts';
import { RoomTracker, type RoomSummary } from './room.ts';
import { reportJson } from './report-json.ts';
import { pre } from './discard.ts';

export { checkInstance, type InstanceRecord };
import { deriveSeed } from './seed.ts';
import { BreakdownTable, type BreakdownResult } from './breakdown.ts';
import { healthWarnings } from './health.ts';
import { examplesFor } from './corpus.ts';
import { recordingRandom } from './tape.ts';
import { StartPool, searchEvaluations, targetedSearch, type SearchSummary } from './targeted.ts';
import { relativeSlack } from './check-instance.ts';

export type { RoomSummary };

/** Progress within one property: the phase, and how much of it is done (for a progress display). */
export type ProgressFn = (phase: 'instances' | 'search' | 'controls', done: number, total: number) => void;

/**
 * holds: every instance satisfies the relation, on at least one informative instance.
 * sharp: and on some informative instance the bound's room is used entirely (room used = 1 to the
 *   working precision).
 * violated: a certified counterexample. undecided: an instance left open at the maximum precision,
 *   a run cut short, or no informative instance. error: a bug in a formula or the engine.
 */
export type ClaimStatus = 'holds' | 'sharp' | 'violated' | 'undecided' | 'error';

export interface Budget {
  runs: number;
  /** Instances a negative control may draw before it counts as not refuted. */
  controlRuns: number;
  /** Instances a probe draws (probes are findings, not requirements; CI gives them fewer). */
  probeRuns?: number;
  seed: number;
  policy: PrecisionPolicy;
  /** Evaluations of the targeted search per property (default: a tenth of `runs`; 0 turns it off). */
  searchRuns?: number;
  /** Wall-clock deadline (ms since the epoch) of a --time-limit run: properties are cut short there. */
  deadline?: number;
  /** The user's corpus directories, run first with the bundled corpus (see corpus.ts). */
  corpus?: readonly string[];
}

export interface ControlResult {
  id: string;
  description: string;
  refuted: boolean;
  /** Instances drawn until the refutation (or the whole budget). */
  instances: number;
  /**
   * Violations of the variant on instances that are degenerate for the property (K_n = 0, no
   * room): they do not count, since the variant and the statement agree there.
   */
  degenerateRefutations: number;
  seed: number;
  witness: InstanceRecord | null;
}

/** One property's outcome in a run (report.json's `claims[].properties[]`). */
export interface PropertyResult {
  id: string;
  claim: string;
  title: string;
  relation: Relation;
  /** the claim's statement (its status is the claim's) */
  headline: boolean;
  /** the form checked and the steps that hold by construction, when they differ from the statement */
  checks: string | null;
  status: ClaimStatus;
  /** why the status is what it is, when the counts alone do not say (e.g. no informative instance) */
  statusReason: string | null;
  seed: number;
  instances: number;
  discarded: number;
  verdicts: { holds: number; attained: number; violated: number; undecided: number };
  /** Instances by class (sampled ones; the search's are in `search`). */
  classes: Record<InstanceClass, number>;
  /** Why instances were degenerate or vacuous, with counts ("degenerate: K_n = 0 (Γ = Δ)": 120). */
  classReasons: Record<string, number>;
  /** How much of the bound's room informative instances use (inequalities only). */
  room: RoomSummary | null;
  /**
   * Distribution of the relative slack margin / |magnitude| over informative instances with
   * finite sides (magnitude: the certified lower bound of the largest term, not floored at 1):
   * quantiles, and how many instances had an infinite side.
   */
  slack: { count: number; infinite: number; min: number; p10: number; median: number; p90: number; max: number } | null;
  /** Instances decided by the double-interval screen alone. */
  screened: number;
  /** Highest precision (digits) any instance needed. */
  maxDigitsUsed: number;
  /** Per hypothesis: on how many checked instances it was established, on how many discarded ones it failed. */
  hypotheses: Array<{ name: string; established: number; failed: number }>;
  coverage: Record<string, number>;
  /** The lower end of the tightest informative instance's certified margin. */
  minMargin: string | null;
  /** The informative instance using the most room (inequalities) or with the largest relative error (identities), at the working precision. */
  tightest: InstanceRecord | null;
  counterexample: (InstanceRecord & { seed: number; path: string }) | null;
  /** The first instance left undecided at the maximum precision, if any. */
  undecidedExample: InstanceRecord | null;
  error: string | null;
  controls: ControlResult[];
  probes: ControlResult[];
  /** The decomposition's terms per instance family, for properties that define one. */
  breakdown: BreakdownResult | null;
  /** The targeted search towards the smallest slack, from the tightest sampled instances (null: not run). */
  search: SearchSummary | null;
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

/** Controls and probes draw the property's own instance stream: the same generator, the same worlds. */
function runControl(prop: AnyProperty, control: NegativeControl<unknown, unknown>, budget: Budget): ControlResult {
  const seed = deriveSeed(budget.seed, prop.seedKey ?? prop.id);
  let drawn = 0, degenerateRefutations = 0;
  const details = fc.check(
    fc.property(prop.arbitrary, (instance) => {
      drawn++;
      const { cert } = checkInstance(prop, instance, budget.policy, control);
      pre(cert !== null);
      if (cert!.verdict !== 'violated') return true;
      // the variant and the statement agree on a degenerate instance: no evidence of teeth there
      if (!control.establish && instanceClassOf(prop, instance, budget.policy)?.class === 'degenerate') {
        degenerateRefutations++;
        return true;
      }
      return false;
    }),
    { seed, numRuns: budget.controlRuns, endOnFailure: true, examples: examplesFor(prop.id, control.id, budget.corpus), ...timeLimit(budget) },
  );
  const witnessInstance = details.failed && details.counterexample ? details.counterexample[0] : undefined;
  // A control is refuted by a certified violation, not by an exception in its formula: the witness
  // is re-certified with the same escalation that found it (a violation of 1e-38 on O(1) sides is
  // certified at 80 digits and straddles 0 at the working precision)
  const cert = witnessInstance === undefined ? null : tryOrNull(() => checkInstance(prop, witnessInstance, budget.policy, control).cert);
  return {
    id: control.id,
    description: control.description,
    refuted: cert?.verdict === 'violated',
    instances: drawn,
    degenerateRefutations,
    seed,
    witness: cert ? record(witnessInstance, cert) : null,
  };
}

/** fast-check's own time limit, up to the run's deadline (an interrupt is not a failure). */
const timeLimit = (budget: Budget) =>
  budget.deadline === undefined ? {} : { interruptAfterTimeLimit: Math.max(1, budget.deadline - Date.now()), markInterruptAsFailure: false };

/** What identifies a property in a result: enough to report one that did not run to its end. */
export type PropertyStub = Pick<AnyProperty, 'id' | 'claim' | 'title' | 'relation' | 'seedKey' | 'headline' | 'checks'>;

/**
 * The result of a property that did not run to its end: cut short (not started before the time
 * limit, or its thread stopped at the time limit or on a signal; `note.reason` says which, as the
 * status reason), or, with `note.error`, a property whose thread failed.
 */
export function notStarted(prop: PropertyStub, budget: Budget, note?: { reason?: string; error?: string }): PropertyResult {
  return {
    id: prop.id, claim: prop.claim, title: prop.title, relation: prop.relation, headline: prop.headline ?? false, checks: prop.checks ?? null,
    status: note?.error ? 'error' : 'undecided', statusReason: note?.error ? null : note?.reason ?? 'not started: the time limit was reached', seed: deriveSeed(budget.seed, prop.seedKey ?? prop.id),
    instances: 0, discarded: 0, verdicts: { holds: 0, attained: 0, violated: 0, undecided: 0 }, classes: { informative: 0, degenerate: 0, vacuous: 0 }, classReasons: {}, room: null, slack: null, screened: 0, maxDigitsUsed: 0,
    hypotheses: [], coverage: {}, minMargin: null, tightest: null, counterexample: null, undecidedExample: null,
    error: note?.error ?? null, controls: [], probes: [], breakdown: null, search: null, cutShort: !note?.error, warnings: [], durationMs: 0,
  };
}

/** Run a property on `budget.runs` generated instances, then each of its negative controls. */
export function runProperty(prop: AnyProperty, runBudget: Budget, onProgress?: ProgressFn): PropertyResult {
  const start = performance.now();
  const budget = prop.maxDigits && prop.maxDigits > runBudget.policy.maxDigits ? { ...runBudget, policy: { ...runBudget.policy, maxDigits: prop.maxDigits } } : runBudget;
  if (budget.deadline !== undefined && Date.now() >= budget.deadline) return notStarted(prop, budget);
  const seed = deriveSeed(budget.seed, prop.seedKey ?? prop.id);
  const verdicts = { holds: 0, attained: 0, violated: 0, undecided: 0 };
  const classes: Record<InstanceClass, number> = { informative: 0, degenerate: 0, vacuous: 0 };
  const classReasons: Record<string, number> = {};
  const hypotheses = new Map<string, number>();
  const failedHypotheses = new Map<string, number>();
  const coverage: Record<string, number> = {};
  let instances = 0, discarded = 0, screened = 0, maxDigitsUsed = 0;
  const room = new RoomTracker();
  // identities and sign conditions: the instance closest to failing (smallest key)
  let worst: { instance: unknown; error: number } | null = null;
  let undecidedExample: InstanceRecord | null = null;
  const slacks: number[] = [];
  let infiniteSides = 0;
  let shrinking = false;
  const table = prop.breakdown ? new BreakdownTable(prop.breakdown) : null;
  const numRuns = Math.max(1, Math.round(budget.runs * (prop.budgetShare ?? 1)));
  const recorder = recordingRandom();
  const pool = new StartPool();
  // identities and sign conditions have no room to measure (and nothing for the search to climb)
  const identity = prop.relation === 'eq' || prop.bound === false || (prop.relation === 'lt' && prop.bound !== true);

  const details = fc.check(
    fc.property(prop.arbitrary, (instance) => {
      const { est, cert } = checkInstance(prop, instance, budget.policy);
      if (!shrinking) onProgress?.('instances', instances + discarded + 1, numRuns);
      if (shrinking) {
        pre(cert !== null);
        return cert!.verdict !== 'violated';
      }
      if (cert === null) {
        discarded++;
        for (const h of est.hypotheses) if (!h.established) failedHypotheses.set(h.name, (failedHypotheses.get(h.name) ?? 0) + 1);
        pre(false);
        return true;
      }
      instances++;
      for (const h of est.hypotheses) hypotheses.set(h.name, (hypotheses.get(h.name) ?? 0) + 1);
      for (const label of prop.classify?.(instance) ?? []) coverage[label] = (coverage[label] ?? 0) + 1;
      table?.add(instance, est.derived);
      verdicts[cert.verdict]++;
      classes[cert.class]++;
      if (cert.reason !== null && cert.class !== 'informative') classReasons[`${cert.class}: ${cert.reason}`] = (classReasons[`${cert.class}: ${cert.reason}`] ?? 0) + 1;
      if (cert.verdict === 'undecided' && undecidedExample === null) undecidedExample = record(instance, cert);
      if (cert.context.startsWith('interval-double')) screened++;
      maxDigitsUsed = Math.max(maxDigitsUsed, cert.digits);
      if (cert.verdict === 'violated') {
        shrinking = true;
        return false;
      }
      if (cert.class === 'informative') {
        const rel = relativeSlack(cert);
        if (rel !== null) slacks.push(rel);
        else infiniteSides++;
        if (identity) {
          // identities: the largest relative error; sign conditions: the smallest relative margin
          const key = prop.relation === 'eq' ? -Math.abs(rel ?? 0) : rel ?? Infinity;
          if (worst === null || key < worst.error) worst = { instance, error: key };
        } else {
          room.add(instance, cert, 'sampled');
          pool.offer(recorder.latest(), instance, roomGap(cert));
        }
      } else if (cert.class === 'vacuous') infiniteSides += /infinity|∞/.test(cert.reason ?? '') ? 1 : 0;
      return true;
    }),
    { seed, numRuns, examples: examplesFor(prop.id, null, budget.corpus), randomType: recorder.randomType, ...timeLimit(budget) },
  );
  let cutShort = details.interrupted;

  let counterexample: PropertyResult['counterexample'] = null;
  let error: string | null = null;
  if (details.failed && details.counterexample) {
    const instance = details.counterexample[0];
    let cert: Certificate | null = null;
    try {
      // re-certified with the escalation that found it: a violation certified beyond the working
      // precision is one, not an error of the property
      cert = checkInstance(prop, instance, budget.policy).cert;
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
      : { instance: reportJson(instance), lhs: { lo: 'NaN', hi: 'NaN' }, rhs: { lo: 'NaN', hi: 'NaN' }, margin: { lo: 'NaN', hi: 'NaN' }, digits: 0, context: 'error', class: 'informative', reason: null, room: null, seed, path: details.counterexamplePath ?? '' };
  } else if (details.failed) {
    error = `fast-check stopped without a counterexample (${details.numSkips} instances skipped: the hypotheses are rarely established)`;
  }

  let search: SearchSummary | null = null;
  if (!identity && !details.failed && !cutShort && pool.starts.length > 0 && searchEvaluations(prop, budget) > 0) {
    const found = targetedSearch(prop, budget, pool, room, onProgress && ((done, total) => onProgress('search', done, total)));
    search = found.summary;
    if (found.undecided && undecidedExample === null) undecidedExample = found.undecided;
    if (found.error !== null) error = found.error;
    if (found.violation) {
      const instance = (found.violation as { instance: unknown }).instance;
      const working = atWorkingPrecision(prop, instance, budget.policy);
      const cert = working?.verdict === 'violated' ? working : (found.violation as { cert: Certificate }).cert;
      counterexample = { ...record(instance, cert), seed: deriveSeed(budget.seed, `${prop.id}#search`), path: 'targeted-search' };
    }
    if (found.summary.interrupted) cutShort = true;
  }

  const recertify = (instance: unknown, digits = budget.policy.digits) => {
    const c = tryOrNull(() => atWorkingPrecision(prop, instance, budget.policy, undefined, digits));
    return c ? record(instance, c) : null;
  };
  const roomSummary = identity ? null : room.summary(budget.policy, recertify);
  const w = worst as { instance: unknown; error: number } | null;
  const tightest = identity ? (w ? recertify(w.instance) : null) : roomSummary?.best?.instance ?? null;
  // the status weighs sampled and searched instances alike
  const all = { ...verdicts };
  if (search) for (const k of Object.keys(all) as Array<keyof typeof all>) all[k] += search.verdicts[k];
  const informative = classes.informative + (search?.classes.informative ?? 0);
  let statusReason: string | null = null;
  let status: ClaimStatus = cutShort && !counterexample && error === null ? 'undecided'
    : error !== null ? 'error'
    : all.violated > 0 || counterexample ? 'violated'
    : all.undecided > 0 ? 'undecided'
    : instances === 0 ? 'error'
    : informative === 0 ? 'undecided'
    : roomSummary?.sharp ? 'sharp'
    : 'holds';
  if (status === 'error' && error === null) error = 'no instance established the hypotheses';
  if (cutShort) statusReason = 'cut short by the time limit';
  else if (status === 'undecided' && all.undecided === 0) statusReason = `no informative instance: all ${instances} were degenerate or vacuous`;
  else if (status === 'undecided') {
    const u = undecidedExample as InstanceRecord | null;
    const zeros = u !== null && [u.lhs, u.rhs].every((x) => x.lo.startsWith('-') || x.lo === '0') && [u.lhs, u.rhs].every((x) => !x.hi.startsWith('-'));
    statusReason = `${all.undecided} instance(s) left open at ${budget.policy.maxDigits} digits${zeros ? ': both sides of the first enclose 0 — if they are 0 by construction there, declare such instances degenerate' : ''}`;
  }

  const variants = prop.controls.length + (prop.probes?.length ?? 0);
  let variantsDone = 0;
  const variant = (c: NegativeControl<unknown, unknown>, b: Budget) => {
    onProgress?.('controls', variantsDone, variants);
    const r = runControl(prop, c, b);
    onProgress?.('controls', ++variantsDone, variants);
    return r;
  };
  const controls = prop.controls.map((c) => variant(c as NegativeControl<unknown, unknown>, budget));
  const probeBudget = { ...budget, controlRuns: budget.probeRuns ?? budget.controlRuns };
  const probes = (prop.probes ?? []).map((c) => variant(c as NegativeControl<unknown, unknown>, probeBudget));
  // controls or probes interrupted by the deadline: their verdicts are incomplete too
  if (budget.deadline !== undefined && Date.now() >= budget.deadline) cutShort = true;
  if (cutShort && status !== 'violated' && status !== 'error') {
    status = 'undecided';
    statusReason = 'cut short by the time limit';
  }
  const tightRec = tightest as InstanceRecord | null;
  const result = {
    id: prop.id,
    claim: prop.claim,
    title: prop.title,
    relation: prop.relation,
    headline: prop.headline ?? false,
    checks: prop.checks ?? null,
    status,
    statusReason,
    seed,
    instances,
    discarded,
    verdicts,
    classes,
    classReasons,
    room: roomSummary,
    slack: quantiles(slacks, infiniteSides),
    screened,
    maxDigitsUsed,
    hypotheses: [...new Set([...hypotheses.keys(), ...failedHypotheses.keys()])].map((name) => ({ name, established: hypotheses.get(name) ?? 0, failed: failedHypotheses.get(name) ?? 0 })),
    coverage,
    minMargin: tightRec ? tightRec.margin.lo : null,
    tightest: tightRec,
    counterexample,
    undecidedExample,
    error,
    controls,
    probes,
    breakdown: table?.result() ?? null,
    search,
    cutShort,
    durationMs: Math.round(performance.now() - start),
  };
  return { ...result, warnings: healthWarnings(result, budget) };
}
