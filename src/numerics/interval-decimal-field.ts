import { Decimal } from 'decimal.js';
import { lnEnclosure } from './fast-ln.ts';
import { expEnclosure } from './fast-exp.ts';
import { trigEnclosure } from './fast-trig.ts';
import { fastKernels } from './kernels.ts';
import type { Field } from './field.ts';
import type { Interval } from './interval.ts';
import { exactDecimalString, nextDown } from './exact.ts';
import { decimalConstructor } from './decimal-field.ts';
import { extremaIn, type EndOps } from './trig-extrema.ts';

/** A certified enclosure with Decimal ends (the values of `intervalField(digits)`). */
export type DecimalInterval = Interval<Decimal>;

const cache = new Map<number, Field<DecimalInterval>>();

/** A double ≤ x: the nearest double, stepped down when it lies above x (−∞ or +∞ only when x is). */
export function toDoubleBelow(x: Decimal): number {
  if (!x.isFinite()) return x.toNumber();
  const n = x.toNumber();
  if (n === Infinity) return Number.MAX_VALUE;
  if (n === -Infinity || !new Decimal(exactDecimalString(n)).gt(x)) return n;
  return nextDown(n);
}

/**
 * Certified enclosures in Decimal: every lower end is computed with rounding toward −∞ and every
 * upper end toward +∞. decimal.js rounds +, −, ×, ÷, √, exp and ln correctly in the active
 * rounding mode, so each end is a rigorous bound of the exact result.
 */
