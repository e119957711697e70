import fc from 'fast-check';
import { defineProperty } from '../../src/engine/property.ts';
import { checkInstance, runProperty } from '../../src/engine/run-property.ts';
import { precisionPolicy } from '../../src/numerics/certify.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { familiesAt, type FamilyModel } from '../../src/gen/lg-rank-student.ts';
import { rankStudentDerived, rankStudentTerms, type RankStudentModel } from '../../src/linalg/lg-rank-student.ts';
import { decomposition } from '../../properties/kd-lg-decomposition.ts';
import { benchBudget, instrument, runMain, now, propertySide, seconds, writeData, type WorkloadResult } from './common.ts';

/**
 * W4: KD-LG-FINAL/decomposition, K_n(D_n) ≤ Bias + Var + Cov + 2·Apx + 2·Spread, at fixed
 * dimensions d = 8, k = 3, n = 16 (Gaussian KL in dimension kn + kd = 72): the property's own six
 * families (src/gen/lg-rank-student.ts draws k ≤ 2, d ≤ 3, n ≤ 3) with the dimensions fixed.
 */
export const DIMS = { k: 3, d: 8, n: 16 };

/** the six families of src/gen/lg-rank-student.ts at d = 8, k = 3, n = 16 (rank-bottleneck too, with κ = 1) */
export const fixedRankStudentArb: fc.Arbitrary<FamilyModel> = familiesAt(DIMS, DIMS);

export async function run({ quick = false } = {}): Promise<WorkloadResult> {
  const runs = quick ? 5 : 50;
  const sides = [];
  let models: FamilyModel[] = [];
  for (const [label, policy] of [
    ['kd-verify runProperty (screen + Decimal)', precisionPolicy(40)],
    ['kd-verify runProperty, no screen (Decimal from 40 digits)', precisionPolicy(40, { noScreen: true, startDigits: 40 })],
  ] as const) {
    const drawn: FamilyModel[] = [];
    const prop = defineProperty({
      ...decomposition,
      id: 'USER-BENCH-LG/decomposition-d8-k3-n16',
      claim: 'USER-BENCH-LG',
      arbitrary: fixedRankStudentArb.map((m) => (drawn.push(m), m)),
      controls: [],
      probes: [],
      breakdown: undefined,
    });
    const phases: Record<string, number> = {};
    const t0 = now();
    const r = runProperty(instrument(prop, phases), benchBudget(runs, { policy }));
    sides.push(propertySide(label, r, seconds(t0), phases));
    models = drawn;
  }
  // untimed: verdicts per instance, and K_n and the terms at 50 digits on the first instances
  const policy = precisionPolicy(40);
  const verdicts = models.map((m) => checkInstance(decomposition, m, policy).cert?.verdict ?? 'discarded');
  const D = decimalField(50);
  const terms = models.slice(0, 3).map((m) => {
    const t = rankStudentTerms(D, m, rankStudentDerived(m));
    return Object.fromEntries(Object.entries(t).map(([key, x]) => [key, x.toString()]));
  });
  const path = writeData('w4-models.json', { dims: DIMS, models, verdicts, terms50: terms });
  return {
    id: 'W4',
    title: `KD-LG-FINAL/decomposition at d=${DIMS.d}, k=${DIMS.k}, n=${DIMS.n} (72-dimensional Gaussian KL), ${runs} instances`,
    ts: sides,
    python: { script: 'w4_lg.py', args: [path] },
  };
}

await runMain(import.meta.url, () => run({ quick: process.argv.includes('--quick') }));
