import { Worker } from 'node:worker_threads';
import type { Budget, ProgressFn, PropertyResult } from './run-property.ts';

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
}

/**
 * Run built-in properties on `jobs` worker threads. Each property's seed is fixed by its id, so
 * the results are the same as a sequential run; they come back in the order of `ids`.
 */
export async function runInWorkers(ids: string[], budget: Budget, jobs: number, onResult?: (r: PropertyResult) => void, onProgress?: (id: string, ...p: Parameters<ProgressFn>) => void, streamOf: (id: string) => string = (id) => id): Promise<PropertyResult[]> {
  const results = new Map<string, PropertyResult>();
  const queue = new StreamQueue(ids, streamOf);
  // from the sources the entry registers tsx first; the built package runs the compiled worker
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url);
  const run = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerUrl);
      const next = () => {
        const id = queue.next(index);
        if (id === undefined) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage({ id, budget });
      };
      worker.on('message', (msg: { id: string; result?: PropertyResult; error?: string; progress?: { phase: Parameters<ProgressFn>[0]; done: number; total: number } }) => {
        if (msg.progress) {
          onProgress?.(msg.id, msg.progress.phase, msg.progress.done, msg.progress.total);
          return;
        }
        if (msg.error !== undefined || !msg.result) {
          void worker.terminate();
          reject(new Error(`property ${msg.id} failed in a worker: ${msg.error}`));
          return;
        }
        results.set(msg.id, msg.result);
        onResult?.(msg.result);
        next();
      });
      worker.on('error', reject);
      next();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, ids.length)) }, (_, i) => run(i)));
  return ids.map((id) => results.get(id)!);
}
