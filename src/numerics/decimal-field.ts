import { Decimal } from 'decimal.js';
import { lnEnclosure } from './fast-ln.ts';
import { expEnclosure } from './fast-exp.ts';
import { fastKernels } from './kernels.ts';
import type { Field } from './field.ts';
import { exactDecimalString } from './exact.ts';

/** A Decimal constructor at a given precision and rounding mode, with the widest exponent range. */
export function decimalConstructor(digits: number, rounding: Decimal.Rounding): typeof Decimal {
  if (!Number.isInteger(digits) || digits < 1 || digits > 1e6) {
    throw new RangeError(`precision must be an integer number of digits in [1, 1e6], got ${digits}`);
  }
  return Decimal.clone({ precision: digits, rounding, toExpNeg: -7, toExpPos: 21, minE: -9e15, maxE: 9e15 });
}

const cache = new Map<number, Field<Decimal>>();

/** Decimal arithmetic at `digits` significant digits, rounding half-even: high precision, not certified. */
export function decimalField(digits: number): Field<Decimal> {
  const cached = cache.get(digits);
  if (cached) return cached;
  const D = decimalConstructor(digits, Decimal.ROUND_HALF_EVEN);
  const zero = new D(0);
  const F: Field<Decimal> = {
    name: 'decimal',
    digits,
    certified: false,
    fromNumber: (x) => new D(exactDecimalString(x)),
    fromString: (s) => new D(s),
    add: (a, b) => D.add(a, b),
    sub: (a, b) => D.sub(a, b),
    mul: (a, b) => (a.isZero() || b.isZero() ? zero : D.mul(a, b)),
    div: (a, b) => D.div(a, b),
    neg: (a) => D.mul(a, -1),
    exp: (a) => {
      const e = fastKernels.enabled ? expEnclosure(a, digits) : null;
      return e ? new D(e.lo) : D.exp(a);
    },
    // within one ulp (the lower end of a fixed-point enclosure), at a tenth of decimal.js's cost
    log: (a) => (fastKernels.enabled && a.isFinite() && a.isPositive() && !a.isZero() ? new D(lnEnclosure(a, digits).lo) : D.ln(a)),
    sqrt: (a) => D.sqrt(a),
    cos: (a) => D.cos(a),
    sin: (a) => D.sin(a),
    square: (a) => D.mul(a, a),
    abs: (a) => D.abs(a),
    min: (a, b) => (a.lte(b) ? a : b),
    max: (a, b) => (a.gte(b) ? a : b),
    hull: (a) => a,
    approx: (a) => a.toNumber(),
    sign: (a) => (a.isNaN() ? undefined : (a.isZero() ? 0 : a.isPositive() ? 1 : -1)),
    bounds: (a) => ({ lo: a.toString(), hi: a.toString() }),
    lower: (a) => a,
    upper: (a) => a,
    lowerNumber: (a) => a.toNumber(),
    upperNumber: (a) => a.toNumber(),
  };
  cache.set(digits, F);
  return F;
}
