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
export function inMpfr<R>(digits: number, fn: Certified<R>, decisive?: (e: unknown) => boolean): { value: R } | null {
  if (!mpfrReady()) return null;
  const M = intervalMpfrField(digits);
  try {
    return { value: M.scoped(() => fn(M)) };
  } catch (e) {
    // an error that is itself a certified answer (a pivot certified ≤ 0) is not retried in Decimal
    if (decisive?.(e)) throw e;
    return null;
  }
}

/**
 * Run `fn` in a certified context of `digits` significant digits: MPFR enclosures when they can
 * (several times faster: no decimal digit arrays, one WebAssembly call per end), else Decimal
 * enclosures, which decide and throw what they throw. Both are rigorous. `decisive` names the
 * errors that are answers (thrown from certified comparisons): MPFR's are final.
 */
export function inCertifiedContext<R>(digits: number, fn: Certified<R>, decisive?: (e: unknown) => boolean): R {
  const fast = inMpfr(digits, fn, decisive);
  return fast ? fast.value : fn(intervalField(digits));
}
