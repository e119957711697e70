import fc from 'fast-check';
import { toJson, type Json } from '../engine/serialize.ts';
import { deriveSeed } from '../engine/seed.ts';
import type { Adapter, FailureKind } from './adapters/adapter.ts';
import type { Case, Expected, FnSpec, Judgement, Verdict } from './expected.ts';
import { chooseGroups, formOf, inputClassOf, keyString, type GroupKey } from './groups.ts';
import { judge, judgement } from './judge.ts';
import { smaller } from './minimize.ts';
import { DEFAULT_PROFILE, representableIn, type Profile } from './precision.ts';

export type FunctionStatus = 'pass' | 'fail' | 'skipped' | 'adapter-failure';

/** One input as the report keeps it: arguments (exact), what was expected, what came back, and the judgement. */
export interface CaseRecord {
  label: string;
  args: Json;
  expected: string;
  got: Json;
  judgement: Judgement;
}

/** One protocol function's outcome in a check-impl run. */
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
  /** finite answers to invalid input: disagreements under strict validation, reported but not judged under lenient */
  invalidFinite: number;
  firstDisagreement: CaseRecord | null;
  /** disagreements grouped by kind, input class and form of the answer, each with its shrunk witness (at most MAX_GROUPS) */
  groups: DisagreementGroup[];
  /** the groups beyond MAX_GROUPS, with their counts (no witness) */
  unshrunkGroups: Array<GroupKey & { count: number }>;
  failure: { kind: FailureKind; detail: string; label: string; args: Json } | null;
  seed: number;
  durationMs: number;
}

const expectedText = (e: Expected): string =>
  e.kind === 'invalid' ? `invalid input (${e.why}): an error or NaN` : e.kind === 'singular' ? `${e.signal.why}: an error, NaN${e.signal.infinity === 'any' ? ', ±∞' : e.signal.infinity > 0 ? ', +∞' : ', −∞'}, or a finite answer a backward-stable computation can give` : e.kind === 'custom' ? 'a best approximation (Eckart–Young)' : e.values.length === 1 ? e.values[0].toPrecision(25) : `[${e.values.map((v) => v.toPrecision(17)).join(', ')}]`;

const isErrorAnswer = (got: Json): boolean => typeof got === 'object' && got !== null && !Array.isArray(got) && 'error' in got;
const isFiniteAnswer = (got: Json): boolean => {
  if (typeof got === 'number') return true;
  if (Array.isArray(got)) return got.every(isFiniteAnswer);
  return false; // an error, a malformed answer, or a non-finite double ({"$double": …})
};

/** A function's result before any request: skipped (with the reason) or about to be tested. */
export function emptyResult(spec: FnSpec, seed: number, skipped: string | null): FunctionResult {
  return {
    fn: spec.name, status: skipped === null ? 'pass' : 'skipped', skipped, requests: 0, agreements: 0, disagreements: { inaccurate: 0, special: 0, 'invalid-accepted': 0, 'error-on-valid': 0, shape: 0, 'singular-unsignalled': 0 },
    classes: {}, worst: null, tolerance: spec.policy, specials: spec.specials, rejectedInvalid: 0, invalidFinite: 0, firstDisagreement: null, groups: [], unshrunkGroups: [], failure: null, seed, durationMs: 0,
  };
}

/** Ask the implementation about one input and judge the answer (null: the adapter failed). */
async function evaluate(adapter: Adapter, spec: FnSpec, c: Case, profile: Profile): Promise<{ record: CaseRecord; expected: Expected } | { failure: { kind: FailureKind; detail: string } }> {
  const expected = spec.expected(c.args, profile.precision);
  const outcome = await adapter.call(spec.name, c.args, spec.shapeOf?.(c.args) ?? spec.shape);
  if (outcome.kind === 'failure') return { failure: { kind: outcome.failure, detail: outcome.detail } };
  const args = toJson(c.args);
  if (outcome.kind === 'malformed') return { record: { label: c.label, args, expected: expectedText(expected), got: { malformed: outcome.detail }, judgement: judgement('shape', outcome.detail) }, expected };
  const got = outcome.kind === 'error' ? { error: outcome.message } : { value: outcome.value };
  return { record: { label: c.label, args, expected: expectedText(expected), got: outcome.kind === 'error' ? { error: outcome.message } : toJson(outcome.value), judgement: judge(expected, got, profile) }, expected };
}

/** A disagreement group as the report keeps it: its key, how many answers fell in it, and its shrunk witness. */
export interface DisagreementGroup extends GroupKey {
  count: number;
  /** the smallest input found that disagrees the same way (same kind, class and form), or null if it no longer did when replayed */
  witness: (CaseRecord & { shrinkSteps: number }) | null;
}

const minNormalOf = (profile: Profile) => profile.precision.underflowFloor / 16 / (2 * profile.precision.u);
const keyOf = (record: CaseRecord, args: Case['args'], profile: Profile): GroupKey => ({
  verdict: record.judgement.verdict as GroupKey['verdict'],
  inputClass: inputClassOf(record.label, args, minNormalOf(profile)),
  form: formOf(record.got),
});

