// Module hooks: the project's TypeScript, transpiled by esbuild without tsx's keepNames.
//
// tsx transpiles with esbuild's keepNames, which wraps every function expression assigned to a
// name in __name(fn, "fn") = Object.defineProperty(fn, "name", …). Without identifier minification
// the names are JavaScript's own anyway, and defining the property on each new closure costs
// microseconds (a closure created inside a hot function pays it on every call): a quarter of a
// KD world's evaluation. These hooks load the repository's own .ts files (never node_modules)
// with the same esbuild and target, inline source maps, and no keepNames; tsx stays registered
// for resolution and for anything else.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const root = new URL('../../', import.meta.url).href;
const tsconfig = JSON.parse(await readFile(new URL('tsconfig.json', root), 'utf8'));

export async function load(url, context, nextLoad) {
  if (!url.startsWith(root) || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code } = await transform(await readFile(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: `node${process.versions.node}`,
    sourcefile: file,
    sourcemap: 'inline',
    tsconfigRaw: { compilerOptions: tsconfig.compilerOptions },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
