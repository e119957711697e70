/**
 * Interval cos and sin: the enclosure over [a, b] is the hull of the end values and of every
 * extremum (k + s)·π that may lie in [a, b] (s = 0 for cos, ½ for sin; the extremum value is
 * (−1)^k). "May lie" is decided against an enclosure [π_lo, π_hi] of π, so an extremum near an
 * end is included rather than missed. Shared by the double and the Decimal interval contexts.
 */
export interface EndOps<N> {
  /** lower/upper bound of m·x for a real multiplier m */
  mulDown(m: number, x: N): N;
  mulUp(m: number, x: N): N;
  le(a: N, b: N): boolean;
  toNumber(x: N): number;
}

export function extremaIn<N>(o: EndOps<N>, a: N, b: N, piLo: N, piHi: N, shift: 0 | 0.5): Array<1 | -1> {
  const an = o.toNumber(a), bn = o.toNumber(b);
  if (!Number.isFinite(an) || !Number.isFinite(bn) || bn - an > 7) return [1, -1];
  const found: Array<1 | -1> = [];
  for (let k = Math.floor(an / Math.PI - shift) - 1; k <= Math.ceil(bn / Math.PI - shift) + 1; k++) {
    const m = k + shift;
    // (k + s)·π ∈ [m·π_lo, m·π_hi] (order reversed for m < 0)
    const lo = m >= 0 ? o.mulDown(m, piLo) : o.mulDown(m, piHi);
    const hi = m >= 0 ? o.mulUp(m, piHi) : o.mulUp(m, piLo);
    if (o.le(lo, b) && o.le(a, hi)) found.push(k % 2 === 0 ? 1 : -1);
  }
  return found;
}
