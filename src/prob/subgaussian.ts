import { InsufficientPrecision } from '../numerics/insufficient-precision.ts';
import type { Field } from '../numerics/field.ts';
import { intervalDoubleField } from '../numerics/interval-double-field.ts';
import { inCertifiedContext } from '../numerics/high-precision.ts';
import { intervalDoubleXField } from '../numerics/interval-double-x-field.ts';
import { decimalConstructor } from '../numerics/decimal-field.ts';
import { ldexp } from '../numerics/exact.ts';
import { Decimal } from 'decimal.js';
import { atoms, type FiniteRV, range } from './cgf.ts';
import { dist } from './distribution.ts';
import { logMeanExp, weightedMean, weightedVariance } from './moments.ts';

/** Hoeffding's lemma: X ∈ [a, b] is ((b − a)/2)²-sub-Gaussian. Halved first: b − a overflows for a, b near ∓1.8e308. */
export function hoeffdingSigma<T>(F: Field<T>, a: number, b: number): T {
  const two = F.fromNumber(2);
  return F.sub(F.div(F.fromNumber(b), two), F.div(F.fromNumber(a), two));
}

/** Right side of the sub-Gaussian mgf bound log E e^{λX} ≤ λ·EX + λ²σ²/2 (Lemma 7's conclusion). */
export function mgfBoundRhs<T>(F: Field<T>, mu: T, sigma2: T, lambda: T): T {
  return F.add(F.mul(lambda, mu), F.div(F.mul(F.square(lambda), sigma2), F.fromNumber(2)));
}

/** A certified enclosure of the best sub-Gaussian variance proxy σ*² = sup_{λ≠0} 2ψ_c(λ)/λ². */
export interface ProxyEnclosure {
  /** Certified lower bound of σ*² (a value of 2ψ_c(λ)/λ² at `argmax`, or Var X), exact decimal. */
  lo: string;
  /** Certified upper bound of σ*² = sup_{λ≠0} 2ψ_c(λ)/λ²: X is hi-sub-Gaussian. Exact decimal. */
  hi: string;
  /** A λ ≠ 0 where 2ψ_c(λ)/λ² is within the enclosure's width of the supremum. */
  argmax: number;
  /** Pieces of the λ-line examined by the branch and bound. */
  pieces: number;
  /** The certified context that decided. */
  context: string;
}

/** Certified a ≤ b. */
const leq = <T>(F: Field<T>, a: T, b: T): boolean => {
  const s = F.sign(F.sub(b, a));
  return s === 0 || s === 1;
};

/** The variable lifted into F once: weights, values centred at the exact mean and at a point near it. */
interface Lifted<T> {
  w: T[];
  /** x − EX (enclosures). */
  xm: T[];
  /** x − c for a point c near EX: moments about c suffer little cancellation. */
  xc: T[];
}

function lift<T>(F: Field<T>, w: T[], x: T[]): Lifted<T> & { m: T; x: T[] } {
  const m = weightedMean(F, w, x);
  const c = F.fromNumber(F.approx(m));
  return { w, x, m, xm: x.map((xi) => F.sub(xi, m)), xc: x.map((xi) => F.sub(xi, c)) };
}

/** ψ_c(λ) = log E e^{λ(X − EX)} ≥ 0. */
const psiC = <T>(F: Field<T>, V: Lifted<T>, lambda: T): T => F.max(F.fromNumber(0), logMeanExp(F, V.w, V.xm.map((v) => F.mul(lambda, v))));

/** Enclosure of φ(λ) = 2ψ_c(λ)/λ² over an enclosure of λ not containing 0. */
const phi = <T>(F: Field<T>, V: Lifted<T>, lambda: T): T => F.div(F.mul(F.fromNumber(2), psiC(F, V, lambda)), F.square(lambda));

/** Tilted weights w e^{t·v − shift} for values v (the shift only prevents overflow). */
function tilted<T>(F: Field<T>, w: T[], v: T[], t: T): T[] {
  let top = -Infinity;
  for (const x of v) top = Math.max(top, F.upperNumber(F.mul(t, x)));
  const shift = F.fromNumber(top);
  return w.map((wi, i) => F.mul(wi, F.exp(F.sub(F.mul(t, v[i]), shift))));
}

