// Whether dist/ holds a compilation of exactly this checkout's sources.
//
// A checkout normally runs the TypeScript sources through the hooks (register.mjs). Loading the
// tree that way costs each process and each worker thread about a second of module-hook round
// trips; the compiled tree loads in half the time. `npm run build` records a hash of everything the
// compilation depends on (dist/.sources-sha256); the entry point runs dist/ only while that hash
// still matches, so an edited source is never shadowed by a stale build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['src', 'properties', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'package.json'];
export const STAMP = 'dist/.sources-sha256';

/** Every file under dir, in a fixed (sorted) order. */
export const filesUnder = (dir) => readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

/** sha256 over the path and content of every input file, in a fixed order. */
export function sourcesHash(root) {
  const h = createHash('sha256');
  for (const input of INPUTS) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    for (const file of input.includes('.') ? [path] : filesUnder(path)) h.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return h.digest('hex');
}

/** True when dist/ was built from the sources as they are now. KD_VERIFY_SOURCES=1 says no. */
export function compiledIsCurrent(root) {
  if (process.env.KD_VERIFY_SOURCES === '1') return false;
  const stamp = join(root, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourcesHash(root);
}
