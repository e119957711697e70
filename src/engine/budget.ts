import { precisionPolicy } from '../numerics/certify.ts';
import type { Budget } from './run-property.ts';

/** The full budget of `kdverify run` (and `npm run verify`). */
export const DEFAULT_RUNS = 1000;
export const DEFAULT_DIGITS = 40;
export const DEFAULT_SEED = 42;

/**
 * The CI budget of `npm test`: fewer instances per property, but negative controls keep the
 * full default budget: a control must be refuted within what `kdverify run` would draw.
 */
export const CI_RUNS = 100;

export function ciBudget(seed = DEFAULT_SEED): Budget {
  return { runs: CI_RUNS, controlRuns: DEFAULT_RUNS, probeRuns: CI_RUNS, seed, policy: precisionPolicy(DEFAULT_DIGITS) };
}
