import fc from 'fast-check';

/**
 * fc.pre without its cost: fc.pre(false) constructs an Error, and capturing its stack trace takes
 * tens of microseconds, more than checking an instance. fast-check recognises a precondition
 * failure by its footprint, so one failure object, built once, serves every discard.
 */
const failure = new fc.PreconditionFailure();

/** Discard the current run unless `ok` (as fc.pre). */
export function pre(ok: boolean): void {
  if (!ok) throw failure;
}
