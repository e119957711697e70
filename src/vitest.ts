/**
 * kd-verify inside vitest (`import … from 'kd-verify/vitest'`): claims and implementation checks
 * registered as ordinary vitest tests, so they run in an existing test suite and its CI.
 *
 * ```ts
 * import { describeClaims, describeImpl } from 'kd-verify/vitest';
 * import { claims } from './claims/theorem8-variants.ts';
 *
 * describeClaims(claims, { runs: 200 });              // a describe per claim, a test per property
 * describeImpl({ module: './my-kl.ts', functions: ['kl_discrete', 'entropy'] }); // a test per function
 * ```
 *
 * A property's test fails when an instance is certified violated (the message gives the
 * counterexample and a `kdverify replay` line), stays undecided, errors, or when one of its
 * negative controls is not refuted (a property that cannot tell a wrong constant proves nothing).
 *
 * @module
 */
import { describe, it } from 'vitest';
import { join, resolve } from 'node:path';
import type { AnyProperty } from './engine/property.ts';
import { runProperty, type Budget, type PropertyResult } from './engine/run-property.ts';
import { CI_RUNS, DEFAULT_DIGITS, DEFAULT_RUNS, DEFAULT_SEED } from './engine/budget.ts';
import { precisionPolicy } from './numerics/certify.ts';
import { mpfrLoaded } from './numerics/mpfr.ts';
import { DEFAULT_USER_CORPUS } from './engine/corpus.ts';
import { selectProperties } from './engine/select.ts';
import { checkClaims, loadClaimsFiles, recordedClaimsFile, type UserClaim } from './spec/user-claims.ts';
import { loadCatalogue, type ClaimSpec } from './spec/catalogue.ts';
import { buildReport } from './report/build.ts';
import { writeAll } from './cli/output.ts';
import { toolVersion } from './package-root.ts';
import { checkImpl, type CheckImplOptions, type ImplReport } from './programmatic.ts';
import { FN_NAMES } from './impl/protocol.ts';
import { builtinProperties } from '../properties/index.ts';

/** Options of {@link describeClaims}: the budget (default: the CI budget of kd-verify's own tests) and where failures are written. */
export interface ClaimTestOptions {
  /** Instances per property (default 100). */
  runs?: number;
  /** Instances a negative control may draw before it counts as not refuted (default 1000: what `kdverify run` would draw). */
  controlRuns?: number;
  /** Targeted-search evaluations per property (default `runs / 10`; 0: off). */
  search?: number;
  /** Working precision in significant digits (default 40). */
  digits?: number;
  /** Run seed (default 42). */
  seed?: number;
  /** Your counterexample corpus, run first (default `.kdverify/corpus` under the working directory). */
  corpus?: string;
  /** Where a failing property's report is written for `kdverify replay` (default `.kdverify/vitest` under the working directory). */
  reportDir?: string;
  /** The claims file that defines the claims, named in the replay line (set by {@link describeClaimsFile}). */
  claimsFile?: string;
  /** Timeout of each test in milliseconds (default 10 minutes). */
  testTimeout?: number;
}

const budgetOf = (o: ClaimTestOptions): Budget => {
  const runs = o.runs ?? CI_RUNS;
  return { runs, controlRuns: o.controlRuns ?? DEFAULT_RUNS, probeRuns: runs, searchRuns: o.search, seed: o.seed ?? DEFAULT_SEED, policy: precisionPolicy(o.digits ?? DEFAULT_DIGITS), corpus: [resolve(o.corpus ?? DEFAULT_USER_CORPUS)] };
};

/** Write a one-property report, so that `kdverify replay` can re-certify the counterexample; returns its path. */
function replayReport(spec: ClaimSpec, r: PropertyResult, budget: Budget, o: ClaimTestOptions): string {
  const dir = resolve(o.reportDir ?? join('.kdverify', 'vitest'), r.id.replace(/[^A-Za-z0-9-]+/g, '_'));
  const report = buildReport({
    version: toolVersion(),
    config: { seed: budget.seed, runs: budget.runs, controlRuns: budget.controlRuns, searchRuns: budget.searchRuns ?? Math.round(budget.runs / 10), digits: budget.policy.digits, maxDigits: budget.policy.maxDigits, claims: [r.id], claimsFiles: o.claimsFile ? [recordedClaimsFile(o.claimsFile, dir)] : [], shard: null },
    specs: [spec],
    results: [r],
    startedAt: new Date(),
    durationMs: r.durationMs,
  });
  writeAll(dir, [['report.json', JSON.stringify(report, null, 2) + '\n']]);
  return join(dir, 'report.json');
}

/** The failure message of a property's result, or null when the property passes. */
export function failureOf(spec: ClaimSpec, r: PropertyResult, budget: Budget, o: ClaimTestOptions): string | null {
  const unrefuted = r.controls.filter((c) => !c.refuted);
  const lines: string[] = [];
  if (r.status === 'error') lines.push(`${r.id} could not be evaluated: ${r.error ?? 'no instance established the hypotheses'}`);
  if (r.status === 'violated' && r.counterexample) {
    const c = r.counterexample;
    const file = replayReport(spec, r, budget, o);
    lines.push(
      `${r.id} is violated (certified at ${c.digits} digits, ${c.context}):`,
      `  instance: ${JSON.stringify(c.instance)}`,
      `  lhs ∈ [${c.lhs.lo}, ${c.lhs.hi}]`,
      `  rhs ∈ [${c.rhs.lo}, ${c.rhs.hi}]`,
      `  margin rhs − lhs ∈ [${c.margin.lo}, ${c.margin.hi}]`,
      `  property seed ${c.seed}, path ${c.path}`,
      `  replay: npx kdverify replay --report ${file} --claim ${r.claim}${o.claimsFile ? '' : ' --claims-file <the file that defines it>'}`,
    );
  }
  if (r.status === 'undecided') lines.push(`${r.id} stayed undecided at the maximum precision${r.undecidedExample ? ` on ${JSON.stringify(r.undecidedExample.instance)}` : ''}${r.cutShort ? ' (cut short)' : ''}`);
  if (unrefuted.length) lines.push(`negative controls not refuted within ${budget.controlRuns} instances: ${unrefuted.map((c) => `${c.id} (${c.description})`).join(', ')}`);
  return lines.length ? lines.join('\n') : null;
}

