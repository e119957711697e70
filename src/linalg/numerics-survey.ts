import fc from 'fast-check';
import { doublePathSurvey, type DoublePathSurvey } from './differential.ts';
import { illConditionedSpdOf, spdOf } from '../gen/matrices.ts';
import { certifiedSpd } from './certified-spd.ts';
import { deriveSeed } from '../engine/seed.ts';

/** The double path against the Decimal reference on `runs` random SPD matrices (n ≤ 4), half of them built to be ill-conditioned. */
export function numericsSurvey(runs: number, seed: number): { doublePath: DoublePathSurvey; seed: number } {
  const s = deriveSeed(seed, 'numerics/double-path');
  const matrices = fc.sample(fc.integer({ min: 1, max: 4 }).chain((n) => fc.oneof(spdOf(n), illConditionedSpdOf(n))), { numRuns: runs, seed: s }).map((m) => m.matrix).filter(certifiedSpd);
  return { doublePath: doublePathSurvey(matrices), seed: s };
}
