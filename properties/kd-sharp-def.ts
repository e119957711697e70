import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { gridReal, logReal } from '../src/gen/reals.ts';
import { ballCosMean, ballCosMeanClosed } from '../src/sharp/ball.ts';

/**
 * KD-SH-DEF: S_D(f) = E_U[L_D(f+U)] − L_D(f) with U uniform on the ρ-ball of ℝ^p. Every sharpness
 * in this suite is computed from the ball average φ_p(s) = E cos(s·u₁) (a power series in the
 * moments of the ball); here that series is checked against closed forms derived independently
 * (by integrating over the ball): sin s/s for p = 1 and 3(sin s − s cos s)/s³ for p = 3.
 */
interface BallInstance {
  p: 1 | 3;
  s: number;
}

const ballArb: fc.Arbitrary<BallInstance> = fc.record({
  p: fc.constantFrom(1 as const, 3 as const),
  s: fc.oneof(gridReal(0.01, 12, 3), logReal(-8, 1)),
});

const sides = (variant: 'exact' | 'wrong-dimension' | 'sphere') => <T>(F: Field<T>, i: BallInstance) => {
  const s = F.fromNumber(i.s);
  const series = ballCosMean(F, s, variant === 'wrong-dimension' ? i.p + 1 : i.p);
  // the uniform law on the unit sphere of ℝ³ has E cos(s·u₁) = sin s/s
  const closed = variant === 'sphere' && i.p === 3 ? ballCosMeanClosed(F, s, 1) : ballCosMeanClosed(F, s, i.p);
  return { lhs: series, rhs: closed };
};

export const ballAverage = defineProperty<BallInstance>({
  id: 'KD-SH-DEF/ball-average',
  claim: 'KD-SH-DEF',
  title: 'the ball average E cos(s·u₁) used for every sharpness equals its closed form (p = 1, 3)',
  relation: 'eq',
  arbitrary: ballArb,
  sides: sides('exact'),
  classify: (i) => [`p:${i.p}`, i.s < 1e-3 ? 's:tiny' : i.s > 5 ? 's:large' : 's:moderate'],
  controls: [
    { id: 'KD-SH-DEF/ball-average~wrong-dimension', description: 'the series for ℝ^{p+1}', sides: sides('wrong-dimension') },
    { id: 'KD-SH-DEF/ball-average~sphere', description: 'the sphere average sin s/s claimed for the ball of ℝ³', sides: sides('sphere') },
  ],
});

export const properties = [ballAverage];
