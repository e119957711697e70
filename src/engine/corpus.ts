import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../package-root.ts';
import type { Json } from './serialize.ts';
import { fromJson } from './serialize.ts';

/**
 * The counterexample corpus: instances that once violated a property, or refuted a negative
 * control or a probe, kept in `corpus/<claim>.json` (the values, not only seed and path) and run
 * first on every run through fast-check's `examples`, so a found violation stays a regression case
 * and every recorded finding is reproduced before any random instance is drawn.
 */
export interface CorpusEntry {
  property: string;
  /** null for the property itself, else the id of the control or probe the instance refuted */
  variant: string | null;
  instance: Json;
  note: string;
}

export const CORPUS_DIR = packagePath('corpus');

let cache: CorpusEntry[] | undefined;

export function loadCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  if (dir === CORPUS_DIR && cache) return cache;
  const entries = !existsSync(dir) ? [] : readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { entries?: CorpusEntry[] };
    if (!Array.isArray(data.entries)) throw new Error(`corpus file ${f} has no 'entries' array`);
    return data.entries;
  });
  if (dir === CORPUS_DIR) cache = entries;
  return entries;
}

/** The corpus instances of a property (variant null) or of one of its controls or probes. */
export function examplesFor(property: string, variant: string | null): unknown[][] {
  return loadCorpus().filter((e) => e.property === property && e.variant === variant).map((e) => [fromJson(e.instance)]);
}

/**
 * New corpus entries from a report: every property counterexample and every refuted probe's
 * witness (findings to keep reproducible). Control witnesses are not kept: a control measures
 * whether the generator itself still refutes the wrong variant.
 */
export function newEntries(report: { claims: Array<{ properties: Array<{ id: string; counterexample: { instance: Json } | null; probes: Array<{ id: string; refuted: boolean; witness: { instance: Json } | null }> }> }> }, known: readonly CorpusEntry[], note: string): CorpusEntry[] {
  const key = (e: Pick<CorpusEntry, 'property' | 'variant' | 'instance'>) => JSON.stringify([e.property, e.variant, e.instance]);
  const seen = new Set(known.map(key));
  const out: CorpusEntry[] = [];
  const add = (e: CorpusEntry) => {
    if (seen.has(key(e))) return;
    seen.add(key(e));
    out.push(e);
  };
  for (const c of report.claims)
    for (const p of c.properties) {
      if (p.counterexample) add({ property: p.id, variant: null, instance: p.counterexample.instance, note });
      for (const q of p.probes) if (q.refuted && q.witness) add({ property: p.id, variant: q.id, instance: q.witness.instance, note });
    }
  return out;
}

/** Corpus files by claim (`corpus/<claim>.json`), all entries sorted for stable diffs. */
export function corpusFiles(entries: readonly CorpusEntry[]): Array<[string, string]> {
  const byClaim = new Map<string, CorpusEntry[]>();
  for (const e of entries) {
    const claim = e.property.split('/')[0];
    byClaim.set(claim, [...(byClaim.get(claim) ?? []), e]);
  }
  return [...byClaim].sort(([a], [b]) => a.localeCompare(b)).map(([claim, es]) => [`${claim}.json`, JSON.stringify({ entries: es.sort((a, b) => (a.property + (a.variant ?? '')).localeCompare(b.property + (b.variant ?? ''))) }, null, 1) + '\n']);
}
