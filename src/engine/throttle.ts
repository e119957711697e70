import type { ProgressFn } from './run-property.ts';

/** Forward progress at most every `ms` milliseconds, and always the end of a phase. */
export function throttled(fn: ProgressFn, ms = 200): ProgressFn {
  let last = 0;
  return (phase, done, total) => {
    const now = Date.now();
    if (done < total && now - last < ms) return;
    last = now;
    fn(phase, done, total);
  };
}
