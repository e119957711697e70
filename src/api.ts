/**
 * kd-verify's public API (`import … from 'kd-verify'`; `kd-verify/api` is the same module): the
 * building blocks the built-in claims are made of, to state the papers' theorems and your own
 * variants of them, and the programmatic runners.
 *
 * A claim is a `defineClaim({...})` with properties built by `defineProperty({...})`: a fast-check
 * generator of instances, the hypotheses established on each instance, the two sides of the
 * relation computed once over an arithmetic context `F` (doubles, Decimal, certified intervals:
 * the engine picks), and planted wrong variants (negative controls) the generator must refute.
 * Every function below that takes `F` works in any context.
 *
 * @module
 */

// ── Claims and properties ───────────────────────────────────────────────────────────────────────
export { default as fc } from 'fast-check';
export { defineClaim, type UserClaim } from './spec/user-claims.ts';
export { defineProperty, type PropertyDef, type NegativeControl, type Established, type HypothesisCheck, type InstanceSides, type Breakdown, type Figure } from './engine/property.ts';
export type { Relation, Sides, Formula, Certificate, Enclosure, InstanceVerdict, InstanceClass, PrecisionPolicy } from './numerics/certify.ts';
export { certify, precisionPolicy } from './numerics/certify.ts';

// ── Running claims and checking implementations ─────────────────────────────────────────────────
export { verify, checkImpl, type VerifyOptions, type CheckImplOptions, type ProgressEvent, type Report, type PropertyResult, type ImplReport, type FunctionResult, type FnName } from './programmatic.ts';

// ── Arithmetic contexts ────────────────────────────────────────────────────────────────────────
export { sum, isPosInfinity, type Field } from './numerics/field.ts';
export { InsufficientPrecision } from './numerics/insufficient-precision.ts';
export { doubleField } from './numerics/double-field.ts';
export { decimalField } from './numerics/decimal-field.ts';
export { intervalField, type DecimalInterval } from './numerics/interval-decimal-field.ts';
export { intervalDoubleField, type DoubleInterval } from './numerics/interval-double-field.ts';
export { exactDecimalString, compareExactSums } from './numerics/exact.ts';

// ── Finite distributions, divergences, moments ──────────────────────────────────────────────────
export { dist, absolutelyContinuous, support, DistributionError, type FiniteDist } from './prob/distribution.ts';
export { kl, entropy } from './prob/divergence.ts';
export { sameDistribution } from './kd/degenerate.ts';
export { logSumExp, logMeanExp, centredLogMeanExp, weightedMean, weightedVariance } from './prob/moments.ts';
export { rv, atoms, mean, variance, cgf, centredCgf, range, type FiniteRV } from './prob/cgf.ts';
export { expectation, logExpectationExp, dvFunctional, logDensityRatio } from './prob/donsker-varadhan.ts';
export { gaussianKl } from './prob/gaussian-kl.ts';

// ── Sub-Gaussian proxies ────────────────────────────────────────────────────────────────────────
export { hoeffdingSigma, mgfBoundRhs, bestProxy, bestProxyOfLaw, type ProxyEnclosure } from './prob/subgaussian.ts';

// ── Product spaces, McDiarmid, exact tail events ────────────────────────────────────────────────
export { productFunction, pointCount, pointProbabilities, pushforward, boundedDifferences, type ProductFunction } from './prob/product-space.ts';
export { sumSquares, mcdiarmidSigma, mcdiarmidVarianceProxy, centredMgf, tailProbability, mcdiarmidTailBound } from './prob/mcdiarmid.ts';
export { tailEvent, eventProbability, exactTailProbability } from './prob/tail-event.ts';

