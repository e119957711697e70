// Module hooks: the project's TypeScript, transpiled by esbuild without tsx's keepNames.
//
// tsx transpiles with esbuild's keepNames, which wraps every function expression assigned to a
// name in __name(fn, "fn") = Object.defineProperty(fn, "name", …). Without identifier minification
// the names are JavaScript's own anyway, and defining the property on each new closure costs
// microseconds (a closure created inside a hot function pays it on every call): a quarter of a
// KD world's evaluation. These hooks load the repository's own .ts files (never node_modules)
// with the same esbuild and target, inline source maps, and no keepNames; tsx stays registered
// for resolution and for anything else.
//
// Every CLI process and each of its worker threads loads the whole source tree: the transpiled
// code is kept on disk (node_modules/.cache/kd-verify-hooks), keyed by a hash of everything that
// determines it, so only a changed file is transpiled again. A cache that cannot be written is
// simply not used.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform, version as esbuildVersion } from 'esbuild';

const root = new URL('../../', import.meta.url).href;
const tsconfig = JSON.parse(await readFile(new URL('tsconfig.json', root), 'utf8'));
// KD_VERIFY_HOOKS_CACHE moves it (the tests use a directory of their own)
const cacheDir = process.env.KD_VERIFY_HOOKS_CACHE ? `${process.env.KD_VERIFY_HOOKS_CACHE.replace(/\/$/, '')}/` : fileURLToPath(new URL('node_modules/.cache/kd-verify-hooks/', root));
const options = (file) => ({
  loader: 'ts',
  format: 'esm',
  target: `node${process.versions.node}`,
  sourcefile: file,
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: tsconfig.compilerOptions },
});
const settings = JSON.stringify([esbuildVersion, options('')]);

async function cached(key, make) {
  const path = `${cacheDir}${key}.js`;
  try {
    return await readFile(path, 'utf8');
  } catch {
    const code = await make();
    try {
      await mkdir(cacheDir, { recursive: true });
      // written under a unique name, then renamed: readers in other processes never see half a file
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      await writeFile(tmp, code);
      await rename(tmp, path);
    } catch {
      // read-only checkout or full disk: go on without the cache
    }
    return code;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith(root) || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = await readFile(file, 'utf8');
  const key = createHash('sha256').update(settings).update('\0').update(file).update('\0').update(source).digest('hex');
  const code = await cached(key, async () => (await transform(source, options(file))).code);
  return { format: 'module', source: code, shortCircuit: true };
}
