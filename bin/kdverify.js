#!/usr/bin/env node
// Entry point. The installed package runs the compiled CLI (dist/); a source checkout runs the
// TypeScript sources through the project's hooks (tsx, and esbuild for its own files: src/loader/),
// with the sources standing in for the package's own name (scripts/source-conditions.mjs).
import { existsSync } from 'node:fs';

// A closed pipe (e.g. `kdverify run | head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('node:module');
  register('../scripts/source-conditions.mjs', import.meta.url);
  await import('../src/loader/register.mjs');
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/src/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
