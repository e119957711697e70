import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { INSTALLED, PACKAGE_ROOT, packagePath } from '../package-root.ts';
import type { Json } from './serialize.ts';
import { fromJson } from './serialize.ts';
import { isTruncated } from './report-json.ts';

/**
 * The counterexample corpus: instances that once violated a property, or refuted a negative
 * control or a probe, kept in `corpus/<claim>.json` (the values, not only seed and path) and run
 * first on every run through fast-check's `examples`, so a found violation stays a regression case
 * and every recorded finding is reproduced before any random instance is drawn.
 *
 * Two places: the corpus bundled with kd-verify (its own findings, read-only when it is installed)
 * and the user's corpus in their project (`--corpus DIR`, default `.kdverify/corpus`), where
 * `--update-corpus` adds a run's findings.
 */
export interface CorpusEntry {
  property: string;
  /** null for the property itself, else the id of the control or probe the instance refuted */
  variant: string | null;
  instance: Json;
  note: string;
}

/** The corpus bundled with kd-verify. */
export const CORPUS_DIR = packagePath('corpus');

/** The user's corpus when no --corpus is given: `.kdverify/corpus` under the working directory. */
export const DEFAULT_USER_CORPUS = join('.kdverify', 'corpus');

const cache = new Map<string, CorpusEntry[]>();

function readCorpusDir(dir: string): CorpusEntry[] {
  return !existsSync(dir) ? [] : readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { entries?: CorpusEntry[] };
    if (!Array.isArray(data.entries)) throw new Error(`corpus file ${join(dir, f)} has no 'entries' array`);
    return data.entries;
  });
}

/** The entries of the bundled corpus and of the given directories (each read once per process). */
export function loadCorpus(dirs: readonly string[] = []): CorpusEntry[] {
  const all = [...new Set([CORPUS_DIR, ...dirs].map((d) => resolve(d)))];
  return all.flatMap((dir) => {
    if (!cache.has(dir)) cache.set(dir, readCorpusDir(dir));
    return cache.get(dir)!;
  });
}

/** The corpus instances of a property (variant null) or of one of its controls or probes; `dirs`: the user's corpus directories. */
export function examplesFor(property: string, variant: string | null, dirs: readonly string[] = []): unknown[][] {
  return loadCorpus(dirs).filter((e) => e.property === property && e.variant === variant).map((e) => [fromJson(e.instance)]);
}

export class CorpusError extends Error {
  override name = 'UsageError';
}

/** Refuse a corpus directory inside the installed package: its bundled corpus is read, never written. */
export function checkCorpusDir(dir: string): void {
  const rel = relative(PACKAGE_ROOT, resolve(dir));
  if (INSTALLED && !rel.startsWith('..') && !/^([a-zA-Z]:)?[\\/]/.test(rel)) throw new CorpusError(`--corpus ${dir} is inside the installed kd-verify package, whose corpus is read-only: keep your corpus in your project (default ${DEFAULT_USER_CORPUS})`);
}

/**
 * Add a report's findings (see newEntries) to the corpus in `dir`, skipping what the bundled
 * corpus or `dir` already holds; returns the entries added and how many `dir` holds now.
 */
export function updateCorpus(report: Parameters<typeof newEntries>[0], dir: string, note: string): { added: CorpusEntry[]; total: number } {
  checkCorpusDir(dir);
  const own = readCorpusDir(resolve(dir));
  const added = newEntries(report, [...loadCorpus(), ...own], note);
  if (added.length) {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of corpusFiles([...own, ...added])) {
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, text);
      renameSync(tmp, join(dir, name));
    }
    cache.delete(resolve(dir));
  }
  return { added, total: own.length + added.length };
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
    // a truncated record (a huge instance) cannot be replayed from the corpus
    if (isTruncated(e.instance) || seen.has(key(e))) return;
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
