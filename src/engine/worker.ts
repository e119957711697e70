import { parentPort } from 'node:worker_threads';
import { builtinProperties } from '../../properties/index.ts';
import { classificationCell } from '../skd/classify.ts';
import { runProperty, type Budget } from './run-property.ts';
import { throttled } from './throttle.ts';

/** A worker thread: runs built-in properties (and the operator classification's cells) by id and posts their results back. */
parentPort!.on('message', (msg: { id: string; budget: Budget }) => {
  const prop = builtinProperties.find((p) => p.id === msg.id) ?? classificationCell(msg.id);
  if (!prop) {
    parentPort!.postMessage({ id: msg.id, error: `unknown property ${msg.id}` });
    return;
  }
  try {
    const progress = throttled((phase, done, total) => parentPort!.postMessage({ id: msg.id, progress: { phase, done, total } }));
    parentPort!.postMessage({ id: msg.id, result: runProperty(prop, msg.budget, progress) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
