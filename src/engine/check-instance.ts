import { certify, type Certificate, type Enclosure, type InstanceClass, type PrecisionPolicy } from '../numerics/certify.ts';
import { InsufficientPrecision } from '../numerics/insufficient-precision.ts';
import type { AnyProperty, Established, NegativeControl } from './property.ts';
import type { Json } from './serialize.ts';
import { reportJson } from './report-json.ts';

/** One certified instance as the report keeps it: serialised bit for bit, with its enclosures. */
export interface InstanceRecord {
  instance: Json;
  lhs: Enclosure;
  rhs: Enclosure;
  margin: Enclosure;
  digits: number;
  context: string;
  class: InstanceClass;
  /** why the instance is degenerate or vacuous */
  reason: string | null;
  /** room used (lhs − base)/(rhs − base), on informative instances of an inequality */
  room: Enclosure | null;
}

export const record = (instance: unknown, c: Certificate): InstanceRecord => ({
  instance: reportJson(instance),
  lhs: c.lhs,
  rhs: c.rhs,
  margin: c.margin,
  digits: c.digits,
  context: c.context,
  class: c.class,
  reason: c.reason,
  room: c.room,
});

const nan = { lo: 'NaN', hi: 'NaN' };
/** An instance whose hypotheses could not be decided at the highest precision allowed. */
const undecidedHypotheses = (why: string): Certificate => ({
  verdict: 'undecided', class: 'informative', reason: why, context: 'establish', digits: 0, lhs: nan, rhs: nan, margin: nan, marginApprox: NaN, scale: NaN, room: null, roomApprox: null, roomLo: null,
});

/** Evaluate one instance of a property (or of a control) to a certificate; null when a hypothesis fails. */
export function checkInstance(prop: AnyProperty, instance: unknown, policy: PrecisionPolicy, control?: NegativeControl<unknown, unknown>, established?: Established<unknown>): { est: Established<unknown>; cert: Certificate | null } {
  let est: Established<unknown>;
  try {
    est = established ?? (control?.establish ?? prop.establish)?.(instance) ?? { hypotheses: [], derived: undefined };
  } catch (e) {
    // a hypothesis that needs more digits than the policy allows: undecided, not an error
    if (e instanceof InsufficientPrecision) return { est: { hypotheses: [], derived: undefined }, cert: undecidedHypotheses(e.message) };
    throw e;
  }
  if (est.hypotheses.some((h) => !h.established)) return { est, cert: null };
  const sides = control?.sides ?? prop.sides;
  const relation = control?.relation ?? prop.relation;
  // a control is a different relation: only the property's own sides are checked as an identity
  const degenerate = control ? null : prop.degenerate?.(instance, est.derived) ?? null;
  const attains = control || degenerate !== null ? null : prop.attains?.(instance, est.derived) ?? null;
  const identity = degenerate !== null ? { class: 'degenerate' as const, reason: degenerate } : attains !== null ? { class: 'informative' as const, reason: attains } : null;
  const noRoom = prop.bound === undefined ? relation === 'lt' : !prop.bound;
  return { est, cert: certify((F) => sides(F, instance, est.derived), relation, policy, { identity, noRoom }) };
}

/** The property's own class of an instance (for a control's witness: one on a degenerate instance does not count). */
export function instanceClassOf(prop: AnyProperty, instance: unknown, policy: PrecisionPolicy): Certificate | null {
  return checkInstance(prop, instance, policy).cert;
}

/** Re-certify an instance in Decimal from the working precision (or from `digits`), for the report. */
export function atWorkingPrecision(prop: AnyProperty, instance: unknown, policy: PrecisionPolicy, control?: NegativeControl<unknown, unknown>, digits = policy.digits): Certificate | null {
  return checkInstance(prop, instance, { ...policy, noScreen: true, startDigits: digits }, control).cert;
}

/**
 * The margin relative to the certified magnitude of the computation (not floored at 1), for the
 * slack statistics of informative instances; null when there is none (an infinite side, or a
 * magnitude that could not be separated from 0).
 */
export function relativeSlack(c: Certificate): number | null {
  if (!Number.isFinite(c.marginApprox) || !(c.scale > 0)) return c.marginApprox === 0 ? 0 : null;
  return c.marginApprox / c.scale;
}

/**
 * The search's objective: the room a bound leaves unused, 1 − room used (0: sharp), measured from
 * the certified lower end of the room, on informative instances that satisfy the bound; −∞ for a
 * violation; +∞ when the instance tells nothing.
 */
export function roomGap(c: Certificate): number {
  if (c.verdict === 'violated') return -Infinity;
  if (c.class !== 'informative' || c.roomLo === null || !Number.isFinite(c.roomLo) || c.verdict === 'undecided') return Infinity;
  return Math.max(0, 1 - c.roomLo);
}
