import type { Field } from './field.ts';
import { intervalField } from './interval-decimal-field.ts';
import { intervalMpfrField } from './interval-mpfr-field.ts';
import { mpfrReady } from './mpfr.ts';

/** A computation written once over a certified context, whose result leaves it as plain data. */
export type Certified<R> = <T>(F: Field<T>) => R;

/**
 * `fn` in MPFR enclosures of `digits` significant digits, in their own arena scope: its result,
 * or null when MPFR is not loaded in this thread or `fn` threw there (an operation MPFR rejects,
 * such as a log argument whose enclosure reaches below 0, or a branch it cannot decide). The
 * result must not hold values of the context (their handles die with the scope).
 */
export function inMpfr<R>(digits: number, fn: Certified<R>): { value: R } | null {
  if (!mpfrReady()) return null;
  const M = intervalMpfrField(digits);
  try {
    return { value: M.scoped(() => fn(M)) };
  } catch {
    return null;
  }
}

/**
 * Run `fn` in a certified context of `digits` significant digits: MPFR enclosures when they can
 * (several times faster: no decimal digit arrays, one WebAssembly call per end), else Decimal
 * enclosures, which decide and throw what they throw. Both are rigorous.
 */
export function inCertifiedContext<R>(digits: number, fn: Certified<R>): R {
  const fast = inMpfr(digits, fn);
  return fast ? fast.value : fn(intervalField(digits));
}
