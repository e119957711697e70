import type { Field } from '../numerics/field.ts';

/** KL(N(m1, s1²) ‖ N(m2, s2²)) = log(s2/s1) + (s1² + (m1 − m2)²)/(2 s2²) − ½. */
export function gaussianKl<T>(F: Field<T>, m1: T, s1: T, m2: T, s2: T): T {
  const ratio = F.div(F.add(F.square(s1), F.square(F.sub(m1, m2))), F.mul(F.fromNumber(2), F.square(s2)));
  return F.max(F.fromNumber(0), F.sub(F.add(F.log(F.div(s2, s1)), ratio), F.fromString('0.5')));
}
