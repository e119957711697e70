/**
 * f memoised by a key of its arguments, within one thread, holding at most `capacity` units of
 * `weight` (an entry's size: a row of 10⁴ classes weighs 10⁴ of a row of one); the table is
 * cleared when the next entry would pass it.
 */
export function memoByKey<A extends unknown[], R>(f: (...a: A) => R, key: (...a: A) => string, capacity: number, weight: (...a: A) => number = () => 1): (...a: A) => R {
  const table = new Map<string, R>();
  let held = 0;
  return (...a: A): R => {
    const k = key(...a);
    const hit = table.get(k);
    if (hit !== undefined || table.has(k)) return hit as R;
    const w = weight(...a);
    if (held + w > capacity) {
      table.clear();
      held = 0;
    }
    const r = f(...a);
    table.set(k, r);
    held += w;
    return r;
  };
}

/** A key for doubles that keeps every one apart: −0 from 0, −∞ and NaN from each other (JSON would not). */
export const doublesKey = (xs: readonly number[]): string => xs.map((x) => (Object.is(x, -0) ? '-0' : String(x))).join(',');

/**
 * f memoised by the JSON of its argument, within one thread. Properties that share an instance
 * stream (and their controls) draw the same instances, so a costly derivation (a certified proxy,
 * a high-precision decomposition) is computed once. Bounded: the table is cleared when full.
 */
export function memoByJson<A, R>(f: (a: A) => R, limit = 5000): (a: A) => R {
  return memoByKey(f, (a) => JSON.stringify(a), limit);
}

/**
 * f(F, a) memoised per arithmetic context F and the JSON of a: a formula's certify stages each
 * evaluate in one context, and the property, its controls and probes evaluate the same instance
 * in the same contexts. Bounded like memoByJson.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function memoByContext<R extends (F: any, a: any) => unknown>(f: R, limit = 2000): R {
  const tables = new WeakMap<object, Map<string, unknown>>();
  return ((F: object, a: unknown) => {
    let table = tables.get(F);
    if (!table) tables.set(F, (table = new Map()));
    const key = JSON.stringify(a);
    if (table.has(key)) return table.get(key);
    if (table.size >= limit) table.clear();
    const r = f(F, a);
    table.set(key, r);
    return r;
  }) as R;
}
