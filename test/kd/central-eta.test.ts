import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { worldCases } from '../fixtures/load.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { distillationQuantities, worldLaws } from '../../src/kd/processes.ts';
import { lawOf } from '../../src/kd/proxy.ts';
import { bestCentralC, centralConstantFromLawOfH, centralConstantOf } from '../../src/kd/central.ts';
import { bestBoundEta, bestRoomEta, twoAtomTiltEta } from '../../src/kd/central-eta.ts';
import type { WorldSpec } from '../../src/kd/world.ts';

/**
 * The central constant and the choices of η for Theorem 10 against the independent mpmath
 * implementation (test/fixtures/generate_world_values.py).
 */
const cases = worldCases();
const I = intervalField(50);
const within = (enc: { lo: Decimal; hi: Decimal }, ref: string, rel = '1e-38') => {
  const r = new Decimal(ref);
  const tol = Decimal.max(r.abs().times(rel), new Decimal('1e-45'));
  return enc.lo.minus(tol).lte(r) && r.lte(enc.hi.plus(tol));
};

describe.each(cases.map((c) => [c.label, c] as const))('world: %s', (_label, c) => {
  const v = c.values;

  it('c*(0.7) from the joint law and from the merged law of h: −log E e^{−0.7h}/(0.7 gen_T)', () => {
    if (new Decimal(v.genT).isZero()) return;
    // the reference's 40 digits, with η the double 0.7 exactly
    const ref = I.div(I.neg(I.fromString(v['cgfNeg0.7'])), I.mul(I.fromNumber(0.7), I.fromString(v.genT)));
    const mid = ref.lo.plus(ref.hi).div(2).toString();
    expect(within(bestCentralC(I, c.world, I.fromNumber(0.7)), mid, '1e-36')).toBe(true);
    expect(within(centralConstantFromLawOfH(I, c.world, I.fromNumber(0.7)), mid, '1e-36')).toBe(true);
  });

  it.runIf('etaBestBound' in v)('the maximiser of the bound, in doubles', () => {
    expect(Math.abs(bestBoundEta(c.world) / Number(v.etaBestBound) - 1)).toBeLessThan(1e-6);
  });

  it.runIf('etaBestRoom' in v)('the maximiser of the room, and the room there: the share of K_n along h', () => {
    expect(Math.abs(bestRoomEta(c.world) / Number(v.etaBestRoom) - 1)).toBeLessThan(1e-9);
    if (!('roomCeiling' in v)) return; // the maximiser lies past the range searched
    // Theorem 10's room used at the reference η: (c*·gen_T − gen_S)/(K_n/η)
    const L = worldLaws(I, c.world);
    const q = distillationQuantities(I, L);
    const eta = I.fromString(v.etaBestRoom);
    const room = I.div(I.sub(I.mul(centralConstantOf(I, lawOf(L.delta, L.kf, L.h), eta), q.genT), q.genS), I.div(q.Kn, eta));
    expect(within(room, v.roomCeiling, '1e-30')).toBe(true);
  });

  it('two-atom tilt: defined exactly when Δ has two atoms and Γ the same two', () => {
    const tilt = twoAtomTiltEta(I, c.world);
    expect(tilt !== null).toBe('etaTilt' in v);
  });
});

describe('η choices where there is nothing to choose', () => {
  it('no drop (gen_S ≥ gen_T) has no room maximiser; K_n = ∞ no bound maximiser', () => {
    const up = cases.find((c) => c.values.etaBestBound && !c.values.etaBestRoom)!;
    expect(bestRoomEta(up.world)).toBeNaN();
    const inf = cases.find((c) => c.values.Kn === 'Infinity')!;
    expect(bestBoundEta(inf.world)).toBeNaN();
  });
});
