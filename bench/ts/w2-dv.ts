import fc from 'fast-check';
import { defineProperty } from '../../src/engine/property.ts';
import { runProperty } from '../../src/engine/run-property.ts';
import { precisionPolicy } from '../../src/numerics/certify.ts';
import { weightsOf } from '../../src/gen/weights.ts';
import { valuesOf } from '../../src/gen/values.ts';
import { dvInequality } from '../../properties/kd-l6-dv.ts';
import { benchBudget, instrument, runMain, now, propertySide, seconds, type WorkloadResult } from './common.ts';

/**
 * W2: Donsker–Varadhan, E_Q g ≤ KL(Q‖P) + log E_P e^g, on instances of exactly 100 atoms: P and Q
 * drawn independently by weightsOf(100) (integer, sparse, log-scale, one-hot, uniform, extreme), g
 * by valuesOf(100) (the property's own g-values generator, built on src/gen/reals.ts). Sides and
 * the hypothesis Q ≪ P are those of KD-L6-DV/inequality (instances without it are discarded).
 */
const ATOMS = 100;

const arbitrary = fc.record({
  pair: fc.tuple(weightsOf(ATOMS), weightsOf(ATOMS)).map(([q, p]) => ({ relation: 'independent' as const, kinds: [q.kind, p.kind] as [typeof q.kind, typeof p.kind], q: q.weights, p: p.weights })),
  g: valuesOf(ATOMS).map(({ values }) => ({ kind: 'values' as const, values })),
});

export const benchDv = defineProperty({
  // everything the property declares (sides, hypotheses, degenerate and attaining instances, precision ceiling)
  ...dvInequality,
  id: 'USER-BENCH-DV/inequality-100-atoms',
  claim: 'USER-BENCH-DV',
  title: 'KD-L6-DV/inequality on 100-atom instances',
  arbitrary,
  controls: [],
  probes: [],
});

export async function run({ quick = false, headline = false } = {}): Promise<WorkloadResult> {
  const runs = quick ? 50 : 1000;
  const sides = [];
  // as kd-verify runs it: the double-interval screen first, Decimal enclosures only when it cannot
  // decide; twice, as W3: the first pass includes V8's JIT warm-up, the second is the steady state
  // (what a property meets inside a verify run, after the shared code has been compiled)
  for (const [label, policy] of [
    ['kd-verify runProperty (screen + Decimal), first pass', precisionPolicy(40)],
    ['kd-verify runProperty (screen + Decimal), second pass', precisionPolicy(40)],
    ['kd-verify runProperty, no screen (Decimal from 40 digits)', precisionPolicy(40, { noScreen: true, startDigits: 40 })],
  ] as const) {
    // --headline (bench/profile.ts): the two screened passes only, without the Decimal-only comparison row
    if (headline && label.includes('no screen')) continue;
    const phases: Record<string, number> = {};
    const t0 = now();
    const r = runProperty(instrument(benchDv, phases), benchBudget(runs, { policy }));
    sides.push(propertySide(label, r, seconds(t0), phases));
  }
  return {
    id: 'W2',
    title: `Donsker–Varadhan inequality, ${ATOMS} atoms, certified at 40 digits, ${runs} instances`,
    ts: sides,
    python: { script: 'w2_dv.py', args: [String(runs)] },
  };
}

await runMain(import.meta.url, () => run({ quick: process.argv.includes('--quick'), headline: process.argv.includes('--headline') }));
