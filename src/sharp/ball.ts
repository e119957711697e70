import type { Field } from '../numerics/field.ts';

/**
 * Averages over U uniform on the ρ-ball of ℝ^p (KD-SH-DEF). For the unit ball, u₁ has even moments
 * E u₁^{2k} = (2k−1)!! / ((p+2)(p+4)···(p+2k)), so
 *   φ_p(s) := E cos(s·u₁) = Σ_k (−1)^k s^{2k} / (2^k k! (p+2)(p+4)···(p+2k)),
 * and E_U cos(a + ω·xᵀU) = cos(a)·φ_p(ωρ‖x‖) by the symmetry of U. The series is summed until its
 * terms decrease below the working precision; they alternate and decrease from there on, so the
 * remainder is enclosed by ± the next term.
 */
export function ballCosMean<T>(F: Field<T>, s: T, p: number): T {
  return F.sub(F.fromNumber(1), ballCosDeficit(F, s, p));
}

/**
 * 1 − φ_p(s) = E[1 − cos(s·u₁)] = −Σ_{k≥1} t_k, summed without forming φ_p first, so a deficit of
 * order s²/(2(p+2)) keeps its relative accuracy for small s (the sharpness of a small ball), and is
 * exactly 0 at s = 0. It lies in [0, s²/(2(p+2))] since 1 − cos x ≤ x²/2.
 */
export function ballCosDeficit<T>(F: Field<T>, s: T, p: number): T {
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`ballCosMean needs a dimension p ≥ 1, got ${p}`);
  // a zero input: exactly 0 (a rounded division of 0 would leave a subnormal enclosure)
  if (F.sign(s) === 0) return F.fromNumber(0);
  const s2 = F.square(s);
  const s2hi = F.upperNumber(s2);
  const tiny = 10 ** -(F.digits + 5);
  // t_1 = −s²/(2(p+2)); the deficit is −(t_1 + t_2 + …) = s²/(2(p+2)) − …
  let term = F.neg(F.div(s2, F.fromNumber(2 * (p + 2))));
  let sum = term;
  const first = Math.abs(F.approx(term));
  for (let k = 1; ; k++) {
    // t_{k+1} = −t_k · s² / (2(k+1)(p+2k+2))
    const denom = 2 * (k + 1) * (p + 2 * k + 2);
    term = F.neg(F.div(F.mul(term, s2), F.fromNumber(denom)));
    const decreasing = s2hi < denom;
    if (decreasing && Math.abs(F.approx(term)) <= tiny * Math.min(1, first)) {
      const bound = F.abs(term);
      return F.neg(F.add(sum, F.hull(F.neg(bound), bound)));
    }
    sum = F.add(sum, term);
    if (k > 10_000) throw new RangeError(`ballCosMean: no convergence for s² ≤ ${s2hi}`);
  }
}

/** E‖U‖² = pρ²/(p+2) and E UUᵀ = ρ²/(p+2)·I for U uniform on the ρ-ball of ℝ^p. */
export const ballSecondMoment = <T>(F: Field<T>, rho: T, p: number): T => F.div(F.square(rho), F.fromNumber(p + 2));

/** Closed forms of φ_p for odd p, independent of the series: sin s/s (p = 1), 3(sin s − s cos s)/s³ (p = 3). */
export function ballCosMeanClosed<T>(F: Field<T>, s: T, p: 1 | 3): T {
  if (p === 1) return F.div(F.sin(s), s);
  return F.div(F.mul(F.fromNumber(3), F.sub(F.sin(s), F.mul(s, F.cos(s)))), F.mul(s, F.square(s)));
}
