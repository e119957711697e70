import type { Field } from './field.ts';
import type { Interval } from './interval.ts';
import { exactDecimalString } from './exact.ts';
import { extremaIn, type EndOps } from './trig-extrema.ts';

/** A certified enclosure with double ends (the values of `intervalDoubleField`). */
export type DoubleInterval = Interval<number>;

const EPS = 2 ** -52;
const TINY = Number.MIN_VALUE;

/**
 * At least one ulp below/above a finite x. |x|·2⁻⁵² lies in [ulp(x), 2·ulp(x)), so x ∓ that,
 * rounded to nearest, is at or beyond the neighbouring double; adding MIN_VALUE covers zero and
 * subnormals. The fast paths below call these directly; `down`/`up` also take ±∞ and NaN.
 */
const downF = (x: number) => x - (Math.abs(x) * EPS + TINY);
const upF = (x: number) => x + (Math.abs(x) * EPS + TINY);
export const down = (x: number) => (x === Infinity ? Number.MAX_VALUE : x === -Infinity || Number.isNaN(x) ? x : downF(x));
export const up = (x: number) => (x === -Infinity ? -Number.MAX_VALUE : x === Infinity || Number.isNaN(x) ? x : upF(x));
/** Math.exp and Math.log in V8 (fdlibm ports) err by less than one ulp: two outward steps cover them. */
export const down2 = (x: number) => down(down(x));
export const up2 = (x: number) => up(up(x));

/**
 * An infinite result is exact when an operand endpoint it came from is infinite (∞ + x = ∞ on the
 * extended line); only an overflow from finite operands is widened to the largest double.
 */
// fixed arity (no rest array): these run on every operation of the screen
const inf = (x: number, y: number) => !(Number.isFinite(x) && Number.isFinite(y));
const min4 = (a: number, b: number, c: number, d: number) => Math.min(Math.min(a, b), Math.min(c, d));
const max4 = (a: number, b: number, c: number, d: number) => Math.max(Math.max(a, b), Math.max(c, d));
const downX = (x: number, exactInf: boolean) => (exactInf && x === Infinity ? x : down(x));
const upX = (x: number, exactInf: boolean) => (exactInf && x === -Infinity ? x : up(x));

/** Math.cos and Math.sin in V8 (fdlibm ports) err by less than one ulp; π ∈ [Math.PI, next double]. */
const ends: EndOps<number> = { mulDown: (m, x) => down(m * x), mulUp: (m, x) => up(m * x), le: (a, b) => a <= b, toNumber: (x) => x };
const PI_HI = up(Math.PI);
function trig(f: (x: number) => number, shift: 0 | 0.5, a: DoubleInterval): DoubleInterval {
  const values = [f(a.lo), f(a.hi)];
  let lo = Math.max(-1, down2(Math.min(...values))), hi = Math.min(1, up2(Math.max(...values)));
  for (const e of extremaIn(ends, a.lo, a.hi, Math.PI, PI_HI, shift)) e === 1 ? (hi = 1) : (lo = -1);
  return Number.isNaN(lo) || Number.isNaN(hi) ? { lo: -1, hi: 1 } : { lo, hi };
}

const whole: DoubleInterval = { lo: -Infinity, hi: Infinity };
const guard = (lo: number, hi: number): DoubleInterval => (Number.isNaN(lo) || Number.isNaN(hi) ? whole : { lo, hi });
const prod = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a * b);

/**
 * Certified enclosures in doubles: each IEEE result (correctly rounded to nearest for + − × ÷ √,
 * within one ulp for exp and log) is pushed outward. Fast; the screen in front of Decimal.
 */
