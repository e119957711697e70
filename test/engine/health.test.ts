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
    expect(r.warnings.join('\n')).toMatch(/no instance came within 10% of the bound/);
  });

  it('stay quiet on a healthy tight property', () => {
    const healthy = defineProperty<number>({
      id: 'KD-L6-DV/healthy',
      claim: 'KD-L6-DV',
      title: 'x² ≥ 0',
      relation: 'le',
      arbitrary: fc.integer({ min: -5, max: 5 }),
      sides: (F, x) => ({ lhs: F.fromNumber(0), rhs: F.square(F.fromNumber(x)) }),
      controls: [],
    });
    expect(runProperty(healthy, ciBudget()).warnings).toEqual([]);
  });
});
