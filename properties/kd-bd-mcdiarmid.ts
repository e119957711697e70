import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { doubleField } from '../src/numerics/double-field.ts';
import { dist } from '../src/prob/distribution.ts';
import { productFunction, pushforward, type ProductFunction } from '../src/prob/product-space.ts';
import { weightedMean } from '../src/prob/moments.ts';
import { boundedDifferences, centredMgf, mcdiarmidTailBound, mcdiarmidVarianceProxy, tailProbability } from '../src/prob/mcdiarmid.ts';
import { productInstance, type ProductInstanceData } from '../src/gen/product.ts';
import { lambdaArb } from '../src/gen/values.ts';
import { gridReal } from '../src/gen/reals.ts';

/**
 * KD-BD-MCDIARMID: Z_1..Z_n independent and f with bounded differences c_i. Then
 *   log E e^{λ(f−Ef)} ≤ λ²Σc_i²/8 for all λ, and P(f − Ef ≥ t) ≤ exp(−2t²/Σc_i²) (both tails),
 * checked exactly by enumerating every point of small product spaces.
 */

interface McdInstance {
  data: ProductInstanceData;
  /**
   * λ for the mgf, or λ = s/√(Σc_i²) scaled to the constants (where the bound is informative:
   * for larger λ it exceeds the trivial λ·(max f − Ef)); for the tails, t = tScale·√(Σc_i²).
   */
  lambda: number | { perC: number };
  tScale: number;
}

const instanceArb: fc.Arbitrary<McdInstance> = fc.record({
  data: productInstance,
  lambda: fc.oneof({ weight: 1, arbitrary: lambdaArb }, { weight: 3, arbitrary: fc.oneof(gridReal(-8, 8), fc.constantFrom(1e-6, -1e-6, 2, -2)).map((perC) => ({ perC })) }),
  tScale: fc.oneof(fc.constantFrom(0.5, 1, 0.25), gridReal(0.01, 3)),
});

interface Derived {
  f: ProductFunction;
  t: number;
  lambda: number;
}

function establish(inst: McdInstance) {
  const f = productFunction(inst.data.marginals.map((w) => dist(w)), inst.data.table);
  const cApprox = boundedDifferences(doubleField, f);
  const scale = Math.sqrt(cApprox.reduce((s, c) => s + c * c, 0));
  const t = scale > 0 ? inst.tScale * scale : inst.tScale;
  const lambda = typeof inst.lambda === 'number' ? inst.lambda : scale > 0 && Number.isFinite(inst.lambda.perC / scale) ? inst.lambda.perC / scale : inst.lambda.perC;
  return {
    hypotheses: [
      { name: 'Z_1..Z_n independent (product law, enumerated)', established: true },
      { name: 'bounded differences c_i computed exactly over all neighbouring points', established: cApprox.every(Number.isFinite) },
      { name: 't > 0', established: t > 0 },
    ],
    derived: { f, t, lambda },
  };
}

const classify = (inst: McdInstance) => [`table:${inst.data.kind}`, `coordinates:${inst.data.marginals.length}`, `lambda:${typeof inst.lambda === 'number' ? 'absolute' : 'per-c'}`];

/** f constant (every bounded difference 0): f − Ef = 0 and the bound is 0 too. */
const constantF = (_i: McdInstance, d: Derived) => (d.f.table.every((v) => v === d.f.table[0]) ? 'f is constant: every c_i = 0 and f − Ef = 0' : null);

/**
 * lhs = log E e^{λ(f − Ef)}, rhs the bound; room used = lhs/rhs. The bound says nothing at or
 * above λ·(max f − Ef) (λ > 0) or λ·(min f − Ef) (λ < 0), which the centred log-mgf never exceeds.
 */
const mgfSides = (rhs: <T>(F: Field<T>, c: T[], L: T) => T) =>
  <T>(F: Field<T>, _inst: McdInstance, d: Derived) => {
    const L = F.fromNumber(d.lambda);
    const { w, x } = pushforward(F, d.f);
    const extreme = x.reduce((a, b) => (d.lambda >= 0 ? F.max(a, b) : F.min(a, b)));
    return { lhs: centredMgf(F, d.f, L), rhs: rhs(F, boundedDifferences(F, d.f), L), trivial: F.mul(L, F.sub(extreme, weightedMean(F, w, x))) };
  };

