// Registers tsx (resolution, and anything outside the repository's .ts files) and then the
// project's own hooks (hooks.mjs: esbuild without keepNames), which take precedence for its .ts
// files. Hooks are per thread: the CLI and each worker thread call this once.
import { register as registerHooks } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

// `kd-verify` imported by a claims file or an example resolves to the sources (source-conditions.mjs)
registerHooks('./source-conditions.mjs', import.meta.url);
registerTsx();
registerHooks('./hooks.mjs', import.meta.url);
// child processes (bench workloads started by plain tsx re-run themselves under these hooks) can tell
process.env.KD_VERIFY_HOOKS = '1';
