/**
 * kd-verify inside a vitest suite: your claims as tests (one per property) and your implementation
 * of the protocol functions checked against the 60-digit reference (one test per function).
 *
 *   npx vitest run examples/vitest
 */
import { fileURLToPath } from 'node:url';
import { describeClaims, describeImpl } from 'kd-verify/vitest';
import { claims } from '../claims/theorem8-variants.ts';

// Theorem 8 as stated (best proxy, stability proxy); USER-T8-HALF would fail with its counterexample
describeClaims(claims.filter((c) => c.spec.id === 'USER-T8'), { runs: 100 });

// built-in claims and properties can be selected by id too
describeClaims(['KD-L6-DV/inequality'], { runs: 100 });

describeImpl({ module: fileURLToPath(new URL('./my-kl.ts', import.meta.url)), functions: ['kl_discrete', 'entropy'], runs: 200 });
