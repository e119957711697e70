import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { sum } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { gridReal, logReal } from '../src/gen/reals.ts';
import { sharpWorldArb } from '../src/gen/sharp-world.ts';
import { ballCosDeficit, ballCosMean } from '../src/sharp/ball.ts';
import { datasets, sharpQuantities, type SharpWorld } from '../src/sharp/world.ts';

/**
 * KD-SH-DEF: S_D(f) = E_U[L_D(f+U)] − L_D(f) with U uniform on the ρ-ball of ℝ^p. Every sharpness
 * in this suite is computed as cos(a)·(1 − φ_p(s)) per point, a = ω(fᵀx − y), s = ωρ‖x‖, from the
 * moment series of the ball (src/sharp/ball.ts). Here that is checked against the integral
 * E cos(a + s·u₁) taken directly from an antiderivative of the density of u₁, without the symmetry
 * step: (sin(a+s) − sin(a−s))/(2s) for p = 1 (u₁ uniform on [−1, 1]) and, for p = 3 (density
 * ¾(1 − u²)), (3/2)[(sin(a+s) − sin(a−s))/s³ − (cos(a+s) + cos(a−s))/s²].
 */
type OddDimension = 1 | 3;

/** E cos(a + s·u₁) for U uniform on the unit ball of ℝ^p, p ∈ {1, 3}, by direct integration (s ≠ 0). */
function ballCosIntegral<T>(F: Field<T>, a: T, s: T, p: OddDimension): T {
  const dSin = F.sub(F.sin(F.add(a, s)), F.sin(F.sub(a, s)));
  if (p === 1) return F.div(dSin, F.mul(F.fromNumber(2), s));
  const sumCos = F.add(F.cos(F.add(a, s)), F.cos(F.sub(a, s)));
  const s2 = F.square(s);
  return F.mul(F.fromNumber(1.5), F.sub(F.div(dSin, F.mul(s2, s)), F.div(sumCos, s2)));
}

interface BallInstance {
  p: OddDimension;
  a: number;
  s: number;
}

const ballArb: fc.Arbitrary<BallInstance> = fc.record({
  p: fc.constantFrom(1 as const, 3 as const),
  a: fc.oneof(fc.constant(0), gridReal(-4, 4, 2)),
  s: fc.oneof(gridReal(0.01, 12, 3), logReal(-8, 1)),
});

type BallVariant = 'exact' | 'wrong-dimension' | 'sphere';
const ballSides = (variant: BallVariant) => <T>(F: Field<T>, i: BallInstance) => {
  const a = F.fromNumber(i.a), s = F.fromNumber(i.s);
  const series = ballCosMean(F, s, variant === 'wrong-dimension' ? i.p + 1 : i.p);
  // the uniform law on the unit sphere of ℝ³ has u₁ uniform on [−1, 1]: the p = 1 integral
  const direct = ballCosIntegral(F, a, s, variant === 'sphere' ? 1 : i.p);
  return { lhs: F.mul(F.cos(a), series), rhs: direct };
};

export const ballAverage = defineProperty<BallInstance>({
  id: 'KD-SH-DEF/ball-average',
  claim: 'KD-SH-DEF',
  title: 'the ball average E cos(a + s·u₁) = cos(a)·φ_p(s) behind every sharpness, against its direct integral (p = 1, 3)',
  relation: 'eq',
  arbitrary: ballArb,
  sides: ballSides('exact'),
  classify: (i) => [`p:${i.p}`, i.a === 0 ? 'a:0' : 'a:≠0', i.s < 1e-3 ? 's:tiny' : i.s > 5 ? 's:large' : 's:moderate'],
  controls: [
    { id: 'KD-SH-DEF/ball-average~wrong-dimension', description: 'the series for ℝ^{p+1}', sides: ballSides('wrong-dimension') },
    { id: 'KD-SH-DEF/ball-average~sphere', description: 'the sphere average claimed for the ball of ℝ³ (u₁ uniform on [−1, 1])', sides: ballSides('sphere') },
  ],
});

