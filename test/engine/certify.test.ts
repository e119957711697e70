import { describe, expect, it } from 'vitest';
import { certify, precisionPolicy } from '../../src/numerics/certify.ts';
import { defineProperty } from '../../src/engine/property.ts';
import { runProperty } from '../../src/engine/run-property.ts';
import { dvEquality } from '../../properties/kd-l6-dv.ts';
import { subgGaussian } from '../../properties/kd-l7-subg.ts';
import { dist } from '../../src/prob/distribution.ts';
import { kl } from '../../src/prob/divergence.ts';
import { logDensityRatio, expectation, logExpectationExp } from '../../src/prob/donsker-varadhan.ts';
import { ciBudget } from '../../src/engine/budget.ts';

const P40 = precisionPolicy(40);

describe('certify', () => {
  it('reports an exact equality as attained, not violated', () => {
    const c = certify((F) => ({ lhs: F.log(F.fromNumber(2)), rhs: F.sub(F.log(F.fromNumber(6)), F.log(F.fromNumber(3))) }), 'le', P40);
    expect(c.verdict).toBe('attained');
    expect(c.digits).toBeGreaterThanOrEqual(40);
  });

  it('reports a violation by 1e-30 at 40 digits as violated', () => {
    const c = certify((F) => ({ lhs: F.add(F.log(F.fromNumber(2)), F.fromString('1e-30')), rhs: F.sub(F.log(F.fromNumber(6)), F.log(F.fromNumber(3))) }), 'le', P40);
    expect(c.verdict).toBe('violated');
  });

  it('finds a violation by 1e-30 at a working precision of 20 digits: straddling enclosures escalate first', () => {
    const c = certify((F) => ({ lhs: F.add(F.log(F.fromNumber(2)), F.fromString('1e-30')), rhs: F.sub(F.log(F.fromNumber(6)), F.log(F.fromNumber(3))) }), 'le', precisionPolicy(20));
    expect(c.verdict).toBe('violated');
    expect(c.digits).toBeGreaterThan(20);
  });

  it('decides clear cases with the double screen alone', () => {
    const c = certify((F) => ({ lhs: F.fromNumber(1), rhs: F.exp(F.fromNumber(1)) }), 'le', P40);
    expect(c).toMatchObject({ verdict: 'holds', context: 'interval-double' });
  });

  it('treats KL = +∞ structurally', () => {
    const c = certify((F) => ({ lhs: F.fromNumber(5), rhs: kl(F, dist([1, 1]), dist([1, 0])) }), 'le', P40);
    expect(c.verdict).toBe('holds');
    expect(c.rhs).toEqual({ lo: 'Infinity', hi: 'Infinity' });
  });

  it('gives the same verdict with and without the double screen', () => {
    const cases = [
      (F: any) => ({ lhs: F.fromNumber(0.1), rhs: F.div(F.fromNumber(1), F.fromNumber(10)) }),
      (F: any) => ({ lhs: F.exp(F.fromNumber(-745)), rhs: F.fromNumber(5e-324) }),
      (F: any) => ({ lhs: F.log(F.fromNumber(1e300)), rhs: F.mul(F.fromNumber(300), F.log(F.fromNumber(10))) }),
    ];
    for (const f of cases) expect(certify(f, 'le', P40).verdict).toBe(certify(f, 'le', { ...P40, noScreen: true }).verdict);
  });
});

describe('acceptance: equality cases and planted violations through the runner', () => {
  it('DV at g = log dQ/dP is an identity on every instance, never violated', () => {
    const r = runProperty(dvEquality, ciBudget());
    expect(r.status).toBe('holds');
    expect(r.room).toBeNull();
    expect(r.verdicts.attained).toBe(r.instances);
  });

  it('the sub-Gaussian bound for a Gaussian is sharp: room used 1 on informative instances', () => {
    const r = runProperty(subgGaussian, ciBudget());
    expect(r.status).toBe('sharp');
    expect(r.room!.sharp).toBe(true);
    expect(r.room!.best!.instance.class).toBe('informative');
  });

  it('a planted 1e-30 violation of DV equality is reported violated, with a counterexample', () => {
    const planted = defineProperty({
      ...dvEquality,
      id: 'KD-L6-DV/planted-violation',
      controls: [],
      sides: (F, inst, d: { q: ReturnType<typeof dist>; p: ReturnType<typeof dist> }) => {
        const g = logDensityRatio(F, d.q, d.p, F.fromNumber(inst.c));
        return { lhs: F.add(expectation(F, d.q, g), F.fromString('1e-30')), rhs: F.add(kl(F, d.q, d.p), logExpectationExp(F, d.p, g)) };
      },
      relation: 'le',
    });
    const r = runProperty(planted, ciBudget());
    expect(r.status).toBe('violated');
    expect(r.counterexample?.margin.hi).toMatch(/^-/);
    // the enclosure of the margin contains the planted −1e-30 and is far narrower than it
    const lo = Number(r.counterexample!.margin.lo), hi = Number(r.counterexample!.margin.hi);
    expect(lo <= -1e-30 && -1e-30 <= hi).toBe(true);
    expect(hi - lo).toBeLessThan(1e-35);
  });
});

describe('infinite values stay exact through the double screen', () => {
  it('∞ + x = ∞ certifies an equality of two infinite sides', () => {
    const c = certify((F) => ({ lhs: F.fromNumber(Infinity), rhs: F.add(F.fromNumber(Infinity), F.fromNumber(1)) }), 'eq', P40);
    expect(c.verdict).toBe('attained');
  });
  it('an overflow from finite operands is not mistaken for ∞', () => {
    const c = certify((F) => ({ lhs: F.fromNumber(Infinity), rhs: F.add(F.fromNumber(Number.MAX_VALUE), F.fromNumber(Number.MAX_VALUE)) }), 'le', P40);
    expect(c.verdict).toBe('violated');
    // plain doubles cannot tell 2·MAX_VALUE from ∞; the extended exponent can
    expect(c.context).toBe('interval-double-x');
    expect(certify((F) => ({ lhs: F.fromNumber(Infinity), rhs: F.add(F.fromNumber(Number.MAX_VALUE), F.fromNumber(Number.MAX_VALUE)) }), 'le', { ...P40, noScreen: true }).verdict).toBe('violated');
  });
});
