// npm run build: compiles src/ and properties/ to dist/ (ES modules and .d.ts) and copies the files
// the compiled code reads next to itself (JSON schemas, the CommonJS entry).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, sourcesHash, STAMP } from '../src/loader/compiled.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// hashed before compiling: a source edited during the build leaves a stamp that no longer matches
const hash = sourcesHash(root);
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

// files read at run time or imported as they are, not compiled (the workers' tsx entries stay out)
for (const f of filesUnder(join(root, 'src')).filter((f) => /\.(json|cjs|d\.mts)$|import-exact\.mjs$|compiled\.mjs$/.test(f))) cpSync(f, join(dist, relative(root, f)));

// declaration files keep the sources' .ts specifiers: point them at the emitted .js files
for (const f of filesUnder(dist).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(f, 'utf8');
  const fixed = text.replace(/((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]*?)\.(m?)ts\2/g, (_, pre, q, path, m) => `${pre}${q}${path}.${m}js${q}`);
  if (fixed !== text) writeFileSync(f, fixed);
}

// written last: a checkout's bin/kdverify.js runs dist/ only while the sources still hash to this
writeFileSync(join(root, STAMP), hash + '\n');
