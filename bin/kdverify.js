#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run directly (no build step), then runs the CLI.
import { register } from 'tsx/esm/api';

// A closed pipe (e.g. `kdverify run | head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
