const BRAND = Symbol.for('kd-verify.InsufficientPrecision');

/**
 * Thrown by a computation that cannot decide something at the precision of its context (a pivot
 * whose enclosure straddles 0, say). Not a wrong input: `certify` retries at a higher precision.
 * A claims file may throw it too. `instanceof` recognises it from any copy of kd-verify (a
 * CommonJS claims file can load a second copy of the package).
 */
export class InsufficientPrecision extends Error {
  override name = 'InsufficientPrecision';
  readonly [BRAND] = true;
  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true;
  }
}