/**
 * Enclosures of the tilted variance ψ''(t) and fourth cumulant ψ''''(t) over t ∈ T, where the
 * tilted law is ∝ w e^{t x}; raw moments are taken about the point c near the mean.
 */
function tiltedCumulants<T>(F: Field<T>, V: Lifted<T>, t: T): { k2: T; k3: T; k4: T } {
  const e = tilted(F, V.w, V.xc, t);
  let s0 = F.fromNumber(0), s1 = F.fromNumber(0), s2 = F.fromNumber(0), s3 = F.fromNumber(0), s4 = F.fromNumber(0);
  V.xc.forEach((v, i) => {
    const v2 = F.square(v);
    s0 = F.add(s0, e[i]);
    s1 = F.add(s1, F.mul(e[i], v));
    s2 = F.add(s2, F.mul(e[i], v2));
    s3 = F.add(s3, F.mul(e[i], F.mul(v2, v)));
    s4 = F.add(s4, F.mul(e[i], F.square(v2)));
  });
  const m1 = F.div(s1, s0), m2 = F.div(s2, s0), m3 = F.div(s3, s0), m4 = F.div(s4, s0);
  const n = (k: number) => F.fromNumber(k);
  const m1sq = F.square(m1);
  const k2 = F.sub(m2, m1sq);
  const k3 = F.add(F.sub(m3, F.mul(n(3), F.mul(m2, m1))), F.mul(n(2), F.mul(m1sq, m1)));
  // κ₄ = m₄ − 4m₃m₁ − 3m₂² + 12m₂m₁² − 6m₁⁴
  const k4 = F.sub(F.add(F.sub(F.sub(m4, F.mul(n(4), F.mul(m3, m1))), F.mul(n(3), F.square(m2))), F.mul(n(12), F.mul(m2, m1sq))), F.mul(n(6), F.square(m1sq)));
  return { k2, k3, k4 };
}

/**
 * Mean-value form: φ(L) ⊆ φ(c) + φ'(L)·(L − c) with c the midpoint, where
 * φ'(λ) = 2ψ_c'(λ)/λ² − 4ψ_c(λ)/λ³ and ψ_c'(λ) is the tilted mean of X − EX. Its overestimation
 * shrinks quadratically with the width of L (the plain interval extension only linearly).
 */
function phiMeanValue<T>(F: Field<T>, V: Lifted<T>, l: number, u: number): T {
  const c = l + (u - l) / 2;
  const L = F.hull(F.fromNumber(l), F.fromNumber(u));
  const e = tilted(F, V.w, V.xm, L);
  let s0 = F.fromNumber(0), s1 = F.fromNumber(0);
  V.xm.forEach((v, i) => {
    s0 = F.add(s0, e[i]);
    s1 = F.add(s1, F.mul(e[i], v));
  });
  const dpsi = F.div(s1, s0);
  const dphi = F.sub(F.div(F.mul(F.fromNumber(2), dpsi), F.square(L)), F.div(F.mul(F.fromNumber(4), psiC(F, V, L)), F.mul(F.square(L), L)));
  const half = F.hull(F.fromNumber(l - c), F.fromNumber(u - c));
  return F.add(phi(F, V, F.fromNumber(c)), F.mul(dphi, half));
}

/**
 * Branch and bound in one certified context; undefined when that context cannot separate the
 * variance from 0 (e.g. values 5e-324 apart in doubles).
 *
 * Facts used: φ(λ) → Var X as λ → 0, so sup ≥ Var; ψ_c(λ) ≤ |λ|·M with M = max|X − EX|, so
 * φ(λ) ≤ 2M/|λ| ≤ L for |λ| ≥ Λ = 2M/L, where L is the best lower bound found (≥ Var); and φ(λ) = 2∫₀¹(1−s)ψ_c''(sλ)ds ≤ the sup of the tilted
 * variance between 0 and λ, which bounds φ on pieces at or near 0 where the quotient is 0/0.
 */
