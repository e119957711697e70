import type { Field } from './field.ts';
import type { DoubleInterval } from './interval-double-field.ts';
import { down, down2, intervalDoubleField as D, up, up2 } from './interval-double-field.ts';
import { exactScaledDecimalString, ldexp } from './exact.ts';

/**
 * Double intervals with an extended exponent: [lo, hi]·2^e, e an integer. The same outward-rounded
 * double operations as the double screen act on the mantissas; the exponent keeps probabilities such
 * as μ(x)ⁿ with μ(x) = 5e-324/10^12 (far below the smallest double) from underflowing to 0, which
 * in plain doubles turns log(p/q) into an infinite enclosure and sends the instance to Decimal.
 *
 * Mantissas are rescaled by powers of two (exact, unless a scaled end falls below the normal range,
 * when it is rounded outward) whenever their magnitude leaves [2^−300, 2^300].
 */
export interface ExtendedInterval {
  readonly lo: number;
  readonly hi: number;
  readonly e: number;
}

const BIG = 2 ** 300;
const SMALL = 2 ** -300;
const MIN_NORMAL = 2 ** -1022;
/** ln 2 ∈ [LN2_LO, LN2_HI] (Math.LN2 is below ln 2). */
const LN2_LO = Math.LN2;
const LN2_HI = up(Math.LN2);
/** Beyond this exponent, bounds are written as ±10^∓30000 or ±∞ (2^100000 ≈ 10^30103). */
const PRINTABLE = 100_000;


/**
 * x·2^k as a lower ('lo') or upper ('hi') bound: exact when the result is a normal double, else
 * rounded outward (an underflow keeps its sign, an overflow becomes ±∞ or ±MAX_VALUE).
 */
function scaled(x: number, k: number, end: 'lo' | 'hi'): number {
  if (k === 0 || x === 0 || !Number.isFinite(x)) return x;
  const y = ldexp(x, k);
  if (Number.isFinite(y) && Math.abs(y) >= MIN_NORMAL) return y;
  if (!Number.isFinite(y)) return end === 'lo' ? (x > 0 ? Number.MAX_VALUE : -Infinity) : x > 0 ? Infinity : -Number.MAX_VALUE;
  return end === 'lo' ? (x > 0 ? Math.max(0, down(y)) : down(y)) : x < 0 ? Math.min(0, up(y)) : up(y);
}

const whole: ExtendedInterval = { lo: -Infinity, hi: Infinity, e: 0 };

/** Rescale the mantissa when its magnitude leaves [2^−300, 2^300]. */
function norm(lo: number, hi: number, e: number): ExtendedInterval {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return whole;
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  if (m === 0) return { lo, hi, e: 0 };
  if ((m < BIG && m > SMALL) || !Number.isFinite(m)) return { lo, hi, e };
  const k = -Math.floor(Math.log2(m));
  return { lo: scaled(lo, k, 'lo'), hi: scaled(hi, k, 'hi'), e: e - k };
}
const of = (r: DoubleInterval, e: number) => norm(r.lo, r.hi, e);

/** The mantissa of a at the exponent E ≥ a.e (outward). */
const at = (a: ExtendedInterval, E: number): DoubleInterval => (a.e === E ? a : { lo: scaled(a.lo, a.e - E, 'lo'), hi: scaled(a.hi, a.e - E, 'hi') });
/** The value as a plain double interval (outward; ±∞ or 0-side ends where it leaves the range). */
const plain = (a: ExtendedInterval): DoubleInterval => at(a, 0);

const isZero = (a: ExtendedInterval) => a.lo === 0 && a.hi === 0;

/** Two operands at their common (larger) exponent. */
function aligned(a: ExtendedInterval, b: ExtendedInterval, op: (x: DoubleInterval, y: DoubleInterval) => DoubleInterval): ExtendedInterval {
  if (a.e === b.e) return of(op(a, b), a.e);
  // an exact 0 takes any exponent: the other operand's keeps its digits
  const E = isZero(a) ? b.e : isZero(b) ? a.e : Math.max(a.e, b.e);
  return of(op(at(a, E), at(b, E)), E);
}

/** e·ln 2, outward. */
function eLn2(e: number): DoubleInterval {
  return e >= 0 ? { lo: down(e * LN2_LO), hi: up(e * LN2_HI) } : { lo: down(e * LN2_HI), hi: up(e * LN2_LO) };
}

