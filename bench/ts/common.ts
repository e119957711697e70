import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Field } from '../../src/numerics/field.ts';
import type { AnyProperty } from '../../src/engine/property.ts';
import { precisionPolicy } from '../../src/numerics/certify.ts';
import { mpfrLoaded } from '../../src/numerics/mpfr.ts';
import type { Budget, PropertyResult } from '../../src/engine/run-property.ts';

/** bench/data/: the generated inputs both sides read (git-ignored). */
export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export function writeData(name: string, value: unknown): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = DATA_DIR + name;
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** One measured run of one side: seconds, instances, and anything worth printing. */
export interface SideResult {
  label: string;
  seconds: number;
  instances: number;
  /** time per phase, seconds (phases may overlap the total only partially: they are measured inside it) */
  phases?: Record<string, number>;
  notes?: string[];
  /** verdict counts, where the workload certifies a relation */
  verdicts?: Record<string, number>;
}

export interface WorkloadResult {
  id: string;
  title: string;
  /** kd-verify measurements (the first is the headline figure) */
  ts: SideResult[];
  /** data file for the Python side, and the script to run on it */
  python?: { script: string; args: string[] };
  /** cross-checks computed on the TS side, handed to the Python side via the data file */
  notes?: string[];
}

export const now = () => performance.now();
export const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** The budget of the brief: no controls, no targeted search, 40-digit working precision. */
export const benchBudget = (runs: number, overrides: Partial<Budget> = {}): Budget => ({
  runs,
  controlRuns: 1,
  searchRuns: 0,
  seed: 42,
  policy: precisionPolicy(40),
  ...overrides,
});

/**
 * Wrap a property's `establish` and `sides` with timers: establish time, and formula time per
 * arithmetic context (interval-double = the screen, interval-decimal@D = Decimal enclosures at D
 * digits). What remains of the total is generation (fast-check) and the engine's bookkeeping.
 */
export function instrument(prop: AnyProperty, phases: Record<string, number>): AnyProperty {
  const add = (k: string, t0: number) => (phases[k] = (phases[k] ?? 0) + seconds(t0));
  return {
    ...prop,
    establish: prop.establish && ((inst: unknown) => {
      const t0 = now();
      try {
        return prop.establish!(inst);
      } finally {
        add('establish', t0);
      }
    }),
    sides: <T>(F: Field<T>, inst: unknown, d: unknown) => {
      const t0 = now();
      try {
        return prop.sides(F, inst, d);
      } finally {
        add(F.name === 'interval-decimal' || F.name === 'interval-mpfr' ? `sides@${F.name}(${F.digits})` : `sides@${F.name}`, t0);
      }
    },
  };
}

/** A SideResult from a property run, with the phases measured by `instrument`. */
export function propertySide(label: string, r: PropertyResult, secs: number, phases: Record<string, number>): SideResult {
  const inPhases = Object.values(phases).reduce((a, b) => a + b, 0);
  const notes = [`status ${r.status}; ${r.instances} checked, ${r.discarded} discarded; ${r.screened} decided by the double screen; max digits ${r.maxDigitsUsed}`];
  if (r.error) notes.push(`error: ${r.error}`);
  return {
    label,
    seconds: secs,
    instances: r.instances,
    verdicts: r.verdicts,
    phases: { ...phases, 'generation + engine': Math.max(0, secs - inPhases) },
    notes,
  };
}

/** The file is executed directly (npx tsx bench/ts/w1-kl.ts [--quick]). */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === url;
}

/** The module hooks the CLI runs under (src/loader/: the project's .ts files through esbuild without tsx's keepNames). */
export const LOADER = new URL('../../src/loader/register.mjs', import.meta.url).href;

/**
 * When the file is executed directly, print main()'s result as JSON, measured under the CLI's own
 * module hooks: started by plain tsx (as ../shared/peers/run.sh does), it runs itself again in a
 * child process with them (module loading is never timed).
 */
export async function runMain(url: string, main: () => Promise<unknown>): Promise<void> {
  if (!isMain(url)) return;
  if (process.env.KD_VERIFY_HOOKS !== '1') {
    const r = spawnSync(process.execPath, ['--import', LOADER, fileURLToPath(url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  await mpfrLoaded; // the certification ladder as kdverify run has it
  console.log(JSON.stringify(await main(), null, 2));
}