export const intervalDoubleField: Field<DoubleInterval> = {
  name: 'interval-double',
  digits: 15.95,
  certified: true,
  fromNumber: (x) => ({ lo: x, hi: x }),
  fromString(s) {
    const x = Number(s);
    return Number.isFinite(x) ? { lo: down(x), hi: up(x) } : { lo: x, hi: x };
  },
  // Fast paths first (the screen runs these on every operation): a finite result can only come
  // from finite operands, so it is pushed outward one ulp with no infinity or NaN checks (x − x is
  // 0 exactly for finite x, NaN otherwise).
  add(a, b) {
    const l = a.lo + b.lo, h = a.hi + b.hi;
    if (l - l === 0 && h - h === 0) return { lo: downF(l), hi: upF(h) };
    return guard(downX(l, inf(a.lo, b.lo)), upX(h, inf(a.hi, b.hi)));
  },
  sub(a, b) {
    const l = a.lo - b.hi, h = a.hi - b.lo;
    if (l - l === 0 && h - h === 0) return { lo: downF(l), hi: upF(h) };
    return guard(downX(l, inf(a.lo, b.hi)), upX(h, inf(a.hi, b.lo)));
  },
  mul(a, b) {
    if (a.lo >= 0 && b.lo >= 0) {
      const l = a.lo * b.lo, h = a.hi * b.hi;
      // h finite: every end was finite (0·∞ is NaN here), so l is too
      if (h - h === 0) return { lo: downF(l), hi: upF(h) };
      return guard(downX(prod(a.lo, b.lo), inf(a.lo, b.lo)), upX(prod(a.hi, b.hi), inf(a.hi, b.hi)));
    }
    const exact = inf(a.lo, a.hi) || inf(b.lo, b.hi);
    const p1 = prod(a.lo, b.lo), p2 = prod(a.lo, b.hi), p3 = prod(a.hi, b.lo), p4 = prod(a.hi, b.hi);
    return guard(downX(min4(p1, p2, p3, p4), exact), upX(max4(p1, p2, p3, p4), exact));
  },
  div(a, b) {
    if (b.lo <= 0 && b.hi >= 0) {
      if (a.lo === 0 && a.hi === 0 && !(b.lo === 0 && b.hi === 0)) return { lo: 0, hi: 0 };
      return whole;
    }
    if (a.lo >= 0 && b.lo > 0) {
      const l = a.lo / b.hi, h = a.hi / b.lo;
      if (h - h === 0) return { lo: downF(l), hi: upF(h) };
      return guard(down(l), up(h));
    }
    const q1 = a.lo / b.lo, q2 = a.lo / b.hi, q3 = a.hi / b.lo, q4 = a.hi / b.hi;
    return guard(down(min4(q1, q2, q3, q4)), up(max4(q1, q2, q3, q4)));
  },
  neg: (a) => ({ lo: -a.hi, hi: -a.lo }),
  exp(a) {
    const l = Math.exp(a.lo), h = Math.exp(a.hi);
    // finite and normal results: two outward ulps each, as down2/up2 take them
    if (h < Infinity && l >= 1e-300) {
      return { lo: Math.max(0, downF(downF(l))), hi: upF(upF(h)) };
    }
    return { lo: a.lo === Infinity ? Infinity : Math.max(0, down2(l)), hi: up2(h) };
  },
  log(a) {
    if (a.lo > 0 && a.hi < Infinity) {
      const l = Math.log(a.lo), h = Math.log(a.hi);
      return { lo: downF(downF(l)), hi: upF(upF(h)) };
    }
    if (a.hi < 0) throw new RangeError(`log of a negative enclosure [${a.lo}, ${a.hi}]`);
    return { lo: a.lo <= 0 ? -Infinity : a.lo === Infinity ? Infinity : down2(Math.log(a.lo)), hi: a.hi === 0 ? -Infinity : up2(Math.log(a.hi)) };
  },
  cos: (a) => trig(Math.cos, 0, a),
  sin: (a) => trig(Math.sin, 0.5, a),
  sqrt(a) {
    if (a.hi < 0) throw new RangeError(`sqrt of a negative enclosure [${a.lo}, ${a.hi}]`);
    return { lo: a.lo <= 0 ? 0 : a.lo === Infinity ? Infinity : Math.max(0, down(Math.sqrt(a.lo))), hi: up(Math.sqrt(a.hi)) };
  },
  square(a) {
    if (a.lo >= 0) {
      const l = a.lo * a.lo, h = a.hi * a.hi;
      if (h - h === 0) return { lo: Math.max(0, downF(l)), hi: upF(h) };
      return { lo: Math.max(0, down(l)), hi: up(h) };
    }
    if (a.hi <= 0) return { lo: Math.max(0, down(a.hi * a.hi)), hi: up(a.lo * a.lo) };
    return { lo: 0, hi: up(Math.max(a.lo * a.lo, a.hi * a.hi)) };
  },
  abs(a) {
    if (a.lo >= 0) return a;
    if (a.hi <= 0) return { lo: -a.hi, hi: -a.lo };
    return { lo: 0, hi: Math.max(-a.lo, a.hi) };
  },
  min: (a, b) => ({ lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) }),
  max: (a, b) => ({ lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) }),
  hull: (a, b) => ({ lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) }),
  approx(a) {
    if (a.lo === -Infinity && a.hi === Infinity) return 0;
    if (!Number.isFinite(a.lo)) return a.hi;
    if (!Number.isFinite(a.hi)) return a.lo;
    return a.lo + (a.hi - a.lo) / 2;
  },
  sign(a) {
    if (a.lo > 0) return 1;
    if (a.hi < 0) return -1;
    if (a.lo === 0 && a.hi === 0) return 0;
    return undefined;
  },
  bounds: (a) => ({ lo: exactDecimalString(a.lo), hi: exactDecimalString(a.hi) }),
  lower: (a) => ({ lo: a.lo, hi: a.lo }),
  upper: (a) => ({ lo: a.hi, hi: a.hi }),
  lowerNumber: (a) => a.lo,
  upperNumber: (a) => a.hi,
};
