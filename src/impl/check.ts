import fc from 'fast-check';
import { toJson, type Json } from '../engine/serialize.ts';
import { deriveSeed } from '../engine/seed.ts';
import type { Adapter, FailureKind } from './adapters/adapter.ts';
import type { Case, Expected, FnSpec, Judgement, Verdict } from './expected.ts';
import { judge, judgement } from './judge.ts';
import { smaller } from './minimize.ts';

export type FunctionStatus = 'pass' | 'fail' | 'skipped' | 'adapter-failure';

/** One input as the report keeps it: arguments (exact), what was expected, what came back, and the judgement. */
export interface CaseRecord {
  label: string;
  args: Json;
  expected: string;
  got: Json;
  judgement: Judgement;
}

export interface FunctionResult {
  fn: string;
  status: FunctionStatus;
  /** why it was skipped (not listed by the implementation, or not selected) */
  skipped: string | null;
  requests: number;
  agreements: number;
  /** answers that disagree, by kind */
  disagreements: Record<Exclude<Verdict, 'agree'>, number>;
  /** requests and disagreements per edge-case class */
  classes: Record<string, { requests: number; disagreements: number }>;
  /** the answer with the largest error relative to its tolerance, among valid inputs with finite results */
  worst: { absError: number | null; relError: number | null; ulps: number | null; tol: number | null; ratio: number; label: string; args: Json } | null;
  tolerance: string;
  specials: string;
  /** error answers to invalid input (accepted) */
  rejectedInvalid: number;
  firstDisagreement: CaseRecord | null;
  /** the smallest disagreeing input fast-check's shrinking found, and how many shrink steps it took */
  shrunk: (CaseRecord & { shrinkSteps: number }) | null;
  /** for every other kind of disagreement seen, its first input, minimised the same way */
  otherKinds: Array<CaseRecord & { shrinkSteps: number }>;
  failure: { kind: FailureKind; detail: string; label: string; args: Json } | null;
  seed: number;
  durationMs: number;
}

const expectedText = (e: Expected): string =>
  e.kind === 'invalid' ? `invalid input (${e.why}): an error or NaN` : e.kind === 'custom' ? 'a best approximation (Eckart–Young)' : e.values.length === 1 ? e.values[0].toPrecision(25) : `[${e.values.map((v) => v.toPrecision(17)).join(', ')}]`;

/** A function's result before any request: skipped (with the reason) or about to be tested. */
export function emptyResult(spec: FnSpec, seed: number, skipped: string | null): FunctionResult {
  return {
    fn: spec.name, status: skipped === null ? 'pass' : 'skipped', skipped, requests: 0, agreements: 0, disagreements: { inaccurate: 0, special: 0, 'invalid-accepted': 0, 'error-on-valid': 0, shape: 0 },
    classes: {}, worst: null, tolerance: spec.policy, specials: spec.specials, rejectedInvalid: 0, firstDisagreement: null, shrunk: null, otherKinds: [], failure: null, seed, durationMs: 0,
  };
}

/** Ask the implementation about one input and judge the answer (null: the adapter failed). */
async function evaluate(adapter: Adapter, spec: FnSpec, c: Case): Promise<{ record: CaseRecord; expected: Expected } | { failure: { kind: FailureKind; detail: string } }> {
  const expected = spec.expected(c.args);
  const outcome = await adapter.call(spec.name, c.args, spec.shapeOf?.(c.args) ?? spec.shape);
  if (outcome.kind === 'failure') return { failure: { kind: outcome.failure, detail: outcome.detail } };
  const args = toJson(c.args);
  if (outcome.kind === 'malformed') return { record: { label: c.label, args, expected: expectedText(expected), got: { malformed: outcome.detail }, judgement: judgement('shape', outcome.detail) }, expected };
  const got = outcome.kind === 'error' ? { error: outcome.message } : { value: outcome.value };
  return { record: { label: c.label, args, expected: expectedText(expected), got: outcome.kind === 'error' ? { error: outcome.message } : toJson(outcome.value), judgement: judge(expected, got) }, expected };
}

/**
 * Differential test of one function: `runs` generated inputs (fast-check, seeded by the function's
 * name), every answer judged against the reference; then, if any disagreed, the same stream again
 * with fast-check stopping at the first disagreement and shrinking it to the smallest input that
 * still disagrees. A failure of the adapter (crash, hang, garbage, out of order) ends this function.
 */