function branchAndBound<T>(F: Field<T>, w: T[], x: T[], rtol: number, maxPieces: number): ProxyEnclosure | undefined {
  const V = lift(F, w, x);
  const varEnc = weightedVariance(F, w, x);
  if (F.sign(varEnc) !== 1) return undefined;
  let lo = F.lower(varEnc);
  let argmax = 0;
  const probe = (l: number) => {
    if (l === 0) return;
    const v = F.lower(phi(F, V, F.fromNumber(l)));
    if (F.sign(F.sub(v, lo)) === 1) {
      lo = v;
      argmax = l;
    }
  };
  const M = V.xm.reduce((acc, v) => F.max(acc, F.abs(v)), F.fromNumber(0));
  const range2M = (): number => F.upperNumber(F.div(F.mul(F.fromNumber(2), M), lo));
  // A geometric sweep first: the best value found so far bounds the range that can still matter.
  for (let k = -6; k <= 1000 && 2 ** k <= range2M(); k++) {
    probe(2 ** k);
    probe(-(2 ** k));
  }
  const Lambda = range2M();
  if (!Number.isFinite(Lambda)) return undefined;
  const factor = F.fromNumber(1 + rtol);
  if (argmax === 0) argmax = Lambda * 1e-6;
  const piece = (l: number, u: number) => F.hull(F.fromNumber(l), F.fromNumber(u));
  const varHi = F.upper(varEnc);
  const zero = F.fromNumber(0);
  const k3AtZero = tiltedCumulants(F, V, zero).k3;
  /**
   * Near 0, Taylor with Lagrange remainder: ψ''(t) ≤ Var + κ₃(0)t + K t²/2 with K = sup κ₄ between
   * 0 and λ, so φ(λ) = 2∫₀¹(1−s)ψ''(sλ)ds ≤ Var + κ₃(0)λ/3 + Kλ²/12. When the supremum is the limit
   * at 0 (κ₃(0) = 0, κ₄ < 0) this certifies it at once. The plain sup of ψ'' is kept as well.
   */
  const nearZero = (l: number, u: number): T => {
    const L = piece(l, u);
    const { k2, k4 } = tiltedCumulants(F, V, piece(Math.min(0, l), Math.max(0, u)));
    const K = F.upper(k4);
    const taylor = F.add(F.add(varHi, F.div(F.mul(k3AtZero, L), F.fromNumber(3))), F.div(F.mul(K, F.square(L)), F.fromNumber(12)));
    return F.min(F.upper(k2), F.upper(taylor));
  };
  /** Cheapest bound first; the costlier ones only when it does not settle the piece. */
  const upper = (l: number, u: number): T => {
    if (l <= 0 && u >= 0) return nearZero(l, u);
    const target = F.mul(lo, factor);
    let ub = F.upper(phi(F, V, piece(l, u)));
    if (leq(F, ub, target)) return ub;
    ub = F.min(ub, F.upper(phiMeanValue(F, V, l, u)));
    if (leq(F, ub, target)) return ub;
    return F.min(ub, nearZero(l, u));
  };
  const initial = 64;
  let queue: Array<[number, number, T]> = [];
  for (let k = 0; k < initial; k++) {
    const l = -Lambda + (2 * Lambda * k) / initial;
    const u = k === initial - 1 ? Lambda : -Lambda + (2 * Lambda * (k + 1)) / initial;
    probe((l + u) / 2);
    queue.push([l, u, upper(l, u)]);
  }
  let pieces = initial;
  let settled = lo; // largest upper bound among pieces already within tolerance
  while (queue.length > 0 && pieces < maxPieces) {
    const next: Array<[number, number, T]> = [];
    for (const [l, u, ub] of queue) {
      const mid = (l + u) / 2;
      if (leq(F, ub, F.mul(lo, factor)) || mid === l || mid === u) {
        settled = F.max(settled, ub);
        continue;
      }
      probe((l + mid) / 2);
      probe((mid + u) / 2);
      next.push([l, mid, upper(l, mid)], [mid, u, upper(mid, u)]);
      pieces += 2;
    }
    queue = next;
  }
  const hi = queue.reduce((h, [, , ub]) => F.max(h, ub), F.max(lo, settled));
  return { lo: F.bounds(lo).lo, hi: F.bounds(hi).hi, argmax, pieces, context: F.name };
}

