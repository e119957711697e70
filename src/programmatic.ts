import { mpfrLoaded } from './numerics/mpfr.ts';
import { availableParallelism } from 'node:os';
import type { Report } from './report/types.ts';
import type { PropertyResult } from './engine/run-property.ts';
import { DEFAULT_DIGITS, DEFAULT_RUNS, DEFAULT_SEED } from './engine/budget.ts';
import { DEFAULT_USER_CORPUS, checkCorpusDir, updateCorpus } from './engine/corpus.ts';
import { checkClaims, ClaimsFileError, loadClaimsFiles, type UserClaim } from './spec/user-claims.ts';
import { checkWritableDir, UsageError, writeAll } from './cli/output.ts';
import { checkImpl as runCheckImpl, type ImplReport } from './impl/run.ts';
import type { FunctionResult } from './impl/check.ts';
import { FN_NAMES, isFnName, type FnName } from './impl/protocol.ts';
import { PRECISIONS, type PrecisionName, type Validation } from './impl/precision.ts';
import { ModuleAdapter } from './impl/adapters/module.ts';
import { SubprocessAdapter } from './impl/adapters/subprocess.ts';
import { renderImplMarkdown } from './report/impl/markdown.ts';
import { renderImplHtml } from './report/impl/html.ts';
import { renderImplJunit } from './report/impl/junit.ts';
import { toolVersion } from './package-root.ts';

/** Progress within one running property (at most a few events a second per property). */
export interface ProgressEvent {
  property: string;
  phase: 'instances' | 'search' | 'controls';
  done: number;
  total: number;
}

/** Options of {@link verify}: the same budget as `kdverify run`, with the same defaults. */
export interface VerifyOptions {
  /**
   * What to verify: your claims (`defineClaim(...)` results) and/or ids or globs of claims or
   * properties, built-in or yours (`'KD-T8-UPPER'`, `'KD-L6-DV/inequality'`, `'USER-*'`).
   * Default: your claims (given here or in `claimsFiles`), or every built-in claim when there are none.
   */
  claims?: ReadonlyArray<UserClaim | string>;
  /** Claims files to load (paths relative to the working directory): `.js`, `.mjs`, `.cjs`, `.ts`, `.mts`, `.cts`. */
  claimsFiles?: readonly string[];
  /** Instances per property (default 1000). */
  runs?: number;
  /** Instances a negative control may draw before it counts as not refuted (default: `runs`). */
  controlRuns?: number;
  /** Targeted-search evaluations per property (default `runs / 10`; 0 turns the search off). */
  search?: number;
  /** Working precision in significant digits, 20 to 250 (default 40). */
  digits?: number;
  /** Run seed (default 42): the same seed gives the same report. */
  seed?: number;
  /** Worker threads for the built-in properties (default: the number of cores); your in-memory claims run on this thread. */
  jobs?: number;
  /** Stop after this many seconds: cut-short properties are reported undecided and the report incomplete. */
  timeLimit?: number;
  /** Write report.json, report.md, report.html and junit.xml into this directory (default: write nothing). */
  out?: string;
  /** Your counterexample corpus, run first with the bundled one (default `.kdverify/corpus` under the working directory). */
  corpus?: string;
  /** Add the run's counterexamples and refuted probes' witnesses to `corpus`. */
  updateCorpus?: boolean;
  /** Progress within each running property. */
  onProgress?: (event: ProgressEvent) => void;
  /** One line per finished property (status, id, instances, controls refuted, time). */
  log?: (line: string) => void;
}

const integer = (name: string, value: number | undefined, fallback: number, min: number, max: number): number => {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw new UsageError(`${name} must be an integer between ${min} and ${max}, got ${String(value)}`);
  return v;
};

/**
 * Verify claims programmatically, as `kdverify run` does, and return the report object (the
 * content of report.json). Files are written only when `out` is given.
 *
 * ```ts
 * import { verify } from 'kd-verify';
 * import { claims } from './claims/theorem8-variants.ts';
 * const report = await verify({ claims, runs: 200 });
 * console.log(report.summary); // how many claims have each status
 * ```
 *
 * @throws a `UsageError` (bad option, claim pattern matching nothing, claims file that does not load) before any work is done.
 */
