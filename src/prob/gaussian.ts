import type { Field } from '../numerics/field.ts';

/**
 * log E e^{λX} for X ~ N(m, s²), computed from the moment sequence rather than the closed form:
 * E e^{λ(X−m)} = Σ_k E(X−m)^{2k} λ^{2k}/(2k)! = Σ_k u^k/k! with u = λ²s²/2, since
 * E(X−m)^{2k} = (2k−1)!!·s^{2k}. The series is summed until its terms fall below the working
 * precision; the tail after term K is at most 2·t_{K+1} once u/(K+2) ≤ ½, and is added as an
 * enclosure [0, 2·t_{K+1}] (point contexts simply drop it).
 */
export function gaussianCgfFromMoments<T>(F: Field<T>, m: number, s: number, lambda: number): T {
  const L = F.fromNumber(lambda);
  const u = F.div(F.square(F.mul(L, F.fromNumber(s))), F.fromNumber(2));
  const uApprox = F.approx(u);
  const stop = 10 ** -(F.digits + 5);
  let term = F.fromNumber(1);
  let total = F.fromNumber(1);
  for (let k = 1; ; k++) {
    term = F.div(F.mul(term, u), F.fromNumber(k));
    total = F.add(total, term);
    const t = F.approx(term);
    if (uApprox / (k + 2) <= 0.5 && t <= stop * F.approx(total)) {
      const tail = F.mul(F.fromNumber(2), F.div(F.mul(term, u), F.fromNumber(k + 1)));
      total = F.hull(total, F.add(total, tail));
      break;
    }
    if (k > 100000) throw new RangeError(`moment series did not converge for u = ${uApprox}`);
  }
  return F.add(F.mul(L, F.fromNumber(m)), F.log(total));
}