/**
 * The optimal sub-Gaussian variance proxy σ*² = sup_{λ≠0} 2ψ_c(λ)/λ² of a finite random variable,
 * certified by branch and bound: in outward-rounded doubles (with an extended exponent when weights
 * underflow), or in Decimal enclosures when doubles cannot resolve the variable (tiny variances).
 */
export function bestProxy(X: FiniteRV, options: { rtol?: number; maxPieces?: number } = {}): ProxyEnclosure {
  const rtol = options.rtol ?? 1e-9;
  const maxPieces = options.maxPieces ?? 4000;
  const { a, b } = range(X);
  if (a === b) return { lo: '0', hi: '0', argmax: 1, pieces: 0, context: 'exact' };
  // σ*²(2^k X) = 4^k σ*²(X): rescale so that max|x| is near 1 when that is exact in doubles. Atoms
  // of weight 0 are dropped first: they do not enter ψ, and a large one would block the rescaling
  // of a support of subnormals (values ±5e-324 beside a weightless −25.7 stayed undecidable).
  const support = X.law.weights.flatMap((w, i) => (w > 0 ? [i] : []));
  const S = support.length === X.values.length ? X : { values: support.map((i) => X.values[i]), law: dist(support.map((i) => X.law.weights[i])) };
  const k = -Math.floor(Math.log2(Math.max(Math.abs(a), Math.abs(b))));
  const scaled = S.values.map((x) => ldexp(x, k));
  const exact = scaled.every((y, i) => Number.isFinite(y) && ldexp(y, -k) === S.values[i]);
  const Y = exact && k !== 0 ? { values: scaled, law: S.law } : S;
  const shift = Y === S ? 0 : k;
  const unscale = (r: ProxyEnclosure): ProxyEnclosure =>
    shift === 0 ? r : { ...r, lo: scalePow2(r.lo, -2 * shift, 'lo'), hi: scalePow2(r.hi, -2 * shift, 'hi'), argmax: clampFinite(ldexp(r.argmax, shift)) };
  const lifted = <T>(F: Field<T>) => atoms(F, Y);
  const D = lifted(intervalDoubleField);
  const fast = branchAndBound(intervalDoubleField, D.w, D.x, rtol, maxPieces);
  if (fast) return unscale(fast);
  // weights below the double range: the same branch and bound with an extended exponent
  if (D.w.some((p) => p.lo === 0)) {
    const E = lifted(intervalDoubleXField);
    const extended = branchAndBound(intervalDoubleXField, E.w, E.x, rtol, maxPieces);
    if (extended) return unscale(extended);
  }
  // high precision (MPFR, else Decimal) is ~100× slower than the double screen: a coarser
  // tolerance keeps it affordable; the upper end stays a valid proxy, only its distance to the
  // supremum grows.
  for (const digits of [20, 40, 80, 160, 320]) {
    const slow = inCertifiedContext(digits, (F) => {
      const I = lifted(F);
      return branchAndBound(F, I.w, I.x, Math.max(rtol, 1e-3), 60);
    });
    if (slow) return unscale(slow);
  }
  // an instance beyond what the policy can resolve is undecided, not an error of the formula
  throw new InsufficientPrecision('bestProxy: the variance could not be separated from 0 at 320 digits');
}

/** λ* can lie beyond the double range (values ~1e-323): the largest double stands in for it. */
const clampFinite = (x: number) => (Number.isFinite(x) ? x : Math.sign(x) * Number.MAX_VALUE);


/**
 * The best proxy of a law computed in a certified context (values and weights are enclosures),
 * e.g. the law of h(D, f_T) under Δ. Undefined when F cannot separate the variance from 0.
 */
export function bestProxyOfLaw<T>(F: Field<T>, w: T[], x: T[], options: { rtol?: number; maxPieces?: number } = {}): ProxyEnclosure | undefined {
  if (!F.certified) throw new Error('bestProxyOfLaw needs a certified (interval) context');
  return branchAndBound(F, w, x, options.rtol ?? 1e-9, options.maxPieces ?? 4000);
}

/** s·2^e for a decimal string s, rounded outward at 60 digits ('lo' down, 'hi' up). */
function scalePow2(s: string, e: number, end: 'lo' | 'hi'): string {
  const D = decimalConstructor(60, end === 'lo' ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL);
  return D.mul(new D(s), D.pow(2, e)).toString();
}
