import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinProperties } from '../../properties/index.ts';
import { checkInstance } from '../../src/engine/run-property.ts';
import { precisionPolicy } from '../../src/numerics/certify.ts';

/**
 * The double-interval screen is only a shortcut: on generated instances of every property, the
 * verdict with the screen equals the verdict computed in Decimal enclosures alone.
 */
describe.each(builtinProperties.map((p) => [p.id, p] as const))('%s', (_id, prop) => {
  it('the screen never changes a verdict', () => {
    const policy = precisionPolicy(40);
    let compared = 0;
    for (const instance of fc.sample(prop.arbitrary, { numRuns: 25, seed: 11 })) {
      const est = prop.establish?.(instance);
      const fast = checkInstance(prop, instance, policy, undefined, est).cert;
      const slow = checkInstance(prop, instance, { ...policy, noScreen: true }, undefined, est).cert;
      expect(fast?.verdict).toBe(slow?.verdict);
      if (fast) compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