/** λ²σ²/2 with McDiarmid's proxy σ² = Σc_i²/4, i.e. λ²Σc_i²/8. */
const mcdiarmidMgf = <T>(F: Field<T>, c: T[], L: T) => F.div(F.mul(F.square(L), mcdiarmidVarianceProxy(F, c)), F.fromNumber(2));

export const mcdMgf = defineProperty<McdInstance, Derived>({
  id: 'KD-BD-MCDIARMID/mgf',
  claim: 'KD-BD-MCDIARMID',
  title: 'log E e^{λ(f − Ef)} ≤ λ²Σc_i²/8 (f − Ef is Σc_i²/4-sub-Gaussian)',
  relation: 'le',
  arbitrary: instanceArb,
  establish,
  sides: mgfSides(mcdiarmidMgf),
  degenerate: (i, d) => constantF(i, d) ?? (d.lambda === 0 ? 'λ = 0: both sides are 0' : null),
  headline: true,
  classify,
  controls: [
    { id: 'KD-BD-MCDIARMID/mgf~sixteenth', description: 'λ²Σc_i²/16 (variance proxy Σc_i²/8)', sides: mgfSides((F, c, L) => F.div(mcdiarmidMgf(F, c, L), F.fromNumber(2))) },
    { id: 'KD-BD-MCDIARMID/mgf~c-not-squared', description: 'Σc_i in place of Σc_i²', sides: mgfSides((F, c, L) => F.div(F.mul(F.square(L), c.reduce((s, x) => F.add(s, x), F.fromNumber(0))), F.fromNumber(8))) },
    {
      id: 'KD-BD-MCDIARMID/mgf~max-not-sum',
      description: 'max_i c_i² in place of Σc_i²',
      sides: mgfSides((F, c, L) => F.div(F.mul(F.square(L), c.map((x) => F.square(x)).reduce((a, b) => F.max(a, b), F.fromNumber(0))), F.fromNumber(8))),
    },
  ],
});

const tailSides = (side: 'upper' | 'lower', bound: <T>(F: Field<T>, c: T[], t: T) => T) =>
  <T>(F: Field<T>, _inst: McdInstance, d: Derived) => {
    const t = F.fromNumber(d.t);
    return { lhs: tailProbability(F, d.f, t, side), rhs: bound(F, boundedDifferences(F, d.f), t) };
  };

const tailControls = (side: 'upper' | 'lower') => [
  {
    id: `KD-BD-MCDIARMID/${side}-tail~factor-4`,
    description: 'exp(−4t²/Σc_i²) (exponent doubled)',
    sides: tailSides(side, (F, c, t) => F.square(mcdiarmidTailBound(F, c, t))),
  },
  {
    id: `KD-BD-MCDIARMID/${side}-tail~max-not-sum`,
    description: 'max_i c_i² in place of Σc_i²',
    sides: tailSides(side, (F, c, t) => mcdiarmidTailBound(F, [c.reduce((a, b) => F.max(a, b), F.fromNumber(0))], t)),
  },
];

export const mcdUpperTail = defineProperty<McdInstance, Derived>({
  id: 'KD-BD-MCDIARMID/upper-tail',
  claim: 'KD-BD-MCDIARMID',
  title: 'P(f − Ef ≥ t) ≤ exp(−2t²/Σc_i²), exact tail probability by enumeration',
  relation: 'le',
  arbitrary: instanceArb,
  establish,
  sides: tailSides('upper', mcdiarmidTailBound),
  classify,
  controls: tailControls('upper'),
});

export const mcdLowerTail = defineProperty<McdInstance, Derived>({
  id: 'KD-BD-MCDIARMID/lower-tail',
  claim: 'KD-BD-MCDIARMID',
  title: 'P(f − Ef ≤ −t) ≤ exp(−2t²/Σc_i²)',
  relation: 'le',
  arbitrary: instanceArb,
  establish,
  sides: tailSides('lower', mcdiarmidTailBound),
  classify,
  controls: tailControls('lower'),
});

export const properties = [mcdMgf, mcdUpperTail, mcdLowerTail];
