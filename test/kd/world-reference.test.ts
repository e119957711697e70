import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { worldCases } from '../fixtures/load.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import type { Field } from '../../src/numerics/field.ts';
import { chainRuleSplit, distillationQuantities, worldLaws } from '../../src/kd/processes.ts';
import { logMgfNeg, varianceOfH } from '../../src/kd/central.ts';
import { twoAtomTiltEta } from '../../src/kd/central-eta.ts';
import { boundedDifferenceOfH, uniformStability } from '../../src/kd/stability.ts';
import type { DeterministicLearner, WorldSpec } from '../../src/kd/world.ts';

/**
 * The KD world model against an independent implementation (test/fixtures/generate_world_values.py:
 * exact fractions, mpmath at 60 digits, written from the model's specification alone).
 */
const cases = worldCases();

const I = intervalField(50);
type Enc = { lo: Decimal; hi: Decimal };
const quantities: Record<string, (F: Field<Enc>, w: WorldSpec) => Enc> = {
  Kn: (F, w) => distillationQuantities(F, worldLaws(F, w)).Kn,
  genT: (F, w) => distillationQuantities(F, worldLaws(F, w)).genT,
  genS: (F, w) => distillationQuantities(F, worldLaws(F, w)).genS,
  datasetShift: (F, w) => chainRuleSplit(F, worldLaws(F, w)).datasetShift,
  algorithmShift: (F, w) => chainRuleSplit(F, worldLaws(F, w)).algorithmShift,
  varH: (F, w) => varianceOfH(F, w),
  'cgfNeg0.7': (F, w) => logMgfNeg(F, w, F.fromNumber(0.7)),
  beta: (F, w) => uniformStability(F, w, w.teacher as DeterministicLearner),
  bdH: (F, w) => boundedDifferenceOfH(F, w, w.teacher as DeterministicLearner),
  etaTilt: (F, w) => twoAtomTiltEta(F, w)!,
};
/** Values found numerically in doubles (test/kd/central-eta.test.ts), not enclosed. */
const numerical = new Set(['etaBestBound', 'etaBestRoom', 'roomCeiling']);

describe.each(cases.map((c) => [c.label, c] as const))('world: %s', (_label, c) => {
  it.each(Object.entries(c.values).filter(([name]) => !numerical.has(name)))('%s', (name, value) => {
    const enc = quantities[name](I, c.world);
    if (value === 'Infinity') {
      expect(I.bounds(enc)).toEqual({ lo: 'Infinity', hi: 'Infinity' });
      return;
    }
    const r = new Decimal(value);
    // the reference has 40 significant digits: allow one unit in its last place
    const tol = Decimal.max(r.abs().times('1e-39'), new Decimal('1e-45'));
    expect(enc.lo.minus(tol).lte(r) && r.lte(enc.hi.plus(tol))).toBe(true);
    expect(enc.hi.minus(enc.lo).lte(Decimal.max(r.abs(), 1).times('1e-40'))).toBe(true);
  });
});
