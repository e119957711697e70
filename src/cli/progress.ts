import cliProgress from 'cli-progress';

/**
 * Progress of a run on a terminal: properties done out of the selection, the property just
 * finished, and an ETA. Quiet (plain lines) when stdout is not a TTY or CI is set.
 */
export interface Progress {
  start(total: number): void;
  done(line: string, property: string): void;
  stop(): void;
}

export function progressFor(stream: NodeJS.WriteStream = process.stdout): Progress {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  if (!interactive) return { start: () => undefined, done: (line) => void stream.write(line + '\n'), stop: () => undefined };
  const bars = new cliProgress.MultiBar(
    { format: 'properties {bar} {value}/{total} · ETA {eta_formatted} · {last}', hideCursor: true, clearOnComplete: true, stream },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  return {
    start: (total) => void (bar = bars.create(total, 0, { last: '' })),
    done: (line, property) => {
      bars.log(line + '\n');
      bar?.increment(1, { last: property });
      bars.update(); // draw now: buffered log lines must not wait for (or miss) the next timer tick
    },
    stop: () => bars.stop(),
  };
}
