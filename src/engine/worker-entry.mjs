// Worker-thread entry: registers the TypeScript hooks in this thread (hooks are per thread), then loads the TypeScript worker.
import '../loader/register.mjs';
await import('./worker.ts');
