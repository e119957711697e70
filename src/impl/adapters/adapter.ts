import type { Args, FnName, Shape, Value } from '../protocol.ts';

/** A failure of the adapter itself, as opposed to an answer: the run goes on with a fresh adapter. */
export type FailureKind = 'crash' | 'timeout' | 'garbage' | 'out-of-order';

export type Outcome =
  | { kind: 'value'; value: Value }
  /** the implementation reported an error for this input (fine for invalid input) */
  | { kind: 'error'; message: string }
  /** a module function returned something other than plain numbers of the expected shape (a wrong answer, not a protocol failure) */
  | { kind: 'malformed'; detail: string }
  | { kind: 'failure'; failure: FailureKind; detail: string };

export interface Description {
  name: string;
  functions: string[];
}

/** An implementation under test: a JS/TS module (on a worker thread) or a program speaking the JSON-lines protocol. */
export interface Adapter {
  /** how the user named it: the module path or the command */
  readonly source: string;
  describe(): Promise<Description>;
  /** One request; never rejects: every problem is an Outcome. After a failure the next call starts afresh. */
  call(fn: FnName, args: Args, shape: Shape): Promise<Outcome>;
  /** What the implementation wrote on stderr (the last 64 KB). */
  stderr(): string;
  /** Stop the implementation: no process or thread is left behind. */
  close(): Promise<void>;
}

/** Keep the tail of a growing text, so a chatty implementation cannot exhaust memory. */
export class TextTail {
  private text = '';
  constructor(private readonly limit = 64 * 1024) {}
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit) this.text = '…' + this.text.slice(this.text.length - this.limit);
  }
  toString(): string {
    return this.text;
  }
}
