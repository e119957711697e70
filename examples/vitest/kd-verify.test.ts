/**
 * kd-verify inside a vitest suite: your claims as tests (one per property) and your implementation
 * of the protocol functions checked against the 60-digit reference (one test per function).
 *
 *   npx vitest run examples/vitest
 */
import { describeClaims, describeImpl } from 'kd-verify/vitest';
import { claims } from '../claims/theorem8-variants.js';

// Theorem 8 as stated (best proxy, lower side, stability proxy); USER-T8-HALF would fail with its counterexample
describeClaims(claims.filter((c) => c.spec.id === 'USER-T8'), { runs: 100 });

// built-in claims and properties can be selected by id too
describeClaims(['KD-L6-DV/equality-at-log-ratio'], { runs: 100 });

// the module path is relative to the directory vitest runs in (the project's root)
describeImpl({ module: 'examples/vitest/my-kl.ts', functions: ['kl_discrete', 'entropy'], runs: 200 });
