import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certify, NaNSide, precisionPolicy, type Formula } from '../../src/numerics/certify.ts';
import { defineProperty } from '../../src/engine/property.ts';
import { runProperty } from '../../src/engine/run-property.ts';

/**
 * Sound attainment: a margin certified negative is violated however small, a straddling enclosure
 * escalates to the maximum precision before anything is called attained, and "zero" is relative
 * to the magnitude of the computation (not floored at 1).
 */
const P40 = precisionPolicy(40);
const budget = { runs: 100, controlRuns: 100, searchRuns: 0, seed: 42, policy: P40 };

/** x drawn from 1…1000, sides scaled by a decimal constant k: the four-line claims files of the report. */
const scaled = (id: string, lhs: (x: number) => Formula, relation: 'le' | 'eq' = 'le') =>
  defineProperty<number>({
    id: `USER-ATTAIN/${id}`,
    claim: 'USER-ATTAIN',
    title: id,
    relation,
    arbitrary: fc.integer({ min: 1, max: 1000 }),
    sides: (F, x) => lhs(x)(F),
    controls: [],
  });

describe('attainment is sound', () => {
  it('x·1e-300·(1 + 1e-60) ≤ x·1e-300 is violated', () => {
    const r = runProperty(scaled('tiny-300', (x) => (F) => {
      const a = F.mul(F.fromNumber(x), F.fromString('1e-300'));
      return { lhs: F.mul(a, F.add(F.fromNumber(1), F.fromString('1e-60'))), rhs: a };
    }), budget);
    expect(r.status).toBe('violated');
    expect(r.counterexample!.margin.hi).toMatch(/^-/);
  });

  it('x·1e-20·(1 + 1e-40) ≤ x·1e-20 is violated', () => {
    const r = runProperty(scaled('tiny-20', (x) => (F) => {
      const a = F.mul(F.fromNumber(x), F.fromString('1e-20'));
      return { lhs: F.mul(a, F.add(F.fromNumber(1), F.fromString('1e-40'))), rhs: a };
    }), budget);
    expect(r.status).toBe('violated');
  });

  it('x·1e-300 ≤ 2·x·1e-300 holds, with half its room used', () => {
    const r = runProperty(scaled('half', (x) => (F) => {
      const a = F.mul(F.fromNumber(x), F.fromString('1e-300'));
      return { lhs: a, rhs: F.mul(F.fromNumber(2), a) };
    }), budget);
    expect(r.status).toBe('holds');
    expect(r.verdicts.attained).toBe(0);
    expect(Number(r.room!.best!.room.lo)).toBeCloseTo(0.5, 12);
    expect(r.room!.sharp).toBe(false);
  });

  it('an identity on sides of size 1e-300 is attained (and sharp: it uses all of its room)', () => {
    const r = runProperty(scaled('identity-300', (x) => (F) => {
      const a = F.mul(F.fromNumber(x), F.fromString('1e-300'));
      return { lhs: F.mul(F.div(a, F.fromNumber(3)), F.fromNumber(3)), rhs: a };
    }), budget);
    expect(r.status).toBe('sharp');
    expect(r.verdicts.attained).toBe(r.instances);
    // attained only after escalating to the maximum precision
    expect(r.maxDigitsUsed).toBe(P40.maxDigits);
  });

  it('the same identity stated as an equality is attained at the working precision', () => {
    const r = runProperty(scaled('identity-eq', (x) => (F) => {
      const a = F.mul(F.fromNumber(x), F.fromString('1e-300'));
      return { lhs: F.mul(F.div(a, F.fromNumber(3)), F.fromNumber(3)), rhs: a };
    }, 'eq'), budget);
    expect(r.status).toBe('holds');
    expect(r.verdicts.attained).toBe(r.instances);
  });

  it('a margin certified positive is holds however small, and one certified negative is violated', () => {
    const tiny = (d: string): Formula => (F) => ({ lhs: F.fromNumber(1), rhs: F.add(F.fromNumber(1), F.fromString(d)) });
    expect(certify(tiny('1e-100'), 'le', P40).verdict).toBe('holds');
    expect(certify(tiny('-1e-100'), 'le', P40).verdict).toBe('violated');
    // a violation by 1e-200 is beyond even the maximum precision's resolution at magnitude 1: attained
    // there (to 160 digits), which the report says
    const c = certify(tiny('-1e-200'), 'le', P40);
    expect(c).toMatchObject({ verdict: 'attained', digits: 160 });
  });

  it('both sides exactly equal is attained: with room 1 (exactly), or degenerate when the bound has no room', () => {
    const c = certify((F) => ({ lhs: F.fromNumber(0.25), rhs: F.fromNumber(0.25) }), 'le', P40);
    expect(c).toMatchObject({ verdict: 'attained', class: 'informative', room: { lo: '1', hi: '1' } });
    const d = certify((F) => ({ lhs: F.fromNumber(0.25), rhs: F.fromNumber(0.25), base: F.fromNumber(0.25) }), 'le', P40);
    expect(d).toMatchObject({ verdict: 'attained', class: 'degenerate' });
  });

  it('ge: the lower bound rhs on lhs, room used measured the same way', () => {
    const c = certify((F) => ({ lhs: F.fromNumber(3), rhs: F.fromNumber(1), base: F.fromNumber(4) }), 'ge', P40);
    // (3 − 4)/(1 − 4) = 1/3 of the allowed drop is used
    expect(c.verdict).toBe('holds');
    expect(Number(c.room!.lo)).toBeCloseTo(1 / 3, 14);
    expect(certify((F) => ({ lhs: F.fromNumber(1), rhs: F.fromNumber(3) }), 'ge', P40).verdict).toBe('violated');
  });

  it('a bound at or beyond its trivial value is vacuous; a bound with no room is degenerate', () => {
    const v = certify((F) => ({ lhs: F.fromNumber(0.5), rhs: F.fromNumber(3), trivial: F.fromNumber(2) }), 'le', P40);
    expect(v).toMatchObject({ verdict: 'holds', class: 'vacuous' });
    const d = certify((F) => ({ lhs: F.fromNumber(0.5), rhs: F.fromNumber(1), base: F.fromNumber(1) }), 'le', P40);
    expect(d).toMatchObject({ verdict: 'holds', class: 'degenerate' });
  });
});

