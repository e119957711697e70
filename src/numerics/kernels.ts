/**
 * Whether the Decimal contexts take ln and exp from the fixed-point kernels (fast-ln.ts,
 * fast-exp.ts) or from decimal.js. Always on in runs; the differential test turns it off to check
 * that the fast path and the pure-decimal.js path reach the same verdicts.
 */
export const fastKernels = { enabled: true };