/** A bound of e^x for one end x: e^x = 2^k·e^r with r = x − k·ln 2 enclosed. */
function expEnd(x: number, end: 'lo' | 'hi'): ExtendedInterval {
  if (x === -Infinity) return { lo: 0, hi: 0, e: 0 };
  if (x === Infinity) return { lo: Infinity, hi: Infinity, e: 0 };
  if (Math.abs(x) < 700) {
    const v = Math.exp(x);
    const b = end === 'lo' ? Math.max(0, down2(v)) : up2(v);
    return { lo: b, hi: b, e: 0 };
  }
  // |x| ≥ 2^50: e^x lies beyond 2^(±2^50), which bounds it well enough
  if (Math.abs(x) >= 2 ** 50) {
    if (x < 0) return end === 'lo' ? { lo: 0, hi: 0, e: 0 } : { lo: 1, hi: 1, e: -(2 ** 50) };
    return end === 'lo' ? { lo: 1, hi: 1, e: 2 ** 50 } : { lo: Infinity, hi: Infinity, e: 0 };
  }
  const k = Math.round(x / Math.LN2);
  const p = eLn2(k);
  const r = end === 'lo' ? down(x - p.hi) : up(x - p.lo);
  const v = Math.exp(r);
  const b = end === 'lo' ? Math.max(0, down2(v)) : up2(v);
  return norm(b, b, k);
}

/** One end as an exact decimal; beyond 2^±100000 a valid round bound on the same side stands in. */
function endString(x: number, e: number, end: 'lo' | 'hi'): string {
  if (Math.abs(e) <= PRINTABLE || x === 0 || !Number.isFinite(x)) return exactScaledDecimalString(x, e);
  // a normalised mantissa puts |x·2^e| below 10^−30000 (e < 0) or above 10^30000 (e > 0)
  if (e < 0) return x > 0 ? (end === 'lo' ? '0' : '1e-30000') : end === 'lo' ? '-1e-30000' : '0';
  return x > 0 ? (end === 'lo' ? '1e30000' : 'Infinity') : end === 'lo' ? '-Infinity' : '-1e30000';
}

export const intervalDoubleXField: Field<ExtendedInterval> = {
  name: 'interval-double-x',
  digits: 15.95,
  certified: true,
  fromNumber: (x) => norm(x, x, 0),
  fromString: (s) => of(D.fromString(s), 0),
  add: (a, b) => aligned(a, b, D.add),
  sub: (a, b) => aligned(a, b, D.sub),
  mul: (a, b) => of(D.mul(a, b), a.e + b.e),
  div: (a, b) => of(D.div(a, b), a.e - b.e),
  neg: (a) => ({ lo: -a.hi, hi: -a.lo, e: a.e }),
  exp(a) {
    const x = plain(a);
    const lo = expEnd(x.lo, 'lo'), hi = expEnd(x.hi, 'hi');
    return aligned(lo, hi, (l, h) => ({ lo: l.lo, hi: h.hi }));
  },
  log(a) {
    if (a.hi < 0) throw new RangeError(`log of a negative enclosure [${a.lo}·2^${a.e}, ${a.hi}·2^${a.e}]`);
    const m = D.log(a);
    return of(a.e === 0 ? m : D.add(m, eLn2(a.e)), 0);
  },
  sqrt(a) {
    // √(m·2^e) = √(2m)·2^((e−1)/2) for odd e (doubling is exact)
    const odd = a.e % 2 !== 0;
    const m = odd ? D.mul(a, { lo: 2, hi: 2 }) : a;
    return of(D.sqrt(m), (odd ? a.e - 1 : a.e) / 2);
  },
  cos: (a) => of(D.cos(plain(a)), 0),
  sin: (a) => of(D.sin(plain(a)), 0),
  square: (a) => of(D.square(a), 2 * a.e),
  abs: (a) => ({ ...D.abs(a), e: a.e }),
  min: (a, b) => aligned(a, b, D.min),
  max: (a, b) => aligned(a, b, D.max),
  hull: (a, b) => aligned(a, b, D.hull),
  approx: (a) => ldexp(D.approx(a), a.e),
  sign: (a) => D.sign(a),
  bounds: (a) => ({ lo: endString(a.lo, a.e, 'lo'), hi: endString(a.hi, a.e, 'hi') }),
  lower: (a) => ({ lo: a.lo, hi: a.lo, e: a.e }),
  upper: (a) => ({ lo: a.hi, hi: a.hi, e: a.e }),
  lowerNumber: (a) => scaled(a.lo, a.e, 'lo'),
  upperNumber: (a) => scaled(a.hi, a.e, 'hi'),
};
