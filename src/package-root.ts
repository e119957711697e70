import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root directory (package.json, spec/, corpus/), found from this module's place:
 * src/ in a source checkout, dist/src/ in the built package.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`kd-verify: no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, e.g. packagePath('spec', 'claim.schema.json'). */
export const packagePath = (...segments: string[]): string => join(PACKAGE_ROOT, ...segments);

/** True when kd-verify runs as an installed dependency (inside node_modules): its own files are then read-only to it. */
export const INSTALLED = PACKAGE_ROOT.split(/[\\/]/).includes('node_modules');

/** kd-verify's version (from its package.json). */
export const toolVersion = (): string => (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
