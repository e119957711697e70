import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { parse } from 'shell-quote';
import { UsageError } from '../../cli/output.ts';
import { decode, encode, WireError, type Args, type FnName, type Shape } from '../protocol.ts';
import { TextTail, type Adapter, type Description, type Outcome } from './adapter.ts';

/** Split a --cmd string into a program and its arguments, as a shell would quote, but never through a shell. */
export function commandArgv(cmd: string): string[] {
  const tokens = parse(cmd);
  const words = tokens.map((t) => {
    if (typeof t !== 'string') throw new UsageError(`--cmd "${cmd}": shell operators, globs and comments are not supported (the program is run directly, without a shell)`);
    return t;
  });
  if (words.length === 0) throw new UsageError('--cmd is empty');
  return words;
}

/** The least time a program gets to start and answer describe. */
const STARTUP_MS = 30_000;

/**
 * Process groups of the adapter programs still to be ended. Every program runs as the leader of its
 * own group (spawned detached), so ending the group also ends what it started (a grandchild
 * `sleep`, a worker pool), and a terminal's Ctrl-C reaches kd-verify alone, which ends the groups.
 */
const groups = new Set<number>();

/** SIGKILL to a whole process group (it may be gone already). */
function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // ESRCH: nothing of the group is left
  }
  groups.delete(pgid);
}

