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
    // products that underflow are not zero
    expect(sameDistribution([5e-324, 1e-12], [5e-324, 2e-12])).toBe(false);
    expect(sameDistribution([5e-324, 1e-12], [1e-323, 2e-12])).toBe(true);
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

describe('worlds the previous verdicts called tight', () => {
  // the default run's tightest T8 worlds before instance classes: "attained" with margins [−2e-102, 6e-40]
  // and [−3.4e-40, 3.4e-40]; both are worlds where Γ = Δ (identical loss rows make the two Gibbs
  // posteriors, and the two ERMs, the same kernel), so they say nothing about the bound
  const gibbs = { lossKind: 'zero-one', family: 'near-teacher', world: { xWeights: [1], labelWeights: [[1e12, 1e-12]], predictors: [[[1e12, 1e-12]], [[1e12, 1e-12]]], loss: [[0, 1], [0, 1]], n: 3, teacher: { kind: 'gibbs', beta: 0.5 }, student: { kind: 'gibbs', beta: 0.65 } } };
  const erm = { lossKind: 'zero-one', family: 'random', world: { xWeights: [0, 443], labelWeights: [[1, 5e-324], [7, 7]], predictors: [[[4, 4], [1, 1]], [[992, 12], [4e8, 200]]], loss: [[0, 1, 0, 1], [0, 1, 0, 1]], n: 3, teacher: { kind: 'erm' }, student: { kind: 'erm' } } };

  it('are degenerate (K_n = 0), attained as identities, and never informative', async () => {
    const { t8World, t8Stability } = await import('../../properties/kd-t8-upper.ts');
    const { checkInstance } = await import('../../src/engine/check-instance.ts');
    const { precisionPolicy } = await import('../../src/numerics/certify.ts');
    for (const [p, w] of [[t8World, gibbs], [t8Stability, erm]] as const) {
      const { cert } = checkInstance(p as never, w, precisionPolicy(40));
      expect(cert).toMatchObject({ verdict: 'attained', class: 'degenerate', room: null });
    }
  });

  it('a different pseudo-labelling channel makes the ERM world informative again', async () => {
    const { t8Stability } = await import('../../properties/kd-t8-upper.ts');
    const { checkInstance } = await import('../../src/engine/check-instance.ts');
    const { precisionPolicy } = await import('../../src/numerics/certify.ts');
    // hypothesis 1 (never chosen) pseudo-labels differently: nothing changes; the chosen one (0) now does
    const w = structuredClone(erm);
    w.world.predictors[0][1] = [992, 12];
    expect(gammaEqualsDelta(w.world as never)).toBeNull();
    const { cert } = checkInstance(t8Stability as never, w, precisionPolicy(40));
    expect(cert!.class).not.toBe('degenerate');
    expect(cert!.verdict).toBe('holds');
  });
});

describe('Gibbs teacher and student whose hypotheses differ only where no dataset reaches', () => {
  // seed 17 of the sweep: the two hypotheses' losses differ only at x = 0, which μ_X does not charge
  const world = (x0: number) => ({
    xWeights: [x0, 2, 6],
    labelWeights: [[0.0009, 1], [699, 716], [0.04, 0.006]],
    predictors: [[[0.0009, 1], [699, 716], [0.04, 0.006]], [[0.0009, 1], [699, 716], [0.04, 0.006]]],
    loss: [[1, 0, 0, 1, 0, 1], [0, 1, 0, 1, 0, 1]],
    n: 1,
    teacher: { kind: 'gibbs' as const, beta: 0.5 },
    student: { kind: 'gibbs' as const, beta: 0.505 },
  });
  it('is Γ = Δ (K_n = 0) when x = 0 is not charged, and not when it is', () => {
    const F = intervalField(60);
    expect(gammaEqualsDelta(world(0))).not.toBeNull();
    expect(F.sign(distillationQuantities(F, worldLaws(F, world(0))).Kn)).not.toBe(1);
    expect(gammaEqualsDelta(world(1))).toBeNull();
    expect(F.sign(distillationQuantities(F, worldLaws(F, world(1))).Kn)).toBe(1);
  });
});

describe('ERM teacher whose choices differ only on datasets of probability 0', () => {
  // seed 19 of the sweep: only (x0, y0) is charged; on it the ERM picks f3, whose pseudo-labels are the true channel
  const world = {
    xWeights: [993],
    labelWeights: [[1, 0]],
    predictors: [[[100000000000, 70]], [[0.000004, 40000]], [[116, 34]], [[1e-300, 0]]],
    loss: [[6.999999468959572e-10, 0.9999999993], [0.9999999999, 1.000000082740371e-10], [0.22666666666666668, 0.7733333333333333], [0, 1]],
    n: 1,
    teacher: { kind: 'erm' as const },
    student: { kind: 'erm' as const },
  };
  it('is Γ = Δ: a choice on an uncharged dataset is never made', () => {
    const F = intervalField(60);
    expect(gammaEqualsDelta(world)).not.toBeNull();
    expect(F.sign(distillationQuantities(F, worldLaws(F, world)).Kn)).not.toBe(1);
  });
});
