/**
 * An arithmetic context: the operations a formula needs, over some number type T.
 *
 * Every formula of the reference is written once against this interface and evaluated in any
 * context: plain doubles (fast screening), Decimal at a chosen precision, or a certified enclosure
 * (interval arithmetic with outward/directed rounding, in doubles or in Decimal).
 */
export interface Field<T> {
  /** Short name for reports: 'double', 'decimal', 'interval-double', 'interval-decimal'. */
  readonly name: string;
  /** Significant decimal digits carried (about 15.95 for doubles). */
  readonly digits: number;
  /** True when values are enclosures: results are guaranteed to contain the exact value. */
  readonly certified: boolean;
  /** The exact value of a double (an enclosure of it in interval contexts: exact when representable). */
  fromNumber(x: number): T;
  /** A decimal literal, e.g. "1e-30"; enclosed in interval contexts. */
  fromString(s: string): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  exp(a: T): T;
  /** Natural logarithm; log 0 = −∞. */
  log(a: T): T;
  sqrt(a: T): T;
  /** Cosine and sine (radians); enclosures include every extremum the argument may span. */
  cos(a: T): T;
  sin(a: T): T;
  /** a² (tighter than mul(a, a) for enclosures that contain 0). */
  square(a: T): T;
  abs(a: T): T;
  min(a: T, b: T): T;
  max(a: T, b: T): T;
  /** The smallest enclosure of both values (point contexts, which never straddle, return a). */
  hull(a: T, b: T): T;
  /** A double near the value (the midpoint for enclosures): for choosing shifts, never for verdicts. */
  approx(a: T): number;
  /** Certified sign: −1, 0 or +1 when known, undefined when an enclosure straddles 0. */
  sign(a: T): -1 | 0 | 1 | undefined;
  /** Lower and upper end as decimal strings (equal for point contexts). */
  bounds(a: T): { lo: string; hi: string };
  /** The lower (upper) end as a point of F, exactly; the value itself in point contexts. */
  lower(a: T): T;
  upper(a: T): T;
  /**
   * A double ≤ every value of the enclosure (≥ for upperNumber), ±∞ only when that end is
   * infinite; in point contexts the nearest double. Cheap: no decimal string is built.
   */
  lowerNumber(a: T): number;
  upperNumber(a: T): number;
}

/** Sum of a list (0 for the empty list). */
export function sum<T>(F: Field<T>, xs: readonly T[]): T {
  let s = F.fromNumber(0);
  for (const x of xs) s = F.add(s, x);
  return s;
}

/** Certainly +∞ (both ends of the enclosure). */
export function isPosInfinity<T>(F: Field<T>, x: T): boolean {
  return F.bounds(x).lo === 'Infinity';
}
