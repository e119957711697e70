import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal as DecimalBase } from 'decimal.js';
import type { Field } from '../../src/numerics/field.ts';
import { intervalMpfrField } from '../../src/numerics/interval-mpfr-field.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';
import { gridReal } from '../../src/gen/reals.ts';
import { referenceCases } from '../fixtures/load.ts';
import { referenceFormulas } from '../fixtures/reference-formulas.ts';

/**
 * The MPFR interval context (MPFI-style, binary ends rounded outward) against the mpmath reference
 * values, like the Decimal and double interval contexts in reference-values.test.ts: every
 * enclosure contains the reference, and at 60 digits it is narrow.
 */
// comparisons at 200 digits (the global Decimal rounds to 20)
const Decimal = DecimalBase.clone({ precision: 200 });
type Decimal = DecimalBase;
const formulas = referenceFormulas;

const refTol = (r: Decimal) => r.abs().times('1e-59');
const contains = (b: { lo: string; hi: string }, r: Decimal) => new Decimal(b.lo).minus(refTol(r)).lte(r) && r.lte(new Decimal(b.hi).plus(refTol(r)));

describe.each(Object.keys(formulas))('interval-mpfr: %s against mpmath', (fn) => {
  const cases = referenceCases(fn).filter((c) => c.value !== 'NaN');
  it.each(cases)('$label', ({ args, value }) => {
    for (const digits of [20, 40, 60]) {
      const F = intervalMpfrField(digits);
      const b = F.scoped(() => F.bounds(formulas[fn](F, args)));
      if (value === 'Infinity' || value === '-Infinity') {
        expect(b).toEqual({ lo: value, hi: value });
        continue;
      }
      const r = new Decimal(value);
      expect(contains(b, r), `${digits} digits: [${b.lo}, ${b.hi}] ∌ ${value}`).toBe(true);
      if (digits === 60) expect(new Decimal(b.hi).minus(b.lo).lte(Decimal.max(1, r.abs()).times('1e-48'))).toBe(true);
    }
  });
});

