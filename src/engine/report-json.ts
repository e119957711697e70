import { createHash } from 'node:crypto';
import { toJson, type Json } from './serialize.ts';

/**
 * What an instance may contribute to a report: at most this many leaves (numbers, strings,
 * booleans, nulls). Larger instances (a generator of million-element arrays) are truncated.
 */
export const INSTANCE_LEAF_LIMIT = 10_000;
/** A truncated array or string keeps at most this many first elements (characters: 100 times this). */
const FIRST = 100;

/**
 * The marker that replaces a truncated array, string or object with more than FIRST fields: its
 * length (fields), the SHA-256 of its compact JSON (`JSON.stringify` of the exact serialisation,
 * as a whole report would have held it) and its first elements (fields).
 */
export interface Truncated {
  $truncated: { length: number; sha256: string; first: Json };
}

function leavesUpTo(value: unknown, limit: number): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (n > limit) return;
    if (Array.isArray(v)) for (const x of v) {
      walk(x);
      if (n > limit) return;
    }
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) walk(x);
    else n += typeof v === 'string' ? Math.ceil(v.length / 100) : 1;
  };
  walk(value);
  return n;
}

/** SHA-256 of JSON.stringify(toJson(array)), computed element by element (no giant string). */
function arrayHash(xs: readonly unknown[]): string {
  const h = createHash('sha256').update('[');
  xs.forEach((x, i) => h.update((i > 0 ? ',' : '') + JSON.stringify(toJson(x))));
  return h.update(']').digest('hex');
}

/**
 * An instance as a report records it: exactly (toJson) when it is small enough, otherwise with
 * its long arrays and strings replaced by a Truncated marker, within INSTANCE_LEAF_LIMIT leaves.
 */
export function reportJson(value: unknown): Json {
  if (leavesUpTo(value, INSTANCE_LEAF_LIMIT) <= INSTANCE_LEAF_LIMIT) return toJson(value);
  let left = INSTANCE_LEAF_LIMIT;
  const capped = (v: unknown): Json => {
    if (typeof v === 'string' && v.length > FIRST * 100) {
      left -= FIRST;
      return { $truncated: { length: v.length, sha256: createHash('sha256').update(JSON.stringify(v)).digest('hex'), first: v.slice(0, FIRST * 100) } };
    }
    if (Array.isArray(v)) {
      const first: Json[] = [];
      for (let i = 0; i < v.length && i < FIRST && left > 0; i++) first.push(capped(v[i]));
      return first.length === v.length ? first : { $truncated: { length: v.length, sha256: arrayHash(v), first } };
    }
    if (v !== null && typeof v === 'object') {
      // a small object keeps every field (its long arrays are capped); a large one is cut like an array
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
      const out: { [k: string]: Json } = {};
      let kept = 0;
      for (const [k, x] of entries) {
        if (entries.length > FIRST && (kept >= FIRST || left <= 0)) break;
        out[k] = capped(x);
        kept++;
      }
      return kept === entries.length ? out : { $truncated: { length: entries.length, sha256: createHash('sha256').update(JSON.stringify(toJson(v))).digest('hex'), first: out } };
    }
    left--;
    return toJson(v);
  };
  return capped(value);
}

/** Does a recorded instance hold a truncated part (it cannot be rebuilt from the report)? */
export function isTruncated(json: Json): boolean {
  if (Array.isArray(json)) return json.some(isTruncated);
  if (json !== null && typeof json === 'object') return '$truncated' in json || Object.values(json).some(isTruncated);
  return false;
}
