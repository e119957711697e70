#!/usr/bin/env node
// Entry point: registers the TypeScript hooks (tsx, and esbuild for the project's own files: src/loader/) so the sources run directly (no build step), then runs the CLI.
import '../src/loader/register.mjs';

// A closed pipe (e.g. `kdverify run | head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