function register(user: readonly UserClaim[], selection: readonly string[], o: ClaimTestOptions): void {
  const specs = [...loadCatalogue(), ...user.map((c) => c.spec)];
  const all: AnyProperty[] = [...builtinProperties, ...user.flatMap((c) => c.properties)];
  const encoded = specs.map((s) => s.id).filter((id) => all.some((p) => p.claim === id));
  const { claims, properties } = selectProperties(encoded, all, selection.length || !user.length ? selection : user.map((c) => c.spec.id));
  const budget = budgetOf(o);
  for (const id of claims) {
    const spec = specs.find((s) => s.id === id)!;
    describe(`${id}: ${spec.title}`, () => {
      for (const p of properties.filter((q) => q.claim === id))
        it(`${p.id}: ${p.title}`, async () => {
          await mpfrLoaded; // the certification ladder's MPFR step, as in kdverify run
          const message = failureOf(spec, runProperty(p, budget), budget, o);
          if (message) throw new Error(message);
        }, o.testTimeout ?? 600_000);
    });
  }
}

/**
 * Register claims as vitest tests: a `describe` per claim and a test per property. `claims` holds
 * your `defineClaim(...)` results and/or ids or globs of claims or properties, built-in or yours
 * (`'KD-T8-UPPER'`, `'KD-L6-DV/inequality'`); without patterns, every property of your claims.
 */
export function describeClaims(claims: ReadonlyArray<UserClaim | string>, options: ClaimTestOptions = {}): void {
  const user = checkClaims(claims.filter((c) => typeof c !== 'string'), 'describeClaims');
  register(user, claims.filter((c): c is string => typeof c === 'string'), options);
}

/**
 * Register the claims of a claims file (path relative to the working directory) as vitest tests,
 * as {@link describeClaims} does; `select` narrows them to ids or globs of claims or properties.
 */
export function describeClaimsFile(file: string, options: ClaimTestOptions & { select?: readonly string[] } = {}): void {
  describe(`claims file ${file}`, async () => {
    register(await loadClaimsFiles([file]), options.select ?? [], { ...options, claimsFile: options.claimsFile ?? file });
  });
}

/**
 * Register an implementation check as vitest tests, one per protocol function (or per function of
 * `functions`): a function the implementation does not list is skipped; one that disagrees with
 * the 60-digit reference fails with the shrunk disagreement. `testTimeout` is each test's timeout
 * in milliseconds (default 10 minutes); `timeout` is check-impl's per-request one.
 */
export function describeImpl(options: CheckImplOptions & { testTimeout?: number }): void {
  const { testTimeout, ...check } = options;
  describe(`check-impl ${options.module ?? options.cmd}`, () => {
    for (const fn of options.functions ?? FN_NAMES)
      it(fn, async (ctx) => {
        let report: ImplReport;
        try {
          report = await checkImpl({ ...check, functions: [fn] });
        } catch (e) {
          // the implementation does not offer this function
          if (e instanceof Error && e.message.startsWith('nothing to test')) return ctx.skip();
          throw e;
        }
        if (report.functions.find((f) => f.fn === fn)!.status === 'skipped') return ctx.skip();
        const message = implFailureOf(report, fn, check);
        if (message) throw new Error(message);
      }, testTimeout ?? 600_000);
  });
}

/** The failure message of one function of a check-impl report, or null when it passes (or was skipped). */
export function implFailureOf(report: ImplReport, fn: string, o: CheckImplOptions): string | null {
  const r = report.functions.find((f) => f.fn === fn)!;
  if (r.status === 'adapter-failure') return `${fn}: the implementation failed (${r.failure!.kind}): ${r.failure!.detail}${report.stderr ? `\nits stderr:\n${report.stderr.slice(-2000)}` : ''}`;
  if (r.status !== 'fail') return null;
  const replay = `npx kdverify check-impl ${o.module ? `--module ${o.module}` : `--cmd '${o.cmd}'`} --functions ${fn} --seed ${report.config.seed} --runs ${report.config.runs}${o.precision ? ` --precision ${o.precision}` : ''}${o.validation ? ` --validation ${o.validation}` : ''}`;
  // one shrunk witness per distinct kind of disagreement
  const witnesses = r.groups.map((g) => g.witness).filter((w) => w !== null);
  const shown = witnesses.length ? witnesses : [r.firstDisagreement!];
  return [
    `${fn} disagrees with the reference in ${r.groups.length + r.unshrunkGroups.length} distinct way(s): ${shown[0].judgement.detail}`,
    ...shown.flatMap((d) => [`  input: ${JSON.stringify(d.args)}`, `    expected: ${d.expected}`, `    got: ${JSON.stringify(d.got)} (${d.judgement.detail})`]),
    `  replay: ${replay}`,
  ].join('\n');
}
