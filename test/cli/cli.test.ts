import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/kdverify.js', import.meta.url));
const kdverify = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });

describe('kdverify command line', () => {
  it('list shows every claim, encoded or not', () => {
    const r = kdverify('list', '--json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; encoded: boolean; properties: number }>;
    expect(rows.find((x) => x.id === 'KD-L6-DV')).toMatchObject({ encoded: true });
    expect(rows.find((x) => x.id === 'SKD-NUMERIC')).toMatchObject({ encoded: false, properties: 0 });
  });

  it.each([
    [['run', '--runs', 'abc'], /--runs must be an integer/],
    [['run', '--runs', '0'], /between 1 and/],
    [['run', '--digits', '5'], /--digits must be between/],
    [['run', '--claims', 'NO-SUCH-CLAIM'], /no encoded claim matches/],
    [['run', '--bogus'], /unknown option/],
    [['run', '--runs', '-1'], /between 1 and/],
    [['run', '--digits', '5000'], /--digits must be between 20 and 250/],
    [['run', '--claims', 'KD-L6-DV', '--runs', '3', '--out', 'README.md'], /is a file, not a directory/],
    [['run', '--claims', 'KD-L6-DV', '--runs', '3', '--out', 'README.md/sub'], /cannot be created/],
    [['run', '--claims', 'KD-L6-DV', '--runs', '3', '--out', '/proc/kdverify-out'], /is not writable/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 with a one-line message for %j', (args, message) => {
    const r = kdverify(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with --help')).length).toBe(1);
  });

  it('--help exits 0', () => {
    expect(kdverify('run', '--help').status).toBe(0);
  });
});