export async function verify(options: VerifyOptions = {}): Promise<Report> {
  await mpfrLoaded; // properties run here (in-memory claims) certify with MPFR as kdverify run does
  const runs = integer('runs', options.runs, DEFAULT_RUNS, 1, 10_000_000);
  const controlRuns = integer('controlRuns', options.controlRuns, runs, 1, 10_000_000);
  const digits = integer('digits', options.digits, DEFAULT_DIGITS, 20, 250);
  const seed = integer('seed', options.seed, DEFAULT_SEED, -(2 ** 31), 2 ** 31 - 1);
  const jobs = integer('jobs', options.jobs, Math.max(1, availableParallelism()), 1, 256);
  const search = options.search === undefined ? undefined : integer('search', options.search, 0, 0, 10_000_000);
  const timeLimit = options.timeLimit === undefined ? undefined : integer('timeLimit', options.timeLimit, 0, 1, 7 * 24 * 3600);
  const corpus = options.corpus ?? DEFAULT_USER_CORPUS;
  if (options.updateCorpus) checkCorpusDir(corpus);
  const given = options.claims ?? [];
  const patterns = given.filter((c): c is string => typeof c === 'string');
  const user = [...checkClaims(given.filter((c) => typeof c !== 'string'), 'verify({ claims })'), ...(await loadClaimsFiles(options.claimsFiles ?? []))];
  const ids = user.map((c) => c.spec.id);
  const dup = ids.find((id, k) => ids.indexOf(id) !== k);
  if (dup) throw new ClaimsFileError(`claim ${dup} is defined twice`);
  // loaded on the first call: importing the package stays cheap
  const [{ verify: run }, { builtinProperties }] = await Promise.all([import('./cli/verify.ts'), import('../properties/index.ts')]);
  const report = await run([...builtinProperties, ...user.flatMap((c) => c.properties)], {
    extraSpecs: user.map((c) => c.spec),
    claimsFiles: [...(options.claimsFiles ?? [])],
    claims: patterns.length || !user.length ? patterns : ids,
    runs,
    controlRuns,
    searchRuns: search,
    digits,
    seed,
    jobs,
    timeLimit,
    out: options.out,
    corpus,
    onProgress: options.onProgress && ((property, phase, done, total) => options.onProgress!({ property, phase, done, total })),
    log: options.log,
  });
  if (options.updateCorpus) updateCorpus(report, corpus, `found by verify({ seed: ${seed}, runs: ${runs} }) on ${report.timing.startedAt.slice(0, 10)}`);
  return report;
}

/** Options of {@link checkImpl}: the same as `kdverify check-impl`, with the same defaults. */
export interface CheckImplOptions {
  /** A JS/TS module exporting protocol functions (positional arguments, plain numbers). Exactly one of `module` and `cmd`. */
  module?: string;
  /** A program speaking the JSON-lines protocol on stdin/stdout, e.g. `'python3 adapter.py'` (run without a shell). */
  cmd?: string;
  /** The protocol functions to test (default: every function the implementation lists). */
  functions?: readonly FnName[];
  /** Generated inputs per function (default 200). */
  runs?: number;
  /** Seed (default 42): the same seed gives the same inputs. */
  seed?: number;
  /** Per-request timeout in milliseconds (default 5000): a hang past it is reported and the implementation restarted. */
  timeout?: number;
  /** The format answers are judged in (default float64; float32 draws inputs representable in it, with its tolerances). */
  precision?: PrecisionName;
  /** strict (default): a finite answer to invalid input is a silent wrong answer; lenient: invalid input is sent and reported, not judged. */
  validation?: Validation;
  /** Write report.json, report.md, report.html and junit.xml into this directory (default: write nothing). */
  out?: string;
  /** Called with each function's result as it is decided. */
  onFunction?: (result: FunctionResult) => void;
}

export const DEFAULT_IMPL_RUNS = 200;

/**
 * Regression-test another implementation of the protocol functions against the 60-digit
 * reference, as `kdverify check-impl` does, and return the check-impl report object.
 *
 * ```ts
 * import { checkImpl } from 'kd-verify';
 * const report = await checkImpl({ module: './my-kl.ts', functions: ['kl_discrete'] });
 * console.log(report.summary); // { pass, fail, skipped, adapterFailure }
 * ```
 *
 * @throws a `UsageError` for bad options or a module that does not exist, before any work is done.
 */
export async function checkImpl(options: CheckImplOptions): Promise<ImplReport> {
  await mpfrLoaded;
  if (Boolean(options.module) === Boolean(options.cmd)) throw new UsageError('check-impl needs exactly one of --module FILE or --cmd "PROGRAM ARGS…"');
  const unknown = (options.functions ?? []).filter((f) => !isFnName(f));
  if (unknown.length) throw new UsageError(`unknown function ${unknown.join(', ')} (the protocol has ${FN_NAMES.join(', ')})`);
  const runs = integer('runs', options.runs, DEFAULT_IMPL_RUNS, 1, 1_000_000);
  const seed = integer('seed', options.seed, DEFAULT_SEED, -(2 ** 31), 2 ** 31 - 1);
  const timeout = integer('timeout', options.timeout, 5000, 1, 3_600_000);
  const precision = options.precision ?? 'float64';
  if (!Object.hasOwn(PRECISIONS, precision)) throw new UsageError(`precision must be one of ${Object.keys(PRECISIONS).join(', ')}, got ${String(precision)}`);
  const validation = options.validation ?? 'strict';
  if (validation !== 'strict' && validation !== 'lenient') throw new UsageError(`validation must be strict or lenient, got ${String(validation)}`);
  if (options.out !== undefined) checkWritableDir(options.out);
  const adapter = options.module ? new ModuleAdapter(options.module, timeout) : new SubprocessAdapter(options.cmd!, timeout);
  const report = await runCheckImpl(adapter, {
    module: options.module ?? null,
    cmd: options.cmd ?? null,
    functions: options.functions ? [...options.functions] : null,
    runs,
    seed,
    timeoutMs: timeout,
    profile: { precision: PRECISIONS[precision], validation },
    version: toolVersion(),
    onFunction: options.onFunction,
  });
  if (options.out !== undefined) writeAll(options.out, [['report.json', JSON.stringify(report, null, 2) + '\n'], ['report.md', renderImplMarkdown(report) + '\n'], ['report.html', renderImplHtml(report)], ['junit.xml', renderImplJunit(report)]]);
  return report;
}

export type { Report, PropertyResult, ImplReport, FunctionResult, FnName };
