import { parentPort, workerData } from 'node:worker_threads';
import { importUserModule } from '../../user-module.ts';

/**
 * Runs a module adapter's functions on a worker thread, so that a function that loops forever can
 * be stopped (the thread is terminated) and one that throws cannot take kd-verify down.
 */
const { file } = workerData as { file: string };
let mod: Record<string, unknown>;
try {
  mod = await importUserModule(file);
  // a CommonJS module's functions are on module.exports
  if (typeof mod.default === 'object' && mod.default !== null) mod = { ...(mod.default as Record<string, unknown>), ...mod };
  parentPort!.postMessage({ ready: true, name: typeof mod.name === 'string' ? mod.name : null, functions: Object.keys(mod).filter((k) => typeof mod[k] === 'function') });
} catch (e) {
  parentPort!.postMessage({ ready: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
}

// a function may return a Promise: it is awaited (the caller's timeout covers the wait)
parentPort!.on('message', async (msg: { id: number; fn: string; args: unknown[] }) => {
  try {
    const result = await (mod[msg.fn] as (...a: unknown[]) => unknown)(...msg.args);
    parentPort!.postMessage({ id: msg.id, result });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
