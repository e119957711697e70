import { Worker } from 'node:worker_threads';
import type { Budget, ProgressFn, PropertyResult } from './run-property.ts';

/**
 * Run built-in properties on `jobs` worker threads, handing out one property at a time (the
 * longest-running ones do not hold up the rest). Each property's seed is fixed by its id, so the
 * results are the same as a sequential run; they come back in the order of `ids`.
 */
export async function runInWorkers(ids: string[], budget: Budget, jobs: number, onResult?: (r: PropertyResult) => void, onProgress?: (id: string, ...p: Parameters<ProgressFn>) => void): Promise<PropertyResult[]> {
  const results = new Map<string, PropertyResult>();
  const queue = [...ids];
  const workerUrl = new URL('./worker-entry.mjs', import.meta.url);
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerUrl);
      const next = () => {
        const id = queue.shift();
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
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, ids.length)) }, run));
  return ids.map((id) => results.get(id)!);
}