const endAll = () => [...groups].forEach(killGroup);
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** On SIGINT, SIGTERM or SIGHUP: end every group, then let the signal take its course (re-raised without this handler). */
function onSignal(signal: NodeJS.Signals): void {
  endAll();
  for (const s of SIGNALS) process.off(s, onSignal);
  process.kill(process.pid, signal);
}
let watching = false;
function watch(): void {
  if (watching) return;
  watching = true;
  // a process is never left behind, even when kd-verify itself exits early or is interrupted
  process.once('exit', endAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

interface Pending {
  id: number;
  resolve: (o: Outcome | { kind: 'raw'; msg: Record<string, unknown> }) => void;
  timer: NodeJS.Timeout;
}

/**
 * A program speaking the JSON-lines protocol, started once and restarted after a failure (a crash,
 * a hang past the per-request timeout, a line that is not a response, or an answer out of order).
 * One request is in flight at a time.
 */
export class SubprocessAdapter implements Adapter {
  private proc: ChildProcessWithoutNullStreams | null = null;
  private pending: Pending | null = null;
  private buffer = '';
  private nextId = 0;
  private readonly err = new TextTail();
  /** a failure seen while no request was pending (stray output): reported on the next request */
  private stray: Outcome | null = null;
  private description: Description | null = null;

  constructor(
    readonly source: string,
    private readonly timeoutMs = 5000,
  ) {}

  private start(): void {
    const [program, ...args] = commandArgv(this.source);
    watch();
    const proc = spawn(program, args, { shell: false, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.proc = proc;
    this.buffer = '';
    this.nextId = 0; // each process sees ids from 0, describe first
    if (proc.pid !== undefined) groups.add(proc.pid);
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    // output of a process already replaced (killed after a failure) is ignored
    proc.stdout.on('data', (chunk: string) => this.onData(proc, chunk));
    proc.stderr.on('data', (chunk: string) => this.err.push(chunk));
    proc.stdin.on('error', () => undefined); // EPIPE after a crash: the exit handler reports it
    proc.on('error', (e) => this.fail(proc, 'crash', `cannot run ${program}: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    proc.on('exit', (code, signal) => {
      this.fail(proc, 'crash', `the program exited (${signal ?? `status ${code}`}) ${this.pending ? 'before answering' : 'between requests'}`);
    });
  }

  private onData(proc: ChildProcessWithoutNullStreams, chunk: string): void {
    if (proc !== this.proc) return;
    this.buffer += chunk;
    let nl: number;
    // stop as soon as a line made this process fail (the rest of its output is void)
    while (proc === this.proc && (nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      if (line.trim() === '') continue;
      this.onLine(proc, line);
    }
  }

  private onLine(proc: ChildProcessWithoutNullStreams, line: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      msg = undefined;
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg) || typeof (msg as { id?: unknown }).id !== 'number') {
      this.fail(proc, 'garbage', `a line that is not a response: ${JSON.stringify(line.slice(0, 120))}`);
      return;
    }
    const m = msg as Record<string, unknown>;
    if (!this.pending) {
      this.fail(proc, 'garbage', `an answer to no request: ${JSON.stringify(line.slice(0, 120))}`);
      return;
    }
    if (m.id !== this.pending.id) {
      this.fail(proc, 'out-of-order', `answered id ${String(m.id)} while request ${this.pending.id} was pending`);
      return;
    }
    const p = this.pending;
    this.pending = null;
    clearTimeout(p.timer);
    p.resolve({ kind: 'raw', msg: m });
  }

  /** A failure: answer the pending request with it (or keep it for the next one) and stop the process. */
  private fail(proc: ChildProcessWithoutNullStreams, failure: 'crash' | 'timeout' | 'garbage' | 'out-of-order', detail: string): void {
    if (proc !== this.proc) return; // an old process reporting its death
    const outcome: Outcome = { kind: 'failure', failure, detail: failure === 'crash' && this.err.toString() ? `${detail}; stderr: ${this.err.toString().trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` : detail };
    this.proc = null;
    if (proc.pid !== undefined) killGroup(proc.pid);
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.resolve(outcome);
    } else this.stray = outcome;
  }

  private request(fn: string, args: Record<string, unknown>): Promise<Outcome | { kind: 'raw'; msg: Record<string, unknown> }> {
    if (this.stray) {
      const s = this.stray;
      this.stray = null;
      return Promise.resolve(s);
    }
    if (!this.proc) {
      this.start();
      if (fn !== 'describe') {
        // every (re)start begins with describe, as the protocol says
        return this.request('describe', {}).then((d) => (d.kind === 'raw' ? this.request(fn, args) : d));
      }
    }
    const proc = this.proc!;
    const id = this.nextId++;
    return new Promise((resolve) => {
      // describe is answered right after the start: a slow import (scipy takes seconds on a busy machine) is not a hang
      const ms = fn === 'describe' ? Math.max(this.timeoutMs, STARTUP_MS) : this.timeoutMs;
      const timer = setTimeout(() => this.fail(proc, 'timeout', `no answer within ${ms} ms`), ms);
      this.pending = { id, resolve, timer };
      proc.stdin.write(JSON.stringify({ id, fn, args }) + '\n');
    });
  }

  async describe(): Promise<Description> {
    if (this.description) return this.description;
    const r = await this.request('describe', {});
    if (r.kind !== 'raw') throw new UsageError(`--cmd "${this.source}": describe failed (${r.kind === 'failure' ? `${r.failure}: ${r.detail}` : r.kind})`);
    const res = r.msg.result as { name?: unknown; functions?: unknown } | undefined;
    if (!res || typeof res.name !== 'string' || !Array.isArray(res.functions) || !res.functions.every((f) => typeof f === 'string'))
      throw new UsageError(`--cmd "${this.source}": the answer to describe is not {"name": …, "functions": […]}`);
    this.description = { name: res.name, functions: res.functions as string[] };
    return this.description;
  }

  async call(fn: FnName, args: Args, shape: Shape): Promise<Outcome> {
    const wire = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, encode(v)]));
    const r = await this.request(fn, wire);
    if (r.kind !== 'raw') return r;
    if (typeof r.msg.error === 'string') return { kind: 'error', message: r.msg.error };
    if (!('result' in r.msg)) return this.restartAfter('garbage', `a response with neither result nor error: ${JSON.stringify(r.msg).slice(0, 120)}`);
    try {
      return { kind: 'value', value: decode(r.msg.result, shape) };
    } catch (e) {
      if (e instanceof WireError) return this.restartAfter('garbage', `a malformed result: ${e.message}`);
      throw e;
    }
  }

  private restartAfter(failure: 'garbage', detail: string): Outcome {
    if (this.proc) this.fail(this.proc, failure, detail);
    this.stray = null;
    return { kind: 'failure', failure, detail };
  }

  stderr(): string {
    return this.err.toString();
  }

  /** End of the run: EOF on stdin, up to 1 s to exit, then the whole group is ended (a program that ignores EOF, and anything it started). */
  async close(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (!proc) return;
    if (proc.exitCode === null && proc.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.stdin.end();
      });
    }
    if (proc.pid !== undefined) killGroup(proc.pid);
  }
}
