import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compiledIsCurrent } from '../src/loader/compiled.mjs';

/**
 * Global setup: the suite spawns the CLI about eighty times, and each process and worker thread
 * loads the whole source tree. Compiled once here (`npm run build`, skipped when dist/ already
 * matches the sources), bin/kdverify.js runs dist/ and starts in half the time; the source path
 * keeps its own tests (test/loader/compiled.test.ts). A build that fails leaves the stamp
 * unwritten, and the spawned CLI runs the sources as before.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (process.env.KD_VERIFY_SOURCES === '1' || compiledIsCurrent(root)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`test setup: npm run build failed (status ${r.status}); the spawned CLI runs the sources\n${r.stdout}${r.stderr}\n`);
}
