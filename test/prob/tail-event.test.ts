import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { dist } from '../../src/prob/distribution.ts';
import { productFunction } from '../../src/prob/product-space.ts';
import { eventProbability, exactTailProbability, tailEvent } from '../../src/prob/tail-event.ts';
import { tailProbability } from '../../src/prob/mcdiarmid.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { intervalDoubleField } from '../../src/numerics/interval-double-field.ts';

interface EventCase {
  label: string;
  marginals: number[][];
  table: number[];
  t: number;
  side: 'upper' | 'lower';
  event: number[];
  probability: string;
  naiveDiffers: boolean;
}

/** Exact-rational reference events (generate_event_values.py, Python fractions). */
const cases = (JSON.parse(readFileSync(new URL('../fixtures/event-values.json', import.meta.url), 'utf8')) as { cases: EventCase[] }).cases;
const fOf = (c: EventCase) => productFunction(c.marginals.map((w) => dist(w)), c.table);

describe('exact tail events on product spaces', () => {
  it.each(cases.map((c) => [c.label, c.side, c] as const))('%s (%s): the event and its probability match the rational reference', (_l, _s, c) => {
    const f = fOf(c);
    expect(tailEvent(f, c.t, c.side).map(Number)).toEqual(c.event);
    for (const F of [intervalField(50), intervalDoubleField] as const) {
      const b = F.bounds(eventProbability(F as never, f, tailEvent(f, c.t, c.side)) as never);
      expect(new Decimal(b.lo).lte(c.probability), `${F.name} lo ${b.lo}`).toBe(true);
      expect(new Decimal(b.hi).gte(c.probability), `${F.name} hi ${b.hi}`).toBe(true);
    }
  });

  it('the fixture has cases that a double computation of Ef decides wrongly', () => {
    expect(cases.filter((c) => c.naiveDiffers).length).toBeGreaterThan(0);
  });

  it('on boundary points the exact probability is a point while the enclosure-based one straddles', () => {
    // p = 1/3, 2/3: Ef = 4 is exact, but its enclosure is not; f − Ef ≥ 2 holds at the point f = 6 exactly
    const c = cases.find((x) => x.label === 'thirds additive t=2.0' && x.side === 'upper')!;
    const F = intervalField(60);
    const exact = F.bounds(exactTailProbability(F, fOf(c), c.t, c.side));
    const enclosed = F.bounds(tailProbability(F, fOf(c), F.fromNumber(c.t), c.side));
    expect(new Decimal(exact.hi).minus(exact.lo).abs().lt('1e-55')).toBe(true);
    expect(new Decimal(enclosed.hi).minus(enclosed.lo).gt('0.1')).toBe(true);
  });

  it('rejects a non-finite t and a wrong-length event', () => {
    const f = productFunction([dist([1, 1])], [0, 1]);
    expect(() => tailEvent(f, NaN, 'upper')).toThrow(/finite/);
    expect(() => eventProbability(intervalDoubleField, f, [true])).toThrow(/2 points/);
  });
});