export function intervalField(digits: number): Field<DecimalInterval> {
  const cached = cache.get(digits);
  if (cached) return cached;
  const Dn = decimalConstructor(digits, Decimal.ROUND_FLOOR);
  const Up = decimalConstructor(digits, Decimal.ROUND_CEIL);
  const zero = new Dn(0);
  const posInf = new Up(Infinity);
  const negInf = new Dn(-Infinity);
  const whole: DecimalInterval = { lo: negInf, hi: posInf };
  // below this relative width an enclosure is narrow: ln's upper end follows from its lower one
  const narrow = new Up(`1e-${Math.ceil(digits / 2)}`);

  // 0·∞ = 0: the measure-theoretic convention, and the only case where Decimal would give NaN.
  const mulDn = (a: Decimal, b: Decimal) => (a.isZero() || b.isZero() ? zero : Dn.mul(a, b));
  const mulUp = (a: Decimal, b: Decimal) => (a.isZero() || b.isZero() ? zero : Up.mul(a, b));
  const minOf = (xs: Decimal[]) => xs.reduce((m, x) => (x.lt(m) ? x : m));
  const maxOf = (xs: Decimal[]) => xs.reduce((m, x) => (x.gt(m) ? x : m));
  const guard = (r: DecimalInterval): DecimalInterval => (r.lo.isNaN() || r.hi.isNaN() ? whole : r);

  // cos/sin: decimal.js evaluates them with guard digits but does not promise correct rounding in
  // every mode, so each end is computed 10 digits finer and padded by 10^−digits (|cos|, |sin| ≤ 1).
  const Fine = decimalConstructor(digits + 10, Decimal.ROUND_HALF_EVEN);
  const pad = new Dn(`1e-${digits}`);
  // π only when trig is used: decimal.js knows π to about 1025 digits
  let piCache: DecimalInterval | undefined;
  const piEnclosure = (): DecimalInterval => {
    if (digits > 1000) throw new RangeError(`cos/sin at ${digits} digits: decimal.js knows π to about 1025 digits`);
    return (piCache ??= { lo: Dn.sub(Dn.acos(-1), pad), hi: Up.add(Up.acos(-1), pad) });
  };
  const ends: EndOps<Decimal> = { mulDown: (m, x) => Dn.mul(x, m), mulUp: (m, x) => Up.mul(x, m), le: (a, b) => a.lte(b), toNumber: (x) => x.toNumber() };
  /** Enclosure of cos or sin at one point: the fixed-point kernel, else decimal.js padded by 10^−digits. */
  const at = (f: 'cos' | 'sin', x: Decimal): DecimalInterval => {
    const e = fastKernels.enabled ? trigEnclosure(f, x, digits) : null;
    if (e) return e;
    const v = Fine[f](x);
    return { lo: Dn.sub(v, pad), hi: Up.add(v, pad) };
  };
  const trig = (f: 'cos' | 'sin', shift: 0 | 0.5, a: DecimalInterval): DecimalInterval => {
    const one = new Dn(1), minusOne = new Dn(-1);
    const atLo = at(f, a.lo), atHi = a.hi.eq(a.lo) ? atLo : at(f, a.hi);
    const low = minOf([atLo.lo, atHi.lo]), high = maxOf([atLo.hi, atHi.hi]);
    let lo = low.lt(minusOne) ? minusOne : low, hi = high.gt(one) ? one : high;
    for (const e of extremaIn(ends, a.lo, a.hi, piEnclosure().lo, piEnclosure().hi, shift)) e === 1 ? (hi = one) : (lo = minusOne);
    return lo.isNaN() || hi.isNaN() ? { lo: minusOne, hi: one } : { lo, hi };
  };

  const F: Field<DecimalInterval> = {
    name: 'interval-decimal',
    digits,
    certified: true,
    fromNumber(x) {
      // a double is exact in Decimal: one (immutable) value serves as both ends
      const d = new Dn(exactDecimalString(x));
      return { lo: d, hi: d };
    },
    fromString(s) {
      // Parsing is exact; rounding to the working precision happens outward.
      return { lo: Dn.add(new Dn(s), 0), hi: Up.add(new Up(s), 0) };
    },
    add: (a, b) => guard({ lo: Dn.add(a.lo, b.lo), hi: Up.add(a.hi, b.hi) }),
    sub: (a, b) => guard({ lo: Dn.sub(a.lo, b.hi), hi: Up.sub(a.hi, b.lo) }),
    mul(a, b) {
      if (a.lo.gte(0) && b.lo.gte(0)) return { lo: mulDn(a.lo, b.lo), hi: mulUp(a.hi, b.hi) };
      const lo = minOf([mulDn(a.lo, b.lo), mulDn(a.lo, b.hi), mulDn(a.hi, b.lo), mulDn(a.hi, b.hi)]);
      const hi = maxOf([mulUp(a.lo, b.lo), mulUp(a.lo, b.hi), mulUp(a.hi, b.lo), mulUp(a.hi, b.hi)]);
      return guard({ lo, hi });
    },
    div(a, b) {
      if (b.lo.lte(0) && b.hi.gte(0)) {
        if (a.lo.isZero() && a.hi.isZero() && !(b.lo.isZero() && b.hi.isZero())) return { lo: zero, hi: zero };
        return whole;
      }
      if (a.lo.gte(0) && b.lo.gt(0)) return guard({ lo: Dn.div(a.lo, b.hi), hi: Up.div(a.hi, b.lo) });
      const lo = minOf([Dn.div(a.lo, b.lo), Dn.div(a.lo, b.hi), Dn.div(a.hi, b.lo), Dn.div(a.hi, b.hi)]);
      const hi = maxOf([Up.div(a.lo, b.lo), Up.div(a.lo, b.hi), Up.div(a.hi, b.lo), Up.div(a.hi, b.hi)]);
      return guard({ lo, hi });
    },
    neg: (a) => ({ lo: Dn.mul(a.hi, -1), hi: Up.mul(a.lo, -1) }),
    exp(a) {
      // fixed-point kernel (null beyond |x| < 2^40: decimal.js); a narrow enclosure needs one
      // evaluation: e^hi = e^lo·e^d ≤ e^lo·(1 + d + d²) for d = hi − lo ≤ 1
      if (!fastKernels.enabled) return { lo: Dn.exp(a.lo), hi: Up.exp(a.hi) };
      const low = expEnclosure(a.lo, digits);
      const lo = low ? low.lo : Dn.exp(a.lo);
      if (low && a.hi.eq(a.lo)) return { lo, hi: low.hi };
      const d = Up.sub(a.hi, a.lo);
      if (low && d.lt(narrow)) return { lo, hi: Up.mul(low.hi, Up.add(1, Up.add(d, Up.mul(d, d)))) };
      return { lo, hi: expEnclosure(a.hi, digits)?.hi ?? Up.exp(a.hi) };
    },
    log(a) {
      if (a.hi.lt(0)) throw new RangeError(`log of a negative enclosure [${a.lo}, ${a.hi}]`);
      // the fixed-point kernel encloses ln at a tenth of decimal.js's cost; infinities go to decimal.js
      if (!fastKernels.enabled) return { lo: a.lo.lte(0) ? negInf : Dn.ln(a.lo), hi: a.hi.isZero() ? negInf : Up.ln(a.hi) };
      const low = a.lo.lte(0) || !a.lo.isFinite() ? null : lnEnclosure(a.lo, digits);
      const lo = a.lo.lte(0) ? negInf : low ? low.lo : Dn.ln(a.lo);
      if (a.hi.isZero()) return { lo, hi: negInf };
      if (!a.hi.isFinite()) return { lo, hi: Up.ln(a.hi) };
      if (!low) return { lo, hi: lnEnclosure(a.hi, digits).hi };
      if (a.hi.eq(a.lo)) return { lo, hi: low.hi };
      // a narrow enclosure needs one evaluation too: ln hi ≤ ln lo + (hi − lo)/lo (concavity)
      const rel = Up.div(Up.sub(a.hi, a.lo), a.lo);
      return { lo, hi: rel.lt(narrow) ? Up.add(low.hi, rel) : lnEnclosure(a.hi, digits).hi };
    },
    cos: (a) => trig('cos', 0, a),
    sin: (a) => trig('sin', 0.5, a),
    sqrt(a) {
      if (a.hi.lt(0)) throw new RangeError(`sqrt of a negative enclosure [${a.lo}, ${a.hi}]`);
      return { lo: a.lo.lte(0) ? zero : Dn.sqrt(a.lo), hi: Up.sqrt(a.hi) };
    },
    square(a) {
      if (a.lo.gte(0)) return { lo: mulDn(a.lo, a.lo), hi: mulUp(a.hi, a.hi) };
      if (a.hi.lte(0)) return { lo: mulDn(a.hi, a.hi), hi: mulUp(a.lo, a.lo) };
      return { lo: zero, hi: maxOf([mulUp(a.lo, a.lo), mulUp(a.hi, a.hi)]) };
    },
    abs(a) {
      if (a.lo.gte(0)) return a;
      if (a.hi.lte(0)) return F.neg(a);
      return { lo: zero, hi: maxOf([Up.abs(a.lo), a.hi]) };
    },
    min: (a, b) => ({ lo: a.lo.lt(b.lo) ? a.lo : b.lo, hi: a.hi.lt(b.hi) ? a.hi : b.hi }),
    max: (a, b) => ({ lo: a.lo.gt(b.lo) ? a.lo : b.lo, hi: a.hi.gt(b.hi) ? a.hi : b.hi }),
    hull: (a, b) => ({ lo: a.lo.lt(b.lo) ? a.lo : b.lo, hi: a.hi.gt(b.hi) ? a.hi : b.hi }),
    approx(a) {
      const lo = a.lo.toNumber();
      const hi = a.hi.toNumber();
      if (lo === -Infinity && hi === Infinity) return 0;
      if (!Number.isFinite(lo)) return hi;
      if (!Number.isFinite(hi)) return lo;
      return lo + (hi - lo) / 2;
    },
    sign(a) {
      if (a.lo.gt(0)) return 1;
      if (a.hi.lt(0)) return -1;
      if (a.lo.isZero() && a.hi.isZero()) return 0;
      return undefined;
    },
    bounds: (a) => ({ lo: a.lo.toString(), hi: a.hi.toString() }),
    lower: (a) => ({ lo: a.lo, hi: a.lo }),
    upper: (a) => ({ lo: a.hi, hi: a.hi }),
    lowerNumber: (a) => toDoubleBelow(a.lo),
    upperNumber: (a) => -toDoubleBelow(a.hi.neg()),
  };
  cache.set(digits, F);
  return F;
}
