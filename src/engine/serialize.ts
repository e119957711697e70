/**
 * Instances as JSON without losing a bit: finite doubles are JSON numbers (JavaScript prints the
 * shortest string that reads back to the same double); −0, ±∞ and NaN become {"$double": "…"}.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const SPECIAL = ['Infinity', '-Infinity', 'NaN', '-0'] as const;

export function toJson(value: unknown): Json {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    return { $double: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  throw new TypeError(`cannot serialise a value of type ${typeof value}`);
}

export function fromJson(value: Json): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.includes('$truncated')) throw new TypeError('the instance was truncated when it was recorded (too large for a report): it cannot be rebuilt from its record');
    if (keys.length === 1 && keys[0] === '$double') {
      const s = value.$double;
      if (typeof s !== 'string' || !(SPECIAL as readonly string[]).includes(s)) throw new TypeError(`bad special double ${JSON.stringify(s)}`);
      return s === '-0' ? -0 : Number(s);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromJson(v);
    return out;
  }
  return value;
}
