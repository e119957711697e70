#!/usr/bin/env node
// Entry point. The installed package runs the compiled CLI (dist/); a source checkout runs the
// TypeScript sources through the project's hooks (tsx, and esbuild for its own files: src/loader/),
// with the sources standing in for the package's own name (src/loader/source-conditions.mjs),
// unless `npm run build` compiled exactly these sources (src/loader/compiled.mjs): then dist/,
// which starts in half the time. KD_VERIFY_SOURCES=1 always runs the sources.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A closed pipe (e.g. `kdverify run | head -1`) ends the output, not the run: what would have been
// printed is dropped, and the run goes on to write its report and exit with its own status.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    stream.write = (_chunk, encoding, callback) => {
      (typeof encoding === 'function' ? encoding : callback)?.();
      return true;
    };
  });

const source = new URL('../src/cli/main.ts', import.meta.url);
const compiledIsCurrent = async () => (await import('../src/loader/compiled.mjs')).compiledIsCurrent(fileURLToPath(new URL('..', import.meta.url)));
let main;
if (existsSync(source) && !(await compiledIsCurrent())) {
  await import('../src/loader/register.mjs');
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/src/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
