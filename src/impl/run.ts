import type { Adapter } from './adapters/adapter.ts';
import { UsageError } from '../cli/output.ts';
import { checkFunction, emptyResult, type FunctionResult } from './check.ts';
import { FN_SPECS } from './functions/index.ts';
import { deriveSeed } from '../engine/seed.ts';
import type { FnName } from './protocol.ts';
import { DEFAULT_PROFILE, type PrecisionName, type Profile, type Validation } from './precision.ts';

/** The check-impl report (report.json of `kdverify check-impl`, returned by `checkImpl()`). */
export interface ImplReport {
  schemaVersion: 2;
  kind: 'check-impl';
  tool: { name: 'kd-verify'; version: string };
  config: { module: string | null; cmd: string | null; functions: string[]; runs: number; seed: number; timeoutMs: number; precision: PrecisionName; validation: Validation };
  implementation: { name: string; functions: string[]; unknown: string[] };
  functions: FunctionResult[];
  /** what the implementation wrote on stderr (the last 64 KB) */
  stderr: string;
  summary: { pass: number; fail: number; skipped: number; adapterFailure: number };
  timing: { startedAt: string; durationMs: number };
}

export interface ImplOptions {
  module: string | null;
  cmd: string | null;
  functions: FnName[] | null;
  runs: number;
  seed: number;
  timeoutMs: number;
  /** the format and validation the answers are judged in (default: float64, strict) */
  profile?: Profile;
  version: string;
  onFunction?: (r: FunctionResult) => void;
}

/** Test every protocol function the implementation lists (or those selected) against the reference. */
export async function checkImpl(adapter: Adapter, o: ImplOptions): Promise<ImplReport> {
  const startedAt = new Date();
  const t0 = performance.now();
  const profile = o.profile ?? DEFAULT_PROFILE;
  try {
    const d = await adapter.describe();
    const tested = FN_SPECS.filter((s) => d.functions.includes(s.name) && (!o.functions || o.functions.includes(s.name)));
    // a run that tests nothing must not look like a pass
    if (tested.length === 0)
      throw new UsageError(!FN_SPECS.some((s) => d.functions.includes(s.name)) ? `nothing to test: ${adapter.source} offers no protocol function (${d.functions.length ? `it lists ${d.functions.join(', ')}` : 'it lists none'})` : `nothing to test: --functions selects none of the functions ${adapter.source} offers (${d.functions.join(', ')})`);
    const results: FunctionResult[] = [];
    for (const spec of FN_SPECS) {
      const seed = deriveSeed(o.seed, `check-impl:${spec.name}`);
      const r = o.functions && !o.functions.includes(spec.name) ? emptyResult(spec, seed, 'not selected (--functions)')
        : !d.functions.includes(spec.name) ? emptyResult(spec, seed, 'not listed by the implementation')
        : await checkFunction(adapter, spec, o.runs, o.seed, profile);
      results.push(r);
      o.onFunction?.(r);
    }
    const count = (s: FunctionResult['status']) => results.filter((r) => r.status === s).length;
    return {
      schemaVersion: 2,
      kind: 'check-impl',
      tool: { name: 'kd-verify', version: o.version },
      config: { module: o.module, cmd: o.cmd, functions: o.functions ?? [], runs: o.runs, seed: o.seed, timeoutMs: o.timeoutMs, precision: profile.precision.name, validation: profile.validation },
      implementation: { name: d.name, functions: d.functions, unknown: d.functions.filter((f) => !FN_SPECS.some((s) => s.name === f)) },
      functions: results,
      stderr: adapter.stderr(),
      summary: { pass: count('pass'), fail: count('fail'), skipped: count('skipped'), adapterFailure: count('adapter-failure') },
      timing: { startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - t0) },
    };
  } finally {
    await adapter.close();
  }
}
