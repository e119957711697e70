import cliProgress from 'cli-progress';

/**
 * Progress of a run on a terminal: properties done out of the selection with an ETA, and a bar
 * per running property (its phase: instances, targeted search, controls; how much is done).
 * Quiet (plain result lines, each prefixed [k/N]) when the stream is not a TTY or CI is set.
 */
export interface Progress {
  start(total: number): void;
  /** a property's progress within its current phase */
  update(property: string, phase: string, done: number, total: number): void;
  done(line: string, property: string): void;
  stop(): void;
}

export function progressFor(stream: NodeJS.WriteStream = process.stdout): Progress {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  if (!interactive) {
    // piped: each result line counted, [k/N], in completion order
    let total = 0, k = 0;
    const width = () => String(total).length;
    return {
      start: (n) => void (total = n),
      update: () => undefined,
      done: (line) => void stream.write(`${total ? `[${String(++k).padStart(width())}/${total}] ` : ''}${line}\n`),
      stop: () => undefined,
    };
  }
  const bars = new cliProgress.MultiBar(
    { format: '{name} {bar} {value}/{total} {unit}', hideCursor: true, clearOnComplete: true, stream, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  let overall: cliProgress.SingleBar | undefined;
  const running = new Map<string, cliProgress.SingleBar>();
  return {
    start: (total) => void (overall = bars.create(total, 0, { name: 'properties', unit: '· ETA {eta}' }, { format: 'properties {bar} {value}/{total} · ETA {eta_formatted}' })),
    update: (property, phase, done, total) => {
      const payload = { name: property.padEnd(44).slice(0, 44), unit: phase };
      const bar = running.get(property);
      if (bar) {
        bar.setTotal(total);
        bar.update(done, payload);
      } else running.set(property, bars.create(total, done, payload));
      bars.update(); // a property running on this thread blocks the redraw timer: draw now (updates come throttled)
    },
    done: (line, property) => {
      const bar = running.get(property);
      if (bar) {
        bars.remove(bar);
        running.delete(property);
      }
      bars.log(line + '\n');
      overall?.increment(1);
      bars.update(); // draw now: buffered log lines must not wait for (or miss) the next timer tick
    },
    stop: () => bars.stop(),
  };
}
