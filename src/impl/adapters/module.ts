import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../../cli/output.ts';
import { checkShape, FUNCTIONS, WireError, type Args, type FnName, type Shape } from '../protocol.ts';
import { TextTail, type Adapter, type Description, type Outcome } from './adapter.ts';

/**
 * A JS/TS module exporting protocol functions (positional arguments, plain numbers), run on a
 * worker thread: a per-request timeout terminates the thread (a function that never returns),
 * and the next request starts a fresh one. A result that is not plain numbers of the right shape
 * is garbage.
 */
export class ModuleAdapter implements Adapter {
  private worker: Worker | null = null;
  private ready: Promise<{ name: string | null; functions: string[] }> | null = null;
  private nextId = 0;
  private readonly err = new TextTail();

  constructor(
    readonly source: string,
    private readonly timeoutMs = 5000,
  ) {
    if (!existsSync(source)) throw new UsageError(`--module ${source}: no such file`);
  }

  private start(): Promise<{ name: string | null; functions: string[] }> {
    // from the sources the entry registers tsx first; the built package runs the compiled worker
    const entry = new URL(import.meta.url.endsWith('.ts') ? './module-worker-entry.mjs' : './module-worker.js', import.meta.url);
    const worker = new Worker(entry, { workerData: { file: resolve(this.source) }, stdout: true, stderr: true });
    // what the module prints (console.log, warnings) goes to the report, not to the terminal
    worker.stdout.setEncoding('utf8').on('data', (c: string) => this.err.push(c));
    worker.stderr.setEncoding('utf8').on('data', (c: string) => this.err.push(c));
    this.worker = worker;
    this.ready = new Promise((res, rej) => {
      worker.once('message', (m: { ready: boolean; name: string | null; functions: string[]; error?: string }) => (m.ready ? res(m) : rej(new UsageError(`--module ${this.source} cannot be loaded: ${m.error}`))));
      worker.once('error', (e) => rej(new UsageError(`--module ${this.source} cannot be loaded: ${e.message.split('\n')[0]}`)));
    });
    return this.ready;
  }

  async describe(): Promise<Description> {
    const m = await (this.ready ?? this.start());
    return { name: m.name ?? basename(this.source), functions: m.functions.filter((f) => Object.hasOwn(FUNCTIONS, f)) };
  }

  async call(fn: FnName, args: Args, shape: Shape): Promise<Outcome> {
    if (!this.worker) await this.start();
    else await this.ready;
    const worker = this.worker!;
    const id = this.nextId++;
    const positional = FUNCTIONS[fn].map((k) => args[k]);
    const answer = await new Promise<Outcome | { id: number; result?: unknown; error?: string }>((res) => {
      const timer = setTimeout(() => res({ kind: 'failure', failure: 'timeout', detail: `no answer within ${this.timeoutMs} ms` }), this.timeoutMs);
      const onMessage = (m: { id: number; result?: unknown; error?: string }) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        res(m);
      };
      const onExit = (code: number) => {
        clearTimeout(timer);
        res({ kind: 'failure', failure: 'crash', detail: `the worker exited (status ${code})` });
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ id, fn, args: positional });
    });
    if ('kind' in answer) {
      await this.stop();
      return answer;
    }
    if (answer.error !== undefined) return { kind: 'error', message: answer.error };
    try {
      return { kind: 'value', value: checkShape(answer.result, shape) };
    } catch (e) {
      if (e instanceof WireError) return { kind: 'malformed', detail: `a result that is not plain numbers: ${e.message}` };
      throw e;
    }
  }

  stderr(): string {
    return this.err.toString();
  }

  private async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }

  close(): Promise<void> {
    return this.stop();
  }
}
