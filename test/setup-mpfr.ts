import { mpfrLoaded } from '../src/numerics/mpfr.ts';

// MPFR loads asynchronously (no top-level await, so that require('kd-verify') works): every test
// file waits for it, so certification takes the same ladder as kdverify run's workers.
await mpfrLoaded;
