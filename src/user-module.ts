import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importExact } from './import-exact.mjs';

/**
 * Loads a user's module (a claims file, a check-impl adapter) exactly as named: `.js`, `.mjs` and
 * `.cjs` natively, `.ts`, `.mts` and `.cts` through tsx. The built package registers tsx lazily, on
 * the first TypeScript file, so that a run without one needs no loader; from the sources a loader
 * (tsx or vitest) is already there.
 */
export const USER_MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'] as const;

const fromSource = import.meta.url.endsWith('.ts');
const registered = { esm: false, cjs: false };

/** The module system a `.ts`/`.js` file is in: the "type" of the nearest package.json (CommonJS without one). */
export function packageTypeOf(file: string): 'module' | 'commonjs' {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        return (JSON.parse(readFileSync(pj, 'utf8')) as { type?: string }).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (dirname(dir) === dir) return 'commonjs';
  }
}

async function ensureTypeScriptLoader(file: string): Promise<void> {
  if (fromSource) return;
  const ext = extname(file);
  if (!registered.esm) {
    const { register } = await import('tsx/esm/api');
    register();
    registered.esm = true;
  }
  // a .cts file, or a .ts file in a CommonJS package, is compiled to CommonJS: tsx's require hook does that
  if (!registered.cjs && (ext === '.cts' || (ext === '.ts' && packageTypeOf(file) === 'commonjs'))) {
    const { register } = await import('tsx/cjs/api');
    register();
    registered.cjs = true;
  }
}

/** Import an absolute path; the module's namespace (a CommonJS module's exports are under `default` too). */
export async function importUserModule(path: string): Promise<Record<string, unknown>> {
  const ext = extname(path);
  if (!(USER_MODULE_EXTENSIONS as readonly string[]).includes(ext)) throw new Error(`unsupported file type '${ext || path}' (${USER_MODULE_EXTENSIONS.join(', ')})`);
  if (ext.endsWith('ts')) await ensureTypeScriptLoader(path);
  return importExact(pathToFileURL(path).href);
}

/** An export of a user module, looked up by name and, for CommonJS modules, on `module.exports`. */
export function exported(mod: Record<string, unknown>, name: string): unknown {
  if (mod[name] !== undefined) return mod[name];
  const d = mod.default;
  return typeof d === 'object' && d !== null ? (d as Record<string, unknown>)[name] : undefined;
}
