import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineProperty } from '../../src/engine/property.ts';
import { runProperty } from '../../src/engine/run-property.ts';
import { ciBudget } from '../../src/engine/budget.ts';

/** Health warnings on purpose-built weak properties. */
describe('health warnings', () => {
  it('flag a generator that rarely meets the hypotheses and a bound never approached', () => {
    const weak = defineProperty<number>({
      id: 'KD-L6-DV/weak-generator',
      claim: 'KD-L6-DV',
      title: 'x ≤ 10·x + 10 on x ∈ [0, 100], hypothesis x < 30',
      relation: 'le',
      arbitrary: fc.integer({ min: 0, max: 100 }),
      establish: (x) => ({ hypotheses: [{ name: 'x < 30', established: x < 30 }], derived: undefined }),
      sides: (F, x) => ({ lhs: F.fromNumber(x), rhs: F.add(F.mul(F.fromNumber(10), F.fromNumber(x)), F.fromNumber(10)) }),
      controls: [],
    });
    const r = runProperty(weak, ciBudget());
    expect(r.warnings.join('\n')).toMatch(/were discarded/);
    expect(r.warnings.join('\n')).toMatch(/no informative instance used more than 90% of the bound's room/);
  });

  it('flag a property whose instances are mostly degenerate, and a control violated only on degenerate instances', () => {
    // x·y ≤ x·y + y: degenerate when y = 0 (no room), which the generator draws 3 times in 4
    const mostlyDegenerate = defineProperty<[number, number]>({
      id: 'KD-L6-DV/mostly-degenerate',
      claim: 'KD-L6-DV',
      title: 'x·y ≤ x·y + y on y ≥ 0',
      relation: 'le',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }) })),
      sides: (F, [x, y]) => ({ lhs: F.fromNumber(x * y), rhs: F.fromNumber(x * y + y), base: F.fromNumber(x * y) }),
      controls: [
        // violated exactly where the property has no room (y = 0 and x > 5): no evidence of teeth
        { id: 'KD-L6-DV/mostly-degenerate~only-degenerate', description: 'x·y + [y = 0 and x > 5] ≤ x·y + y', sides: (F, [x, y]) => ({ lhs: F.fromNumber(x * y + (y === 0 && x > 5 ? 1 : 0)), rhs: F.fromNumber(x * y + y), base: F.fromNumber(x * y) }) },
      ],
    });
    const r = runProperty(mostlyDegenerate, ciBudget());
    expect(r.classes.degenerate).toBeGreaterThan(r.instances / 2);
    expect(r.warnings.join('\n')).toMatch(/degenerate or vacuous/);
    expect(r.controls[0].refuted).toBe(false);
    expect(r.controls[0].degenerateRefutations).toBeGreaterThan(0);
    expect(r.warnings.join('\n')).toMatch(/violated only on instances degenerate for the property/);
  });

  it('stay quiet on a healthy tight property', () => {
    const healthy = defineProperty<number>({
      id: 'KD-L6-DV/healthy',
      claim: 'KD-L6-DV',
      title: 'x² ≥ 0',
      relation: 'le',
      bound: false,
      arbitrary: fc.integer({ min: -5, max: 5 }),
      sides: (F, x) => ({ lhs: F.fromNumber(0), rhs: F.square(F.fromNumber(x)) }),
      controls: [],
    });
    expect(runProperty(healthy, ciBudget()).warnings).toEqual([]);
  });
});
