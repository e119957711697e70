import { Decimal as BaseDecimal } from 'decimal.js';
import type { Certificate, Enclosure, PrecisionPolicy } from '../numerics/certify.ts';
import type { InstanceRecord } from './check-instance.ts';

/**
 * How much of a bound's room the informative instances use: room used = (lhs − base)/(rhs − base),
 * 1 when the bound is attained, ≤ 0 when the quantity does not even exceed the base.
 */
export interface RoomSummary {
  /** informative instances with a certified room (sampled and searched) */
  count: number;
  /** the largest room used: its enclosure at the working precision, with its instance */
  best: { room: Enclosure; instance: InstanceRecord; found: 'sampled' | 'search' } | null;
  /** certified bracket of the largest room used over all informative instances: [max of lower ends, max of upper ends] */
  sup: Enclosure | null;
  /** quantiles of the room used (midpoints of the certified enclosures) */
  quantiles: { p10: number; median: number; p90: number; max: number } | null;
  /** room used reaches 1 to the working precision on an informative instance */
  sharp: boolean;
}

// enclosure ends carry up to a few hundred digits: compare them exactly
const Decimal = BaseDecimal.clone({ precision: 2000 });

/** The room enclosure lies within 10^−(digits − guard) of 1. */
export function isSharp(room: Enclosure | null, policy: PrecisionPolicy): boolean {
  if (room === null || /NaN|Infinity/.test(room.lo + room.hi)) return false;
  const eps = new Decimal(10).pow(-(policy.digits - policy.guardDigits));
  return new Decimal(room.lo).gte(new Decimal(1).minus(eps)) && new Decimal(room.hi).lte(new Decimal(1).plus(eps));
}

const maxString = (a: string, b: string) => (new Decimal(a).gte(new Decimal(b)) ? a : b);

/** Accumulates the room used over a property's informative instances. */
export class RoomTracker {
  private readonly values: number[] = [];
  private sup: Enclosure | null = null;
  private bestLo = -Infinity;
  best: { instance: unknown; found: 'sampled' | 'search' } | null = null;

  /** Instances are ranked by the certified lower end of their room: the best is the largest room shown. */
  add(instance: unknown, c: Certificate, found: 'sampled' | 'search'): void {
    if (c.class !== 'informative' || c.room === null || c.roomApprox === null || c.roomLo === null || c.verdict === 'undecided') return;
    if (/NaN/.test(c.room.lo + c.room.hi)) return;
    this.values.push(c.roomApprox);
    this.sup = this.sup === null ? { ...c.room } : { lo: maxString(this.sup.lo, c.room.lo), hi: maxString(this.sup.hi, c.room.hi) };
    if (c.roomLo > this.bestLo) {
      this.bestLo = c.roomLo;
      this.best = { instance, found };
    }
  }

  get count(): number {
    return this.values.length;
  }

  /**
   * The summary, with the best instance re-certified at the working precision by `recertify`, and
   * at higher precision while its room enclosure straddles the edge of the ε-ball around 1 (the
   * room of an instance can lose digits to cancellation that its margin does not).
   */
  summary(policy: PrecisionPolicy, recertify: (instance: unknown, digits: number) => InstanceRecord | null): RoomSummary {
    const s = [...this.values].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    let rec = this.best ? recertify(this.best.instance, policy.digits) : null;
    for (let digits = 2 * policy.digits; rec?.room && straddlesSharp(rec.room, policy) && digits <= policy.maxDigits; digits *= 2) rec = recertify(this.best!.instance, digits) ?? rec;
    const best = rec && rec.room ? { room: rec.room, instance: rec, found: this.best!.found } : null;
    return {
      count: s.length,
      best,
      sup: this.sup,
      quantiles: s.length ? { p10: q(0.1), median: q(0.5), p90: q(0.9), max: s[s.length - 1] } : null,
      sharp: best !== null && isSharp(best.room, policy),
    };
  }
}

/** The enclosure reaches into the ε-ball around 1 without lying inside it: more digits could decide. */
function straddlesSharp(room: Enclosure, policy: PrecisionPolicy): boolean {
  if (/NaN|Infinity/.test(room.lo + room.hi) || isSharp(room, policy)) return false;
  const eps = new Decimal(10).pow(-(policy.digits - policy.guardDigits));
  return new Decimal(room.hi).gte(new Decimal(1).minus(eps)) && new Decimal(room.lo).lte(new Decimal(1).plus(eps));
}
