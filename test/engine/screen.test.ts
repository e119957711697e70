import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinProperties } from '../../properties/index.ts';
import { checkInstance } from '../../src/engine/run-property.ts';
import { precisionPolicy, type PrecisionPolicy } from '../../src/numerics/certify.ts';
import { fastKernels } from '../../src/numerics/kernels.ts';

/** The certificate with the fast paths of `policy`, and in Decimal enclosures alone with decimal.js's own functions. */
function fastAndSlow(prop: (typeof builtinProperties)[number], instance: unknown, policy: PrecisionPolicy) {
  const est = prop.establish?.(instance);
  const fast = checkInstance(prop, instance, policy, undefined, est).cert;
  fastKernels.enabled = false;
  try {
    return { fast, slow: checkInstance(prop, instance, { ...policy, noScreen: true }, undefined, est).cert };
  } finally {
    fastKernels.enabled = true;
  }
}

/**
 * Distinct instances of a sample: a property on a constant or small domain (SKD-CONV-1N's
 * catalogue path draws one fixed instance) would otherwise be evaluated on the slow path again and
 * again with the same verdict. fast-check's stringify keeps −0, NaN and ±∞ apart.
 */
const distinct = <T>(xs: T[]): T[] => [...new Map(xs.map((x) => [fc.stringify(x), x] as const)).values()];

/**
 * The fast path is only a shortcut: on generated instances of every property, the verdict with the
 * double-interval screens (plain and extended-exponent), the MPFR enclosures and the fixed-point
 * ln/exp/cos/sin kernels equals the verdict computed in Decimal enclosures alone with decimal.js's
 * own ln, exp, cos and sin.
 */
describe.each(builtinProperties.map((p) => [p.id, p] as const))('%s', (_id, prop) => {
  it('the fast path (screens, fixed-point kernels) never changes a verdict', () => {
    const policy = precisionPolicy(40);
    let compared = 0;
    for (const instance of distinct(fc.sample(prop.arbitrary, { numRuns: 25, seed: 11 }))) {
      const { fast, slow } = fastAndSlow(prop, instance, policy);
      expect(fast?.verdict).toBe(slow?.verdict);
      if (fast) compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

/**
 * The MPFR enclosures in front of Decimal: with the double screens off, every instance goes through
 * them, and the verdict equals Decimal's alone (decimal.js's own ln, exp, cos and sin).
 */
describe('the MPFR enclosures', () => {
  it('never change a verdict, on instances of every property', () => {
    const policy = precisionPolicy(40);
    let byMpfr = 0;
    for (const prop of builtinProperties) {
      for (const instance of distinct(fc.sample(prop.arbitrary, { numRuns: 5, seed: 12 }))) {
        const { fast, slow } = fastAndSlow(prop, instance, { ...policy, noDoubleScreen: true });
        expect(fast?.verdict, `${prop.id}`).toBe(slow?.verdict);
        if (fast?.context === 'interval-mpfr') byMpfr++;
      }
    }
    // most instances hold with room: MPFR decides them
    expect(byMpfr).toBeGreaterThan(150);
  });
});

import { t8Stability } from '../../properties/kd-t8-upper.ts';
import { certify } from '../../src/numerics/certify.ts';
import type { Field } from '../../src/numerics/field.ts';

describe('the extended-exponent screen', () => {
  it('decides worlds whose plain-double enclosures underflow, with the verdict of Decimal', () => {
    const policy = precisionPolicy(40);
    let extended = 0;
    for (const instance of fc.sample(t8Stability.arbitrary, { numRuns: 300, seed: 5 })) {
      const est = t8Stability.establish!(instance);
      if (est.hypotheses.some((h) => !h.established)) continue;
      const formula = <T,>(F: Field<T>) => t8Stability.sides(F, instance, est.derived);
      const fast = certify(formula, 'le', policy);
      if (fast.context !== 'interval-double-x') continue;
      extended++;
      expect(fast.verdict).toBe(certify(formula, 'le', { ...policy, noScreen: true }).verdict);
    }
    // the generator's extreme weights (5e-324, 1e300) make this path common
    expect(extended).toBeGreaterThan(5);
  });
});
