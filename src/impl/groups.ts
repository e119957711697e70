import type { Json } from '../engine/serialize.ts';
import type { Verdict } from './expected.ts';
import type { Args } from './protocol.ts';

/**
 * Distinct defects hide each other when a function keeps one witness per kind of disagreement, so
 * disagreements are grouped by kind, by input class and by the form of the wrong answer, and each
 * group gets its own shrunk witness.
 */
export interface GroupKey {
  verdict: Exclude<Verdict, 'agree'>;
  /** the generator's class, refined by the special content of the arguments (e.g. `x:mixed[+∞]`) */
  inputClass: string;
  /** NaN, +∞, −∞, finite, `error: <message, numbers stripped>`, or malformed */
  form: string;
}

/** Groups shrunk per function; the rest are listed with their counts. */
export const MAX_GROUPS = 8;

/** Finite magnitudes from which an argument counts as huge (overflow territory in either format). */
const HUGE = 1e30;

/**
 * The special content of the arguments, most telling first: NaN, +∞, all −∞, −∞, huge (|x| ≥
 * 1e30), subnormal (in the format judged), empty. All −∞ logits, a +∞ logit and a huge finite
 * logit are different classes.
 */
export function contentTags(args: Args, minNormal = 2 ** -1022): string[] {
  const tags = new Set<string>();
  for (const v of Object.values(args)) {
    if (typeof v === 'string') continue; // a word (kd_loss's reduction)
    if (typeof v !== 'number' && v.length === 0) tags.add('empty');
    const xs = (typeof v === 'number' ? [v] : (v as unknown[]).flat()) as number[];
    if (xs.some(Number.isNaN)) tags.add('NaN');
    if (xs.includes(Infinity)) tags.add('+∞');
    if (xs.length > 0 && xs.every((x) => x === -Infinity)) tags.add('all −∞');
    else if (xs.includes(-Infinity)) tags.add('−∞');
    if (xs.some((x) => Number.isFinite(x) && Math.abs(x) >= HUGE)) tags.add('huge');
    if (xs.some((x) => x !== 0 && Math.abs(x) < minNormal)) tags.add('subnormal');
  }
  return TAG_ORDER.filter((t) => tags.has(t));
}
const TAG_ORDER = ['NaN', '+∞', 'all −∞', '−∞', 'huge', 'subnormal', 'empty'];

/** The input class of a disagreement: the generator's class refined by the most telling tag (one, so a defect does not split into every combination). */
export const inputClassOf = (label: string, args: Args, minNormal?: number): string => {
  const [tag] = contentTags(args, minNormal);
  return tag ? `${label}[${tag}]` : label;
};

/** The form of an answer: what kind of wrong it is, independent of the exact numbers. */
export function formOf(got: Json): string {
  if (typeof got === 'object' && got !== null && !Array.isArray(got)) {
    if ('error' in got) return `error: ${String(got.error).replace(/[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/g, '#').slice(0, 80)}`;
    if ('malformed' in got) return 'malformed';
  }
  const flat = (x: Json): Json[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);
  const specials = flat(got).map((x) => (typeof x === 'object' && x !== null && '$double' in x ? String((x as { $double: string }).$double) : null));
  if (specials.includes('NaN')) return 'NaN';
  if (specials.includes('Infinity')) return '+∞';
  if (specials.includes('-Infinity')) return '−∞';
  return 'finite';
}

export const keyString = (k: GroupKey): string => `${k.verdict}|${k.inputClass}|${k.form}`;

/**
 * Which groups get a witness, at most `max`: first one group per distinct (kind, form), in the
 * order they were first seen, then the others in that order. Returns indices into `groups`.
 */
export function chooseGroups(groups: readonly GroupKey[], max = MAX_GROUPS): number[] {
  const chosen: number[] = [];
  const forms = new Set<string>();
  groups.forEach((g, i) => {
    const f = `${g.verdict}|${g.form}`;
    if (chosen.length < max && !forms.has(f)) {
      forms.add(f);
      chosen.push(i);
    }
  });
  groups.forEach((_, i) => {
    if (chosen.length < max && !chosen.includes(i)) chosen.push(i);
  });
  return chosen.sort((a, b) => a - b);
}
