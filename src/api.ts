/**
 * The public API for claims files (`kdverify run --claims-file FILE`): the same building blocks the
 * built-in claims use. A claims file exports `claims`, an array of `defineClaim(...)` results.
 */
export { default as fc } from 'fast-check';
export type { Field } from './numerics/field.ts';
export { sum } from './numerics/field.ts';
export { defineProperty, type PropertyDef, type NegativeControl } from './engine/property.ts';
export { defineClaim, type UserClaim } from './spec/user-claims.ts';
export { dist, type FiniteDist } from './prob/distribution.ts';
export { kl, entropy } from './prob/divergence.ts';
export { logSumExp, weightedMean, weightedVariance } from './prob/moments.ts';
export { weightsOf, weights } from './gen/weights.ts';
export { weightPairOf, type WeightPair } from './gen/pairs.ts';
export { sameDistribution } from './kd/degenerate.ts';
export { gridReal, logReal, signedLogReal } from './gen/reals.ts';
export { matrixOf, spdOf } from './gen/matrices.ts';
export { normalise, l1, klOf, entropyOf } from './skd/simplex.ts';
export { power, mixing } from './skd/operators.ts';