describe('infinite and NaN sides', () => {
  const inf = (a: number, b: number): Formula => (F) => ({ lhs: F.fromNumber(a), rhs: F.fromNumber(b) });
  it('+∞ ≤ +∞ and −∞ ≤ −∞ are vacuous; −∞ ≤ x and x ≤ +∞ vacuous too', () => {
    for (const [a, b] of [[Infinity, Infinity], [-Infinity, -Infinity], [-Infinity, 3], [3, Infinity], [-Infinity, Infinity]]) {
      expect(certify(inf(a, b), 'le', P40), `${a} ≤ ${b}`).toMatchObject({ verdict: 'holds', class: 'vacuous' });
    }
  });
  it('+∞ ≤ −∞, +∞ ≤ finite and finite ≤ −∞ are violated', () => {
    for (const [a, b] of [[Infinity, -Infinity], [Infinity, 3], [3, -Infinity]]) expect(certify(inf(a, b), 'le', P40).verdict, `${a} ≤ ${b}`).toBe('violated');
  });
  it('ge mirrors le', () => {
    expect(certify(inf(3, Infinity), 'ge', P40).verdict).toBe('violated');
    expect(certify(inf(Infinity, 3), 'ge', P40)).toMatchObject({ verdict: 'holds', class: 'vacuous' });
  });
  it('a NaN side is an error of the formula', () => {
    expect(() => certify((F) => ({ lhs: F.sub(F.fromNumber(Infinity), F.fromNumber(Infinity)), rhs: F.fromNumber(1) }), 'le', P40)).toThrow(NaNSide);
  });
  it('through the runner, a NaN side makes the property an error, not undecided', () => {
    const r = runProperty(scaled('nan', () => (F) => ({ lhs: F.sub(F.fromNumber(Infinity), F.fromNumber(Infinity)), rhs: F.fromNumber(1) })), budget);
    expect(r.status).toBe('error');
  });
});

describe('a negative control refuted beyond the working precision', () => {
  it('counts as refuted: its witness is re-certified with the escalation that found it', () => {
    const prop = defineProperty<number>({
      id: 'USER-ATTAIN/control-beyond-working',
      claim: 'USER-ATTAIN',
      title: 'x ≤ 2x, with a control wrong by a relative 1e-45',
      relation: 'le',
      arbitrary: fc.integer({ min: 1, max: 1000 }),
      sides: (F, x) => ({ lhs: F.fromNumber(x), rhs: F.fromNumber(2 * x) }),
      controls: [{ id: 'USER-ATTAIN/control-beyond-working~tiny', description: '2x(1 + 1e-45) ≤ 2x', sides: (F, x) => ({ lhs: F.mul(F.fromNumber(2 * x), F.add(F.fromNumber(1), F.fromString('1e-45'))), rhs: F.fromNumber(2 * x) }) }],
    });
    const r = runProperty(prop, budget);
    expect(r.controls[0].refuted).toBe(true);
    expect(r.controls[0].witness!.margin.hi).toMatch(/^-/);
    expect(r.controls[0].witness!.digits).toBeGreaterThan(40);
  });
});