describe('interval-mpfr', () => {
  const F = intervalMpfrField(40);
  const D = decimalField(60);
  const within = (b: { lo: string; hi: string }, x: Decimal) => new Decimal(b.lo).lte(x) && x.lte(new Decimal(b.hi));

  it('encloses what the Decimal interval context encloses, operation by operation, on random arguments', () => {
    const I = intervalField(60);
    const real = fc.oneof(gridReal(-50, 50), fc.constantFrom(0, -0, 1, -1, 5e-324, 1e-300, 1e300, Infinity, -Infinity));
    fc.assert(
      fc.property(real, real, (x, y) => {
        F.scoped(() => {
          const ops: Array<[string, <T>(G: Field<T>) => T]> = [
            ['add', (G) => G.add(G.fromNumber(x), G.fromNumber(y))],
            ['sub', (G) => G.sub(G.fromNumber(x), G.fromNumber(y))],
            ['mul', (G) => G.mul(G.fromNumber(x), G.fromNumber(y))],
            ['div', (G) => G.div(G.fromNumber(x), G.fromNumber(y))],
            ['square', (G) => G.square(G.sub(G.fromNumber(x), G.fromNumber(y)))],
            ['abs', (G) => G.abs(G.hull(G.fromNumber(x), G.fromNumber(y)))],
            ['mul-hull', (G) => G.mul(G.hull(G.fromNumber(x), G.fromNumber(y)), G.hull(G.fromNumber(-y), G.fromNumber(x)))],
            ['div-hull', (G) => G.div(G.fromNumber(x), G.hull(G.fromNumber(y), G.fromNumber(2 * y)))],
            ['exp', (G) => G.exp(G.fromNumber(x))],
            ['log', (G) => G.log(G.abs(G.hull(G.fromNumber(x), G.fromNumber(y))))],
            ['sqrt', (G) => G.sqrt(G.abs(G.fromNumber(y)))],
            ['min', (G) => G.min(G.fromNumber(x), G.fromNumber(y))],
            ['max', (G) => G.max(G.fromNumber(x), G.fromNumber(y))],
          ];
          for (const [name, f] of ops) {
            const m = F.bounds(f(F));
            const d = I.bounds(f(I));
            // the exact result lies in the 60-digit Decimal enclosure; a 40-digit MPFR enclosure must meet it
            // and, where the Decimal enclosure is a point, contain it
            if (d.lo === 'NaN' || m.lo === 'NaN') throw new Error(`${name}(${x}, ${y}): NaN end`);
            const dl = new Decimal(d.lo), dh = new Decimal(d.hi);
            expect(new Decimal(m.lo).lte(dh) && dl.lte(new Decimal(m.hi)), `${name}(${x}, ${y}): [${m.lo}, ${m.hi}] misses [${d.lo}, ${d.hi}]`).toBe(true);
            if (dl.eq(dh)) expect(within(m, dl), `${name}(${x}, ${y})`).toBe(true);
          }
        });
      }),
      { numRuns: 400, seed: 20 },
    );
  });

  it('a point times an enclosure (either side, either sign) contains the products of the point with both ends', () => {
    const finiteReal = fc.oneof(gridReal(-50, 50), fc.constantFrom(0, -0, 1, -1, 5e-324, 1e-300, 1e300));
    fc.assert(
      fc.property(finiteReal, finiteReal, finiteReal, (x, y, z) => {
        F.scoped(() => {
          const span = F.hull(F.fromNumber(y), F.fromNumber(z));
          for (const r of [F.mul(F.fromNumber(x), span), F.mul(span, F.fromNumber(x))]) {
            const b = F.bounds(r);
            // products of doubles are exact at 60 digits
            for (const e of [y, z]) expect(within(b, D.mul(D.fromNumber(x), D.fromNumber(e))), `${x}·[${y}, ${z}]: [${b.lo}, ${b.hi}]`).toBe(true);
            // and tight: the ends are those products rounded outward, never wider than one ulp each
            const [lo, hi] = [D.mul(D.fromNumber(x), D.fromNumber(Math.min(y, z))), D.mul(D.fromNumber(x), D.fromNumber(Math.max(y, z)))];
            const [pl, ph] = lo.lte(hi) ? [lo, hi] : [hi, lo];
            const ulp = (v: Decimal) => v.abs().times(new Decimal(2).pow(-F.bits + 1));
            expect(new Decimal(b.lo).gte(pl.minus(ulp(pl))) && new Decimal(b.hi).lte(ph.plus(ulp(ph)))).toBe(true);
          }
        });
      }),
      { numRuns: 400, seed: 21 },
    );
  });

  it('cos and sin enclose interior points and reach the extrema', () => {
    fc.assert(
      fc.property(gridReal(-20, 20, 3), fc.constantFrom(0, 1e-12, 1e-3, 0.5, 2, 7), fc.integer({ min: 0, max: 10 }), (a, w, j) => {
        const t = D.add(D.fromNumber(a), D.mul(D.fromNumber(w), D.fromString(String(j / 10))));
        F.scoped(() => {
          const arg = F.hull(F.fromNumber(a), F.add(F.fromNumber(a), F.fromNumber(w)));
          for (const f of ['cos', 'sin'] as const) {
            const b = F.bounds(F[f](arg));
            for (const x of [t, D.fromNumber(a), D.add(D.fromNumber(a), D.fromNumber(w))]) expect(within(b, D[f](x)), `${f} [${a}, ${a + w}] at ${x}`).toBe(true);
          }
        });
      }),
      { numRuns: 300, seed: 3 },
    );
    F.scoped(() => expect(F.bounds(F.cos(F.hull(F.fromNumber(Math.PI - 1e-9), F.fromNumber(Math.PI + 1e-9)))).lo).toBe('-1'));
  });

  it('parses decimal strings outward, keeps 0·∞ = 0, refuses negative logarithms', () => {
    F.scoped(() => {
      const b = F.bounds(F.fromString('0.1'));
      expect(new Decimal(b.lo).lt('0.1') && new Decimal(b.hi).gt('0.1')).toBe(true);
      expect(F.bounds(F.mul(F.fromNumber(0), F.fromNumber(Infinity)))).toEqual({ lo: '0', hi: '0' });
      expect(F.sign(F.fromString('1e-30'))).toBe(1);
      expect(() => F.log(F.fromNumber(-1))).toThrow(/negative/);
      expect(F.bounds(F.log(F.fromNumber(0)))).toEqual({ lo: '-Infinity', hi: '-Infinity' });
      expect(F.lowerNumber(F.fromString('1e400'))).toBe(Number.MAX_VALUE);
      expect(F.upperNumber(F.fromString('1e400'))).toBe(Infinity);
    });
  });

  it('values live inside a scope: outside one, or after it ended, they are refused', () => {
    expect(() => F.fromNumber(1)).toThrow(/scoped/);
    const stale = F.scoped(() => F.fromNumber(2));
    F.scoped(() => {
      F.fromNumber(3); // the slot is handed out again
      expect(() => F.add(stale, stale)).toThrow(/after its scope ended/);
    });
    // nested scopes: outer values survive an inner scope
    F.scoped(() => {
      const x = F.fromNumber(5);
      F.scoped(() => F.add(F.fromNumber(1), F.fromNumber(2)));
      expect(F.bounds(F.add(x, x))).toEqual({ lo: '10', hi: '10' });
    });
  });
});
