#!/usr/bin/env node
// Entry point: registers the TypeScript hooks (tsx, and esbuild for the project's own files: src/loader/) so the sources run directly (no build step), then runs the CLI.
import '../src/loader/register.mjs';

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

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
