import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The source hooks keep transpiled files in node_modules/.cache/kd-verify-hooks, keyed by a hash
 * of the source (and of esbuild's version and settings): a second process reuses the entry, and an
 * edited file is transpiled again (never a stale module).
 */
// a cache of its own: other tests' processes fill the shared one concurrently
const cache = join(mkdtempSync(join(tmpdir(), 'kdverify-hooks-')), 'cache');
const entries = () => (existsSync(cache) ? readdirSync(cache).length : 0);
const run = (file: string) => spawnSync(process.execPath, ['--import', './src/loader/register.mjs', file], { encoding: 'utf8', env: { ...process.env, KD_VERIFY_HOOKS_CACHE: cache } });

describe('the source hooks’ transpile cache', () => {
  it('reuses an entry for an unchanged file and transpiles an edited one again', () => {
    const file = join('test', 'loader', `.probe-${process.pid}.ts`);
    try {
      writeFileSync(file, `const answer: number = 41;\nconsole.log(answer + ${Date.now() % 1000} * 0);\n`);
      const before = entries(); // the hooks' own sources are not cached: only .ts files
      expect(run(file).stdout.trim()).toBe('41');
      expect(entries()).toBe(before + 1);
      expect(run(file).stdout.trim()).toBe('41');
      expect(entries()).toBe(before + 1);
      writeFileSync(file, `const answer: number = 42;\nconsole.log(answer);\n`);
      expect(run(file).stdout.trim()).toBe('42');
      expect(entries()).toBe(before + 2);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
