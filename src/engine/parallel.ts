import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { compiledIsCurrent } from '../loader/compiled.mjs';
import { notStarted, type Budget, type ProgressFn, type PropertyResult, type PropertyStub } from './run-property.ts';
import type { WorkerRequest } from './worker.ts';

/**
 * Hands out properties one at a time, keeping a worker on the instance stream (seed key) it is
 * already on: properties that share a stream share per-thread caches (e.g. the certified proxies of
 * the KD worlds), so a stream is best computed by one thread. A free worker takes the largest
 * stream nobody is on yet, or helps with the largest one left.
 */
export class StreamQueue {
  private readonly groups = new Map<string, string[]>();
  private readonly busy = new Map<number, string>();
  constructor(ids: readonly string[], streamOf: (id: string) => string) {
    for (const id of ids) {
      const k = streamOf(id);
      this.groups.set(k, [...(this.groups.get(k) ?? []), id]);
    }
  }
  next(worker: number): string | undefined {
    const mine = this.busy.get(worker);
    let key = mine !== undefined && this.groups.get(mine)?.length ? mine : undefined;
    if (key === undefined) {
      const open = [...this.groups.entries()].filter(([, v]) => v.length > 0).sort((a, b) => b[1].length - a[1].length);
      const taken = new Set([...this.busy.entries()].filter(([w]) => w !== worker).map(([, k]) => k));
      key = (open.find(([k]) => !taken.has(k)) ?? open[0])?.[0];
    }
    if (key === undefined) return undefined;
    this.busy.set(worker, key);
    return this.groups.get(key)!.shift();
  }
  /** Properties not handed out yet. */
  get remaining(): number {
    let n = 0;
    for (const v of this.groups.values()) n += v.length;
    return n;
  }
}

/**
 * The worker threads' entry, decided at each run. The built package runs its compiled worker. From
 * the sources, the compiled one too while dist/ holds a compilation of exactly these sources
 * (src/loader/compiled.mjs: a thread then starts in half the time, without the module hooks), and
 * otherwise the entry that registers the TypeScript hooks first. Not cached: in a long-lived process
 * (vitest --watch) an edit makes dist/ stale at once. Threads share no modules, only messages, so
 * either serves. A compiled worker started from the sources drops the export condition that
 * resolves `kd-verify` to the sources (vitest passes `--conditions kd-verify-source`, and threads
 * inherit their process's options): a claims file it loads gets the compiled tree, as the worker.
 */
export function workerEntry(): { url: URL; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { url: new URL('./worker.js', import.meta.url) };
  if (!compiledIsCurrent(fileURLToPath(new URL('../../', import.meta.url)))) return { url: new URL('./worker-entry.mjs', import.meta.url) };
  return { url: new URL('../../dist/src/engine/worker.js', import.meta.url), execArgv: withoutCondition(process.execArgv, 'kd-verify-source') };
}

/** argv without `--conditions X` / `-C X` / `--conditions=X` / `-C=X` for the given X. */
export function withoutCondition(argv: readonly string[], condition: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--conditions' || a === '-C') && argv[i + 1] === condition) i++;
    else if (a !== `--conditions=${condition}` && a !== `-C=${condition}`) out.push(a);
  }
  return out;
}

export interface WorkerRunOptions {
  jobs: number;
  /** The property behind an id, to report one that did not run to its end. */
  stubOf: (id: string) => PropertyStub;
  /** Claims files whose properties are among the ids: each worker loads them. */
  claimsFiles?: readonly string[];
  onResult?: (r: PropertyResult) => void;
  onProgress?: (id: string, ...p: Parameters<ProgressFn>) => void;
  /** The instance stream of a property (see StreamQueue). */
  streamOf?: (id: string) => string;
  /**
   * Workers still running at this time (ms since the epoch) are terminated, whatever their code is
   * doing (a formula that never returns): their properties are reported cut short.
   */
  hardDeadline?: number;
  /** Aborting terminates every worker the same way (a signal to kdverify); the reason is reported. */
  signal?: AbortSignal;
}

interface Slot {
  worker: Worker;
  index: number;
  current?: string;
  /** set when this side ends the worker: why (null: no work left) */
  ended?: string | null;
  failure?: Error;
}

