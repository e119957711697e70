/**
 * Thrown by a computation that cannot decide something at the precision of its context (a pivot
 * whose enclosure straddles 0, say). Not a wrong input: `certify` retries at a higher precision.
 */
export class InsufficientPrecision extends Error {
  override name = 'InsufficientPrecision';
}
