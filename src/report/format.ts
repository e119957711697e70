/**
 * Numbers for tables and sentences: enclosures carry up to hundreds of digits; a reader wants 4–6
 * significant ones. The full enclosures stay in report.json (and in expandable details).
 */
import { Decimal } from 'decimal.js';

/** A decimal string or number at `n` significant digits (exponent form outside 1e-3 … 1e5). */
export function sig(x: string | number, n = 5): string {
  const v = typeof x === 'number' ? x : Number(x);
  if (Number.isNaN(v)) return String(x);
  if (!Number.isFinite(v) && typeof x === 'number') return v > 0 ? '∞' : '−∞';
  // beyond the double range (a margin of 3e-350, a bound of 1e400) the decimal string is read exactly
  if (typeof x === 'string' && (v === 0 || !Number.isFinite(v)) && /[1-9]/.test(x.split(/e/i)[0]) && !/Infinity/.test(x)) {
    return new Decimal(x).toSignificantDigits(n).toExponential().replace(/\.?0+e/, 'e').replace(/^-/, '−');
  }
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(n))) : v.toExponential(n - 1).replace(/\.?0+e/, 'e');
  return s.replace(/^-/, '−');
}

/** An enclosure as one number when its ends agree to `n` digits, else as [lo, hi]. */
export function enclosureText(e: { lo: string; hi: string } | null | undefined, n = 5): string {
  if (!e) return '—';
  const a = sig(e.lo, n), b = sig(e.hi, n);
  return a === b ? a : `[${a}, ${b}]`;
}

/** The share k/total as a percentage with at most one decimal (0 % only when k = 0). */
export function share(k: number, total: number): string {
  if (total === 0) return '—';
  const p = (100 * k) / total;
  return `${k > 0 && p < 0.1 ? '<0.1' : p >= 10 || Number.isInteger(p) ? Math.round(p) : p.toFixed(1)}%`;
}

/** An instance as compact JSON, cut at `max` characters. */
export function instanceText(x: unknown, max = 240): string {
  const s = JSON.stringify(x);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** The room used shown in tables: the best enclosure at 4 digits, or why there is none (an identity, a sign or order condition). */
export function roomCell(room: { best: { room: { lo: string; hi: string } } | null; count: number } | null | undefined, relation?: string): string {
  if (!room) return relation === 'eq' ? 'identity' : 'no room';
  if (!room.best) return room.count === 0 ? 'no informative instance' : '—';
  return enclosureText(room.best.room, 4);
}

/**
 * The largest room used for a bar: the upper end of the best enclosure in [0, 1], and whether it
 * lies above 1 although the bound holds (then room used is no share of the bound: its base does
 * not fit the property, and the bar says so instead of looking sharp). Null when there is none.
 */
export function roomFraction(room: { best: { room: { lo: string; hi: string } } | null } | null | undefined): { value: number; above: boolean } | null {
  if (!room?.best) return null;
  const v = Number(room.best.room.hi);
  return Number.isFinite(v) ? { value: Math.max(0, Math.min(1, v)), above: Number(room.best.room.lo) > 1 + 1e-9 } : null;
}
