import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { chainRuleSplit, distillationQuantities, worldLaws } from '../../src/kd/processes.ts';
import { checkWorld, WorldError, type WorldSpec } from '../../src/kd/world.ts';

/** One input, two labels, n = 1: every law can be written down by hand. */
const tiny: WorldSpec = {
  xWeights: [1],
  labelWeights: [[3, 1]], // P(y=0) = 3/4
  predictors: [[[1, 1]], [[1, 0]]], // f0 uniform, f1 always predicts label 0
  loss: [
    [0.5, 0.5],
    [0, 1],
  ],
  n: 1,
  teacher: { kind: 'erm' },
  student: { kind: 'erm' },
};

describe('a hand-computable world', () => {
  const F = decimalField(50);
  const L = worldLaws(F, tiny);
  const q = distillationQuantities(F, L);

  it('teacher: ERM picks f1 on z = 0 (loss 0) and f0 on z = 1 (0.5 < 1)', () => {
    expect([...L.teacherKernel(0).keys()]).toEqual([1]);
    expect([...L.teacherKernel(1).keys()]).toEqual([0]);
  });

  it('gen_T = E[L_μ(A(z)) − ℓ(A(z), z)] = 3/4·(1/4 − 0) + 1/4·(1/2 − 1/2) = 3/16', () => {
    // L_μ(f1) = 3/4·0 + 1/4·1 = 1/4, L_μ(f0) = 1/2
    expect(q.genT.toString()).toBe(new Decimal(3).div(16).toString());
  });

  it('pseudo-labels: f1 labels every input 0, f0 draws a fair label', () => {
    // Γ_D̂(z=0) = 3/4·1 + 1/4·1/2 = 7/8, Γ_D̂(z=1) = 1/8
    expect(L.pseudoData.get(0)!.toString()).toBe('0.875');
    expect(L.pseudoData.get(1)!.toString()).toBe('0.125');
  });

  it('K_n = KL((7/8, 1/8) ‖ (3/4, 1/4)) since the student is the same ERM', () => {
    const D = Decimal.clone({ precision: 60 });
    const expected = new D(7).div(8).times(new D(7).div(6).ln()).plus(new D(1).div(8).times(new D(1).div(2).ln()));
    expect(q.Kn.minus(expected).abs().lt('1e-45')).toBe(true);
    const { datasetShift, algorithmShift } = chainRuleSplit(F, L);
    expect(datasetShift.minus(expected).abs().lt('1e-45')).toBe(true);
    expect(algorithmShift.isZero()).toBe(true);
  });

  it('gen_S = 7/8·(1/4 − 0) + 1/8·(1/2 − 1/2) = 7/32', () => {
    expect(q.genS.toString()).toBe(new Decimal(7).div(32).toString());
  });

  it('certified enclosures contain the exact values', () => {
    const I = intervalField(40);
    const e = distillationQuantities(I, worldLaws(I, tiny)).genS;
    expect(e.lo.lte('0.21875') && e.hi.gte('0.21875')).toBe(true);
  });
});

describe('checkWorld', () => {
  it.each([
    [{ ...tiny, n: 0 }, /n must be a positive integer/],
    [{ ...tiny, xWeights: [-1] }, /negative or non-finite/],
    [{ ...tiny, labelWeights: [[0, 0]] }, /no positive weight/],
    [{ ...tiny, loss: [[0.5, 0.5]] }, /loss has 1 rows/],
    [{ ...tiny, n: 13 }, /too many to enumerate/],
    [{ ...tiny, teacher: { kind: 'gibbs', beta: NaN } }, /inverse temperature/],
    [{ ...tiny, student: { kind: 'erm', subclass: [5] } }, /subclass/],
    [{ ...tiny, teacher: { kind: 'seeded', seeds: [] } }, /at least one seed/],
  ] as Array<[WorldSpec, RegExp]>)('rejects a malformed world (%#)', (w, msg) => {
    expect(() => checkWorld(w)).toThrow(WorldError);
    expect(() => checkWorld(w)).toThrow(msg);
  });
});
