import { constants } from 'node:os';

/** Signals that end a run: the run stops its workers, writes its report marked incomplete and exits. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How often to look whether the parent process is gone (a wrapper such as npx killed without passing the signal on). */
const PARENT_POLL_MS = 500;

export interface InterruptWatch {
  /** Aborted on the first signal, or when the parent process exits; the reason names which. */
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Watch for what should stop a run: SIGINT, SIGTERM, SIGHUP, and the death of the parent process
 * (this process is then re-parented). The first aborts `signal`; a second signal exits at once
 * with 128 + the signal's number, as a shell reports it.
 */
export function watchInterrupts(onFirst?: (reason: string) => void): InterruptWatch {
  const controller = new AbortController();
  const parent = process.ppid;
  const stop = (reason: string) => {
    if (controller.signal.aborted) return;
    onFirst?.(reason);
    controller.abort(reason);
  };
  const handlers = SIGNALS.map((sig) => {
    const h = () => (controller.signal.aborted ? process.exit(128 + constants.signals[sig]) : stop(sig));
    process.on(sig, h);
    return [sig, h] as const;
  });
  // a parent that is init (or a container's first process) cannot be seen to die
  const poll = parent > 1 ? setInterval(() => process.ppid !== parent && stop('the parent process exited'), PARENT_POLL_MS) : undefined;
  poll?.unref();
  return {
    signal: controller.signal,
    dispose: () => {
      clearInterval(poll);
      for (const [sig, h] of handlers) process.off(sig, h);
    },
  };
}

/** `signal`, also aborted (with `reason`) at `deadline` (ms since the epoch). */
export function abortAt(signal: AbortSignal, deadline: number, reason: string): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(reason), Math.max(0, deadline - Date.now()));
  timer.unref();
  const follow = () => controller.abort(signal.reason);
  if (signal.aborted) follow();
  else signal.addEventListener('abort', follow, { once: true });
  return controller.signal;
}