export async function checkFunction(adapter: Adapter, spec: FnSpec, runs: number, runSeed: number): Promise<FunctionResult> {
  const start = performance.now();
  const seed = deriveSeed(runSeed, `check-impl:${spec.name}`);
  const r = emptyResult(spec, seed, null);
  let worstRatio = -1;
  const firstOfKind = new Map<Verdict, Case>();

  await fc.check(
    fc.asyncProperty(spec.cases, async (c) => {
      if (r.failure) return true;
      const ev = await evaluate(adapter, spec, c);
      r.requests++;
      const cls = (r.classes[c.label] ??= { requests: 0, disagreements: 0 });
      cls.requests++;
      if ('failure' in ev) {
        r.failure = { ...ev.failure, label: c.label, args: toJson(c.args) };
        return true;
      }
      const j = ev.record.judgement;
      if (j.verdict === 'agree') {
        r.agreements++;
        if (ev.expected.kind === 'invalid' && 'error' in (ev.record.got as object)) r.rejectedInvalid++;
      } else {
        r.disagreements[j.verdict]++;
        cls.disagreements++;
        r.firstDisagreement ??= ev.record;
        if (!firstOfKind.has(j.verdict)) firstOfKind.set(j.verdict, c);
      }
      if (j.absError !== null && j.tol !== null && j.tol > 0) {
        const ratio = j.absError / j.tol;
        if (ratio > worstRatio) {
          worstRatio = ratio;
          r.worst = { absError: j.absError, relError: j.relError, ulps: j.ulps, tol: j.tol, ratio, label: c.label, args: toJson(c.args) };
        }
      }
      return true;
    }),
    { seed, numRuns: runs },
  );

  if (r.failure) r.status = 'adapter-failure';
  else if (r.firstDisagreement) {
    r.status = 'fail';
    r.shrunk = await shrink(adapter, spec, runs, seed);
    for (const [verdict, c] of firstOfKind) {
      if (verdict === r.shrunk?.judgement.verdict) continue;
      const m = await minimize(adapter, spec, c, verdict, 150);
      if (m) r.otherKinds.push({ ...m.record, shrinkSteps: m.steps });
    }
  }
  r.durationMs = Math.round(performance.now() - start);
  return r;
}

/**
 * The same stream, stopping at the first disagreement and shrinking it with fast-check; then the
 * arguments themselves are minimised (smaller.ts), keeping only variants that disagree the same
 * way. At most 400 requests in all.
 */
async function shrink(adapter: Adapter, spec: FnSpec, runs: number, seed: number): Promise<FunctionResult['shrunk']> {
  let budget = 400;
  const details = await fc.check(
    fc.asyncProperty(fc.limitShrink(spec.cases, 150), async (c) => {
      budget--;
      const ev = await evaluate(adapter, spec, c);
      // an adapter failure while shrinking is not the disagreement being chased
      return 'failure' in ev || ev.record.judgement.verdict === 'agree';
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  if (!details.failed || !details.counterexample) return null;
  const m = await minimize(adapter, spec, details.counterexample[0], null, Math.max(budget, 150));
  return m ? { ...m.record, shrinkSteps: details.numShrinks + m.steps } : null;
}

/**
 * Greedy minimisation of the arguments: keep a smaller variant while it disagrees with the same
 * verdict (the start's own, when `expected` is null).
 */
async function minimize(adapter: Adapter, spec: FnSpec, start: Case, expected: Verdict | null, budget: number): Promise<{ record: CaseRecord; steps: number } | null> {
  const ev0 = await evaluate(adapter, spec, start);
  if ('failure' in ev0 || ev0.record.judgement.verdict === 'agree') return null;
  const verdict = expected ?? ev0.record.judgement.verdict;
  if (ev0.record.judgement.verdict !== verdict) return null;
  let best = start, record = ev0.record, steps = 0;
  for (let improved = true; improved && budget > 0; ) {
    improved = false;
    for (const args of smaller(best.args)) {
      if (--budget <= 0) break;
      const ev = await evaluate(adapter, spec, { label: best.label, args });
      if (!('failure' in ev) && ev.record.judgement.verdict === verdict) {
        best = { label: best.label, args };
        record = ev.record;
        steps++;
        improved = true;
        break;
      }
    }
  }
  return { record, steps };
}
