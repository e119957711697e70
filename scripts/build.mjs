// npm run build: compiles src/ and properties/ to dist/ (ES modules and .d.ts) and copies the files
// the compiled code reads next to itself (JSON schemas, the CommonJS entry).
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

// files read at run time or imported as they are, not compiled (the workers' tsx entries stay out)
for (const f of walk(join(root, 'src')).filter((f) => /\.(json|cjs|d\.mts)$|import-exact\.mjs$/.test(f))) cpSync(f, join(dist, relative(root, f)));

// declaration files keep the sources' .ts specifiers: point them at the emitted .js files
for (const f of walk(dist).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(f, 'utf8');
  const fixed = text.replace(/((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]*?)\.(m?)ts\2/g, (_, pre, q, path, m) => `${pre}${q}${path}.${m}js${q}`);
  if (fixed !== text) writeFileSync(f, fixed);
}