/** A world of dimension 1 or 3 with a parameter f and one of its datasets. */
interface SharpnessInstance {
  world: SharpWorld;
  f: number[];
  dataset: number;
}

const sharpnessArb: fc.Arbitrary<SharpnessInstance> = sharpWorldArb
  .map((w): SharpWorld => (w.p === 2 ? { ...w, p: 3, xs: w.xs.map((x) => [...x, 0]) } : w))
  .chain((world) =>
    fc.record({
      world: fc.constant(world),
      f: fc.array(gridReal(-3, 3, 2), { minLength: world.p, maxLength: world.p }),
      dataset: fc.integer({ min: 0, max: world.xs.length ** world.n - 1 }),
    }),
  );

type SharpnessVariant = 'exact' | 'sphere' | 'no-baseline';
/** S_D(f): the suite's per-point sharpness cos(a)(1 − φ_p(s)), against (1/n)Σ_i [cos a_i − E cos(a_i + s_i u₁)] integrated directly. */
const sharpnessSides = (variant: SharpnessVariant) => <T>(F: Field<T>, i: SharpnessInstance) => {
  const w = i.world, q = sharpQuantities(F, w);
  const D = datasets(w)[i.dataset];
  const f = i.f.map((v) => F.fromNumber(v));
  const omega = F.fromNumber(w.omega), rho = F.fromNumber(w.rho);
  const n = F.fromNumber(w.n);
  const suite = variant === 'sphere'
    ? F.div(sum(F, D.map((j) => F.mul(F.sub(F.fromNumber(1), q.loss(f, j)), ballCosDeficit(F, F.mul(F.mul(omega, rho), F.sqrt(q.norm2[j])), 1)))), n)
    : q.empirical(D, q.sharpness)(f);
  const direct = F.div(sum(F, D.map((j) => {
    const a = F.mul(omega, F.sub(sum(F, f.map((v, k) => F.mul(v, F.fromNumber(w.xs[j][k])))), F.fromNumber(w.ys[j])));
    // a zero input: the ball does not move the point's loss
    if (w.xs[j].every((v) => v === 0)) return F.fromNumber(0);
    const smoothed = F.sub(F.fromNumber(1), ballCosIntegral(F, a, F.mul(F.mul(omega, rho), F.sqrt(q.norm2[j])), w.p as OddDimension));
    return variant === 'no-baseline' ? smoothed : F.sub(smoothed, F.sub(F.fromNumber(1), F.cos(a)));
  })), n);
  return { lhs: suite, rhs: direct };
};

export const sharpness = defineProperty<SharpnessInstance>({
  id: 'KD-SH-DEF/sharpness',
  claim: 'KD-SH-DEF',
  title: 'S_D(f) = E_U L_D(f+U) − L_D(f) as every property computes it, against the direct integral over the ball (p = 1, 3)',
  relation: 'eq',
  arbitrary: sharpnessArb,
  sides: sharpnessSides('exact'),
  headline: true,
  checks: 'S_D(f) on the cosine loss for random f and one dataset of the world, the suite\'s cos(a)(1 − φ_p(s)) per point against cos a − E cos(a + s·u₁) integrated directly (p = 1, 3; p = 2 worlds are embedded in ℝ³ with a zero coordinate). The rotation step E_U cos(a + ωxᵀU) = E cos(a + ωρ‖x‖u₁) is shared by both sides; S_P is the same sum weighted by μ.',
  classify: (i) => [`p:${i.world.p}`, `n:${i.world.n}`, `rho:${i.world.rho}`],
  controls: [
    { id: 'KD-SH-DEF/sharpness~sphere', description: 'the sphere average (u₁ uniform on [−1, 1]) for the ball of ℝ³', sides: sharpnessSides('sphere') },
    { id: 'KD-SH-DEF/sharpness~no-baseline', description: 'E_U L_D(f+U) without subtracting L_D(f)', sides: sharpnessSides('no-baseline') },
  ],
});

export const properties = [sharpness, ballAverage];
