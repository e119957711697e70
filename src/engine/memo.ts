/**
 * f memoised by the JSON of its argument, within one thread. Properties that share an instance
 * stream (and their controls) draw the same instances, so a costly derivation (a certified proxy,
 * a high-precision decomposition) is computed once. Bounded: the table is cleared when full.
 */
export function memoByJson<A, R>(f: (a: A) => R, limit = 5000): (a: A) => R {
  const table = new Map<string, R>();
  return (a: A): R => {
    const key = JSON.stringify(a);
    if (table.has(key)) return table.get(key)!;
    if (table.size >= limit) table.clear();
    const r = f(a);
    table.set(key, r);
    return r;
  };
}
