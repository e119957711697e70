// Worker-thread entry of a module adapter: registers tsx in this thread (hooks are per thread), then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./module-worker.ts');
