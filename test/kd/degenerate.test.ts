import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gammaEqualsDelta, sameDistribution } from '../../src/kd/degenerate.ts';
import { nearTeacherArb } from '../../src/gen/world.ts';
import { distillationQuantities, worldLaws } from '../../src/kd/processes.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';

describe('structural degeneracy of KD worlds', () => {
  it('decides proportional rows exactly', () => {
    expect(sameDistribution([1, 2, 3], [2, 4, 6])).toBe(true);
    expect(sameDistribution([0.1, 0.2], [1, 2])).toBe(true); // the double 0.2 is exactly twice the double 0.1
    expect(sameDistribution([0.1, 0.3], [1, 3])).toBe(false); // the double 0.3 is not three times the double 0.1
    expect(sameDistribution([1, 2], [1, 3])).toBe(false);
    expect(sameDistribution([0, 5], [0, 1])).toBe(true);
    expect(sameDistribution([0, 5], [1, 1])).toBe(false);
  });

  it('Γ = Δ declared only where K_n is 0; the other near-teacher worlds have K_n certified positive', () => {
    const F = intervalField(40);
    let declared = 0, other = 0;
    fc.assert(
      fc.property(nearTeacherArb(), (inst) => {
        const w = inst.world;
        const K = distillationQuantities(F, worldLaws(F, w)).Kn;
        if (gammaEqualsDelta(w) !== null) {
          declared++;
          // an enclosure of 0 at 40 digits, never certified positive
          expect(F.sign(K)).not.toBe(1);
          expect(Number(F.bounds(K).hi)).toBeLessThan(1e-30);
        } else {
          other++;
          expect(F.sign(K)).toBe(1);
        }
      }),
      { numRuns: 60, seed: 5 },
    );
    expect(declared).toBeGreaterThan(3);
    expect(other).toBeGreaterThan(20);
  });
});