// ── Generators (fast-check arbitraries) ─────────────────────────────────────────────────────────
export { weightsOf, weights, atomCount, type WeightKind } from './gen/weights.ts';
export { weightPairOf, type WeightPair, type PairRelation } from './gen/pairs.ts';
export { gridReal, logReal, signedLogReal } from './gen/reals.ts';
export { valuesOf, lambdaArb, type ValueKind } from './gen/values.ts';
export { matrixOf, spdOf, illConditionedSpdOf, RIDGES, type SpdSpec } from './gen/matrices.ts';
export { productInstance, coordinates, type ProductInstanceData, type TableKind } from './gen/product.ts';
export { worldArb, nearTeacherArb, ermWorldArb, seededTeacherWorldArb, deterministicLearnerArb, classifyWorld, lossTable, type WorldInstance, type LossKind } from './gen/world.ts';
export { lgDataArb, type LgData } from './gen/linear-gaussian.ts';
export { rankStudentArb, familiesAt, type Family, type FamilyModel } from './gen/lg-rank-student.ts';
export { sharpWorldArb, sharpKdWorldArb } from './gen/sharp-world.ts';
export { axiomInstanceArb, perturbed, type AxiomInstance } from './gen/simplex.ts';

// ── Exact KD worlds: laws Δ and Γ, K_n, gen_S, gen_T, h, proxies, central constant, stability ──
export { checkWorld, lossRange, WorldError, type WorldSpec, type Learner, type DeterministicLearner } from './kd/world.ts';
export { worldLaws, lawKl, lawMean, distillationQuantities, chainRuleSplit, erm, hRange, type Law, type WorldLaws } from './kd/processes.ts';
export { gammaEqualsDelta } from './kd/degenerate.ts';
export { establishWorld, establishBoundedLoss, genTPositive, upperBound, lowerBound, type WorldDerived } from './kd/establish.ts';
export { proxyOfH, cachedProxyOfH, hLawUnderDelta, lawOf, type HProxy } from './kd/proxy.ts';
export { bestCentralC, logMgfNeg, varianceOfH, etaFromFraction } from './kd/central.ts';
export { uniformStability, boundedDifferenceOfH, stabilityConstant, stabilityProxy2 } from './kd/stability.ts';

// ── Matrices, Gaussian and matrix-normal KL, the linear-Gaussian case study ─────────────────────
export * as matrix from './linalg/matrix.ts';
export { type Mat, LinalgError, lift } from './linalg/matrix.ts';
export { cholesky, logdetSpd, choleskySolve, inverseSpd } from './linalg/cholesky.ts';
export { certifiedSpd, certifiedPositiveDefinite } from './linalg/certified-spd.ts';
export { gaussianKlVec, matrixNormalKl } from './linalg/gaussian.ts';
export { gibbsPrecision, gibbsClosedForm, gibbsVecForm, type GibbsParams } from './linalg/gibbs.ts';
export { lgLaws, lgKn, lgChainSplit, gibbsMap, type LgModel, type Gaussian } from './linalg/lg-processes.ts';
export { rankStudentDerived, rankStudentTerms, algorithmShiftBound, xFullRank, type RankStudentModel, type RankStudentDerived, type FinalTerms } from './linalg/lg-rank-student.ts';

// ── Sharpness worlds (Theorem 12) ───────────────────────────────────────────────────────────────
export { sharpQuantities, datasets, neighbourPairs, LOSS_RANGE, type SharpWorld } from './sharp/world.ts';
export { sharpKdQuantities, asSharpWorld, type SharpKdWorld } from './sharp/kd-world.ts';
export { boundedDifferences as sharpBoundedDifferences, lossConstants } from './sharp/bounded-differences.ts';
export { ballCosMean, ballCosMeanClosed, ballSecondMoment } from './sharp/ball.ts';
export { tightness, type TightnessConstants } from './sharp/tightness.ts';
export { curvatureBound, certifiedTopEigenvalue } from './sharp/tau-op.ts';

// ── Softening operators (sparse KD) ─────────────────────────────────────────────────────────────
export { power, softmaxLogits, mixing, powerTopK, additiveSmoothing, sharpening, complementMixing, powerByExponent, topKSet, truncate, OPERATORS, type Operator } from './skd/operators.ts';
export { normalise, logWeights, softmaxOn, entropyOf, l1, uniformOn, klOf } from './skd/simplex.ts';
export { AXIOMS, inDomain, continuityModulus, type Axiom } from './skd/axioms.ts';
