import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { intervalDoubleField } from '../../src/numerics/interval-double-field.ts';
import { cachedSharpWorld } from '../../src/sharp/bounded-differences.ts';
import { sharpKdQuantities, type SharpKdWorld } from '../../src/sharp/kd-world.ts';
import { expectedSharpness, type SharpWorld } from '../../src/sharp/world.ts';
import { ballCosDeficit } from '../../src/sharp/ball.ts';
import { certify, precisionPolicy } from '../../src/numerics/certify.ts';
import { certifiedProxyOfLaw, rangeProxy } from '../../src/prob/law-proxy.ts';
import { bestProxy } from '../../src/prob/subgaussian.ts';
import { dist } from '../../src/prob/distribution.ts';
import { rv } from '../../src/prob/cgf.ts';

/**
 * The sharpness worlds against test/fixtures/sharp-values.json, made by an independent mpmath
 * generator (generate_sharp_values.py: ball averages by quadrature, the ridge teacher by LU,
 * everything enumerated): the 60-digit enclosures must contain each 40-digit reference.
 */
interface SharpCase {
  kind: 'world' | 'kd';
  label: string;
  world: Record<string, unknown>;
  values: Record<string, string>;
}
const cases = (JSON.parse(readFileSync(new URL('../fixtures/sharp-values.json', import.meta.url), 'utf8')) as { cases: SharpCase[] }).cases;

const F = intervalField(60);
/** The reference is rounded to 40 digits: half a unit in its 40th digit (an exact 0 is written "0"). */
const contains = (e: { lo: Decimal; hi: Decimal }, ref: string) => {
  const r = new Decimal(ref), tol = r.abs().times('5e-40');
  // narrow: 1e-45 relative, or 1e-50 for an exact 0 computed through cancellation
  return e.lo.minus(tol).lte(r) && r.lte(e.hi.plus(tol)) && e.hi.minus(e.lo).lte(Decimal.max(r.abs().times('1e-45'), '1e-50'));
};

describe('sharpness worlds against mpmath', () => {
  it.each(cases.filter((c) => c.kind === 'world'))('$label', ({ world, values }) => {
    const w = world as unknown as SharpWorld;
    const { bd } = cachedSharpWorld(F, w);
    const got: Record<string, { lo: Decimal; hi: Decimal }> = { kappa: bd.kappa, L: bd.L, alpha: bd.alpha, g0: bd.g0, bdH: bd.bdH, bdHU: bd.bdHU, bdS: bd.bdS, ESP: expectedSharpness(F, w) };
    for (const [k, ref] of Object.entries(values)) expect({ k, ok: contains(got[k], ref) }).toEqual({ k, ok: true });
  });

  it.each(cases.filter((c) => c.kind === 'kd'))('$label', ({ world, values }) => {
    const q = sharpKdQuantities(F, world as unknown as SharpKdWorld);
    const got: Record<string, { lo: Decimal; hi: Decimal }> = { Kn: q.Kn, genT: q.genT, genS: q.genS, sharpT: q.sharpT, sharpS: q.sharpS };
    for (const [k, ref] of Object.entries(values)) expect({ k, ok: contains(got[k], ref) }).toEqual({ k, ok: true });
  });
});

describe('structural zeros', () => {
  it('the deficit 1 − φ_p(s) is exactly 0 at s = 0 and within [0, s²/(2(p+2))] otherwise', () => {
    for (const G of [intervalDoubleField, F] as const) {
      for (const p of [1, 2, 3]) {
        expect(G.sign(ballCosDeficit(G as never, G.fromNumber(0) as never, p))).toBe(0);
        for (const s of [1e-9, 0.01, 1, 7]) {
          const d = ballCosDeficit(G as never, G.fromNumber(s) as never, p);
          expect(G.lowerNumber(d)).toBeGreaterThan(0);
          expect(G.upperNumber(d)).toBeLessThanOrEqual((s * s) / (2 * (p + 2)) * (1 + 1e-12));
        }
      }
    }
  });

  it('the true channel gives K_n = 0 exactly and gen_S = gen_T', () => {
    const w = cases.find((c) => c.kind === 'kd' && c.label.startsWith('true channel'))!.world as unknown as SharpKdWorld;
    const q = sharpKdQuantities(F, w);
    expect(F.sign(q.Kn)).toBe(0);
    expect(F.bounds(q.genS)).toEqual(F.bounds(q.genT));
  });

  it('a Gibbs channel that is uniform at every input, as the true one is, gives Γ = Δ: K_n = 0 exactly', () => {
    const w: SharpKdWorld = { p: 1, inputs: [[0]], labels: [0.02, -0.02], weights: [[4, 4]], n: 3, omega: 0.5, lambda: 0.1, rho: 0.2, relabel: { kind: 'mixture', beta: 2, eps: 0.01 } };
    expect(F.sign(sharpKdQuantities(F, w).Kn)).toBe(0);
    // unequal weights: the true channel is not uniform, K_n > 0
    expect(F.sign(sharpKdQuantities(F, { ...w, weights: [[4, 5]] }).Kn)).toBe(1);
  });

  it('a bound whose base is its rhs has no room: degenerate, not informative', () => {
    const c = certify((G) => {
      const base = G.add(G.fromNumber(0.1), G.fromNumber(0.2));
      return { lhs: G.fromNumber(0.25), rhs: base, base };
    }, 'le', precisionPolicy(40));
    expect({ verdict: c.verdict, class: c.class }).toEqual({ verdict: 'holds', class: 'degenerate' });
  });
});

describe('certified proxy of a finite law', () => {
  it('is the best proxy of the law (branch and bound), and Hoeffding on its range for a constant', () => {
    const x = [-1, 0.5, 3], p = [3, 5, 1];
    const direct = bestProxy(rv(x, dist(p)));
    const viaLaw = certifiedProxyOfLaw((G) => ({ w: p.map((v) => G.div(G.fromNumber(v), G.fromNumber(9))), x: x.map((v) => G.fromNumber(v)) }));
    expect(viaLaw.route).toBe('best-proxy');
    // both enclose the same optimum
    expect(new Decimal(viaLaw.sigma2Lo).lte(direct.hi) && new Decimal(direct.lo).lte(viaLaw.sigma2)).toBe(true);
    const constant = certifiedProxyOfLaw((G) => ({ w: [G.fromNumber(0.5), G.fromNumber(0.5)], x: [G.fromNumber(2), G.fromNumber(2)] }));
    expect(constant.route).toBe('range');
    expect(new Decimal(constant.sigma2).toNumber()).toBe(0);
    const range = rangeProxy((G) => ({ w: [G.fromNumber(1)], x: [G.fromNumber(-1), G.fromNumber(3)] }), intervalDoubleField as never);
    // ((3 − (−1))/2)² = 4, rounded outward in doubles
    expect(new Decimal(range.sigma2).gte(4) && new Decimal(range.sigma2).lte(4 * (1 + 1e-14))).toBe(true);
  });
});
