import { certify, type Certificate, type Enclosure, type PrecisionPolicy } from '../numerics/certify.ts';
import type { AnyProperty, Established, NegativeControl } from './property.ts';
import { toJson, type Json } from './serialize.ts';

/** One certified instance as the report keeps it: serialised bit for bit, with its enclosures. */
export interface InstanceRecord {
  instance: Json;
  lhs: Enclosure;
  rhs: Enclosure;
  margin: Enclosure;
  digits: number;
  context: string;
}

export const record = (instance: unknown, c: Certificate): InstanceRecord => ({
  instance: toJson(instance),
  lhs: c.lhs,
  rhs: c.rhs,
  margin: c.margin,
  digits: c.digits,
  context: c.context,
});

/** Evaluate one instance of a property (or of a control) to a certificate; null when a hypothesis fails. */
export function checkInstance(prop: AnyProperty, instance: unknown, policy: PrecisionPolicy, control?: NegativeControl<unknown, unknown>, established?: Established<unknown>): { est: Established<unknown>; cert: Certificate | null } {
  const est = established ?? (control?.establish ?? prop.establish)?.(instance) ?? { hypotheses: [], derived: undefined };
  if (est.hypotheses.some((h) => !h.established)) return { est, cert: null };
  const sides = control?.sides ?? prop.sides;
  const relation = control?.relation ?? prop.relation;
  return { est, cert: certify((F) => sides(F, instance, est.derived), relation, policy) };
}

/** Re-certify an instance in Decimal at the working precision, for the report. */
export function atWorkingPrecision(prop: AnyProperty, instance: unknown, policy: PrecisionPolicy, control?: NegativeControl<unknown, unknown>): Certificate | null {
  return checkInstance(prop, instance, { ...policy, noScreen: true, startDigits: policy.digits }, control).cert;
}

/**
 * How close an instance is to the bound: the margin relative to max(1, |lhs|, |rhs|) (the
 * report's relative slack), 0 when attained, −∞ when violated with an infinite side, +∞ when the
 * right side is +∞. Smaller is tighter; negative is violated.
 */
export function relativeSlack(c: Certificate): number {
  if (c.verdict === 'attained') return 0;
  if (!Number.isFinite(c.scale)) return c.verdict === 'violated' ? -Infinity : Infinity;
  return c.marginApprox / c.scale;
}
