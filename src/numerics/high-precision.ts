import type { Field } from './field.ts';
import { intervalField } from './interval-decimal-field.ts';
import { intervalMpfrField } from './interval-mpfr-field.ts';
import { mpfrReady } from './mpfr.ts';

/** A computation written once over a certified context, whose result leaves it as plain data. */
export type Certified<R> = <T>(F: Field<T>) => R;

/**
 * Run `fn` in a certified context of `digits` significant digits: MPFR enclosures (in their own
 * arena scope) when MPFR is loaded, else, and wherever MPFR throws, Decimal enclosures. Both are
 * rigorous; MPFR is several times faster (no decimal digit arrays, one WebAssembly call per end).
 * The result must not hold values of the context (MPFR handles die with the scope): strings,
 * doubles, booleans.
 */
export function inCertifiedContext<R>(digits: number, fn: Certified<R>): R {
  if (mpfrReady()) {
    const M = intervalMpfrField(digits);
    try {
      return M.scoped(() => fn(M));
    } catch {
      // an operation MPFR rejects (e.g. an enclosure of a log argument reaching below 0), or a
      // computation that cannot decide at this precision: Decimal decides, and throws what it throws
    }
  }
  return fn(intervalField(digits));
}