/**
 * Differential test of one function: `runs` generated inputs (fast-check, seeded by the function's
 * name), every answer judged against the reference. Disagreements are grouped by kind, input class
 * and form of the wrong answer; the first input of each group (at most MAX_GROUPS of them) is
 * replayed by its fast-check path, shrunk, and minimised while it disagrees the same way. A
 * failure of the adapter (crash, hang, garbage, out of order) ends this function.
 */
export async function checkFunction(adapter: Adapter, spec: FnSpec, runs: number, runSeed: number, profile: Profile = DEFAULT_PROFILE): Promise<FunctionResult> {
  const start = performance.now();
  const seed = deriveSeed(runSeed, `check-impl:${spec.name}`);
  const r = emptyResult(spec, seed, null);
  let worstRatio = -1;
  const groups = new Map<string, { key: GroupKey; count: number; run: number; first: Case }>();
  const cases = representableIn(profile.precision, spec.cases);

  const main = await fc.check(
    fc.asyncProperty(cases, async (c) => {
      if (r.failure) return true;
      const run = r.requests;
      const ev = await evaluate(adapter, spec, c, profile);
      r.requests++;
      const cls = (r.classes[c.label] ??= { requests: 0, disagreements: 0 });
      cls.requests++;
      if ('failure' in ev) {
        r.failure = { ...ev.failure, label: c.label, args: toJson(c.args) };
        return true;
      }
      const j = ev.record.judgement;
      if (ev.expected.kind === 'invalid' && !ev.expected.anyAnswer && isFiniteAnswer(ev.record.got)) r.invalidFinite++;
      if (j.verdict === 'agree') {
        r.agreements++;
        if (ev.expected.kind === 'invalid' && isErrorAnswer(ev.record.got)) r.rejectedInvalid++;
      } else {
        r.disagreements[j.verdict]++;
        cls.disagreements++;
        r.firstDisagreement ??= ev.record;
        const key = keyOf(ev.record, c.args, profile);
        const g = groups.get(keyString(key));
        if (g) g.count++;
        else groups.set(keyString(key), { key, count: 1, run, first: c });
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
  // a property never fails: anything fast-check caught is a bug of kd-verify, never a short run
  if (main.failed) throw main.errorInstance ?? new Error(`check-impl stopped early on ${spec.name}`);

  if (r.failure) r.status = 'adapter-failure';
  else if (r.firstDisagreement) {
    r.status = 'fail';
    const all = [...groups.values()];
    const chosen = chooseGroups(all.map((g) => g.key));
    for (const i of chosen) {
      const g = all[i];
      r.groups.push({ ...g.key, count: g.count, witness: await shrinkGroup(adapter, spec, cases, seed, g, profile) });
    }
    r.unshrunkGroups = all.filter((_, i) => !chosen.includes(i)).map((g) => ({ ...g.key, count: g.count }));
  }
  r.durationMs = Math.round(performance.now() - start);
  return r;
}

/**
 * One group's witness: its first input replayed by its fast-check path and shrunk by fast-check
 * while it disagrees the same way (same kind, input class and form); then the arguments are
 * minimised directly (smaller.ts) under the same condition. At most about 300 requests.
 */
async function shrinkGroup(adapter: Adapter, spec: FnSpec, cases: fc.Arbitrary<Case>, seed: number, g: { key: GroupKey; run: number; first: Case }, profile: Profile): Promise<DisagreementGroup['witness']> {
  const target = keyString(g.key);
  const same = async (c: Case): Promise<CaseRecord | null> => {
    const ev = await evaluate(adapter, spec, c, profile);
    // an adapter failure while shrinking is not the disagreement being chased
    return !('failure' in ev) && ev.record.judgement.verdict !== 'agree' && keyString(keyOf(ev.record, c.args, profile)) === target ? ev.record : null;
  };
  // no endOnFailure: it would skip fast-check's shrinking, leaving a 10⁴-class row to lose one column per minimisation step
  const details = await fc.check(fc.asyncProperty(fc.limitShrink(cases, 150), async (c) => (await same(c)) === null), { seed, numRuns: g.run + 1, path: String(g.run) });
  const from = details.failed && details.counterexample ? details.counterexample[0] : g.first;
  const m = await minimize(from, same, 150, profile, spec.tidy ?? ((a) => a));
  return m ? { ...m.record, shrinkSteps: (details.failed ? details.numShrinks : 0) + m.steps } : null;
}

/** Greedy minimisation of the arguments: keep a smaller variant (in the format judged) while `same` holds. */
async function minimize(start: Case, same: (c: Case) => Promise<CaseRecord | null>, budget: number, profile: Profile, tidy: (a: Case['args']) => Case['args']): Promise<{ record: CaseRecord; steps: number } | null> {
  const record0 = await same(start);
  if (!record0) return null;
  let best = start, record = record0, steps = 0;
  for (let improved = true; improved && budget > 0; ) {
    improved = false;
    for (const candidate of smaller(best.args)) {
      if (--budget <= 0) break;
      const args = profile.precision.toFormat(tidy(candidate));
      if (JSON.stringify(toJson(args)) === JSON.stringify(toJson(best.args))) continue;
      const rec = await same({ label: best.label, args });
      if (rec) {
        best = { label: best.label, args };
        record = rec;
        steps++;
        improved = true;
        break;
      }
    }
  }
  return { record, steps };
}
