import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certify, precisionPolicy } from '../../src/numerics/certify.ts';
import { InsufficientPrecision } from '../../src/numerics/insufficient-precision.ts';
import { defineProperty } from '../../src/engine/property.ts';
import { runProperty } from '../../src/engine/run-property.ts';
import { ciBudget } from '../../src/engine/budget.ts';
import { cholesky, logdetSpd } from '../../src/linalg/cholesky.ts';
import { lift } from '../../src/linalg/matrix.ts';

const P40 = precisionPolicy(40);

describe('a computation that needs more precision', () => {
  // [[1, 1], [1, 1 + 1e-15]]: its second Cholesky pivot straddles 0 in double intervals
  const nearSingular = [[1, 1], [1, 1 + 1e-15]];
  it('throws InsufficientPrecision in a context too coarse to decide', async () => {
    const { intervalDoubleField } = await import('../../src/numerics/interval-double-field.ts');
    expect(() => cholesky(intervalDoubleField, lift(intervalDoubleField, nearSingular))).toThrow(InsufficientPrecision);
  });
  it('is retried at a higher precision by certify, not reported as an error', () => {
    const c = certify((F) => ({ lhs: logdetSpd(F, lift(F, nearSingular)), rhs: F.fromNumber(0) }), 'le', P40);
    expect(c.verdict).toBe('holds');
    // decided by a multi-precision interval context (MPFR first, then Decimal), not by the double screen
    expect(c.context).toMatch(/^interval-(mpfr|decimal)$/);
    expect(c.digits).toBeGreaterThan(17); // beyond what a double carries
  });
  it('is undecided, not violated, when even the maximum precision cannot decide', () => {
    const c = certify(() => {
      throw new InsufficientPrecision('never decidable');
    }, 'le', P40);
    expect(c.verdict).toBe('undecided');
  });
});

describe('a property whose formula throws', () => {
  it('is an error with the message, not a violation', () => {
    const broken = defineProperty<number>({
      id: 'KD-L6-DV/throws-sometimes',
      claim: 'KD-L6-DV',
      title: 'a formula that throws on one input',
      relation: 'le',
      arbitrary: fc.integer({ min: 0, max: 20 }),
      sides: (F, x) => {
        if (x === 7) throw new Error('formula failed on 7');
        return { lhs: F.fromNumber(0), rhs: F.fromNumber(1) };
      },
      controls: [],
    });
    const r = runProperty(broken, ciBudget());
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/formula failed on 7/);
  });
});

describe('the strict relation lt', () => {
  it('holds on a tiny certified positive margin, as le does (a positive margin is never called attained)', () => {
    const f = <T>(F: import('../../src/numerics/field.ts').Field<T>) => ({ lhs: F.fromNumber(1), rhs: F.add(F.fromNumber(1), F.fromString('1e-60')) });
    expect(certify(f, 'lt', P40).verdict).toBe('holds');
    expect(certify(f, 'le', P40).verdict).toBe('holds');
  });
  it('is violated by an exact equality and by a negative margin', () => {
    expect(certify((F) => ({ lhs: F.fromNumber(0), rhs: F.fromNumber(0) }), 'lt', P40).verdict).toBe('violated');
    expect(certify((F) => ({ lhs: F.fromNumber(2), rhs: F.fromNumber(1) }), 'lt', P40).verdict).toBe('violated');
  });
});
