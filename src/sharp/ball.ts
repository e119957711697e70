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
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`ballCosMean needs a dimension p ≥ 1, got ${p}`);
  const s2 = F.square(s);
  const s2approx = Math.abs(F.approx(s2));
  const tiny = 10 ** -(F.digits + 5);
  let term = F.fromNumber(1);
  let sum = term;
  for (let k = 0; ; k++) {
    // t_{k+1} = −t_k · s² / (2(k+1)(p+2k+2))
    const denom = 2 * (k + 1) * (p + 2 * k + 2);
    term = F.neg(F.div(F.mul(term, s2), F.fromNumber(denom)));
    const decreasing = s2approx < denom;
    if (decreasing && Math.abs(F.approx(term)) < tiny) {
      const bound = F.abs(term);
      return F.add(sum, F.hull(F.neg(bound), bound));
    }
    sum = F.add(sum, term);
    if (k > 10_000) throw new RangeError(`ballCosMean: no convergence for s² ≈ ${s2approx}`);
  }
}

/** E‖U‖² = pρ²/(p+2) and E UUᵀ = ρ²/(p+2)·I for U uniform on the ρ-ball of ℝ^p. */
export const ballSecondMoment = <T>(F: Field<T>, rho: T, p: number): T => F.div(F.square(rho), F.fromNumber(p + 2));

/** Closed forms of φ_p for odd p, independent of the series: sin s/s (p = 1), 3(sin s − s cos s)/s³ (p = 3). */
export function ballCosMeanClosed<T>(F: Field<T>, s: T, p: 1 | 3): T {
  if (p === 1) return F.div(F.sin(s), s);
  return F.div(F.mul(F.fromNumber(3), F.sub(F.sin(s), F.mul(s, F.cos(s)))), F.mul(s, F.square(s)));
}
