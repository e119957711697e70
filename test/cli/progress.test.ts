import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { progressFor } from '../../src/cli/progress.ts';

const capture = (tty: boolean) => {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  (s as { isTTY?: boolean }).isTTY = tty;
  let text = '';
  s.on('data', (d: Buffer) => (text += d.toString()));
  return { s, text: () => text };
};

describe('progress display', () => {
  it('prints plain lines, each counted [k/N], when the output is not a terminal', () => {
    const { s, text } = capture(false);
    const p = progressFor(s);
    p.start(12);
    p.update('A/x', 'instances', 5, 10);
    p.done('holds     A/x', 'A/x');
    p.done('sharp     A/y', 'A/y');
    p.stop();
    expect(text()).toBe('[ 1/12] holds     A/x\n[ 2/12] sharp     A/y\n');
  });
  it('draws a bar with the count on a terminal unless CI is set', () => {
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      const { s, text } = capture(true);
      const p = progressFor(s);
      p.start(2);
      p.update('A/x', 'instances', 5, 10);
      expect(text()).toMatch(/A\/x .* 5\/10 instances/);
      p.done('tight     A/x', 'A/x');
      p.stop();
      expect(text()).toMatch(/properties .* 1\/2/);
      expect(text()).toMatch(/tight {5}A\/x/);
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
  });
});