/**
 * Run properties on `jobs` worker threads. Each property's seed is fixed by its id, so the results
 * are the same as a sequential run; they come back in the order of `ids`. Nothing a property's
 * code does ends the run: a thread that exits (process.exit in a claims file) or fails (an uncaught
 * error, out of memory) is reported as that property's error and replaced.
 */
export function runInWorkers(ids: readonly string[], budget: Budget, o: WorkerRunOptions): Promise<PropertyResult[]> {
  const results = new Map<string, PropertyResult>();
  const queue = new StreamQueue(ids, o.streamOf ?? ((id) => id));
  const entry = workerEntry();
  const slots = new Set<Slot>();
  /** why the run was stopped, as said of a property that was running and of one not started yet */
  let stopped: { running: string; waiting: string } | null = null;
  const pastDeadline = () => budget.deadline !== undefined && Date.now() >= budget.deadline;
  return new Promise((resolveAll) => {
    const finish = (r: PropertyResult) => {
      if (results.has(r.id)) return;
      results.set(r.id, r);
      o.onResult?.(r);
    };
    const end = (slot: Slot, why: string | null) => {
      slot.ended ??= why;
      void slot.worker.terminate();
    };
    const stop = (why: { running: string; waiting: string }) => {
      stopped ??= why;
      for (const s of slots) end(s, why.running);
    };
    const interrupted = () => ({ running: `interrupted (${String(o.signal!.reason)}) while it ran`, waiting: `interrupted (${String(o.signal!.reason)}) before it started` });
    const timer = o.hardDeadline === undefined ? undefined : setTimeout(() => stop({ running: 'terminated at the time limit while it ran (a formula, generator or search that did not return in time)', waiting: 'not started before the time limit' }), Math.max(0, o.hardDeadline - Date.now()));
    const onAbort = () => stop(interrupted());
    o.signal?.addEventListener('abort', onAbort);
    const settle = () => {
      if (slots.size > 0) return;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      const why = stopped ?? (o.signal?.aborted ? interrupted() : { waiting: 'not started before the time limit' });
      for (const id of ids) if (!results.has(id)) finish(notStarted(o.stubOf(id), budget, { reason: why.waiting }));
      resolveAll(ids.map((id) => results.get(id)!));
    };
    const start = (index: number) => {
      const slot: Slot = { worker: new Worker(entry.url, { execArgv: entry.execArgv, workerData: { claimsFiles: o.claimsFiles ?? [] } }), index };
      slots.add(slot);
      const next = () => {
        const id = stopped !== null || o.signal?.aborted || pastDeadline() ? undefined : queue.next(index);
        slot.current = id;
        if (id === undefined) end(slot, null);
        else slot.worker.postMessage({ type: 'run', id, budget } satisfies WorkerRequest);
      };
      slot.worker.on('message', (msg: { id: string; result?: PropertyResult; error?: string; progress?: { phase: Parameters<ProgressFn>[0]; done: number; total: number } }) => {
        if (msg.progress) return void o.onProgress?.(msg.id, msg.progress.phase, msg.progress.done, msg.progress.total);
        if (msg.id === undefined) return; // claims files being loaded
        finish(msg.result ?? notStarted(o.stubOf(msg.id), budget, { error: `the property failed: ${msg.error}` }));
        if (slot.ended === undefined) next();
      });
      slot.worker.on('error', (e) => void (slot.failure = e));
      slot.worker.on('exit', (code) => {
        slots.delete(slot);
        const id = slot.current;
        if (id !== undefined && !results.has(id)) {
          const stub = o.stubOf(id);
          if (slot.ended) finish(notStarted(stub, budget, { reason: slot.ended }));
          else finish(notStarted(stub, budget, { error: slot.failure ? `the thread running it failed: ${slot.failure.message}` : `the thread running it exited with code ${code} (process.exit called by the property's code?)` }));
        }
        // a thread that died under a property is replaced while there is work left
        if (slot.ended === undefined && stopped === null && queue.remaining > 0) start(index);
        settle();
      });
      next();
    };
    const n = Math.max(1, Math.min(o.jobs, ids.length));
    if (ids.length === 0) settle();
    else for (let i = 0; i < n; i++) start(i);
  });
}
