import type { FnSpec } from '../expected.ts';
import type { FnName } from '../protocol.ts';
import { entropy, klDiscrete } from './divergences.ts';
import { cgf, logsumexp, powerSoften, softmax } from './log-exp.ts';
import { inverse, klGaussian, logdet, rankKApprox, singularValues } from './linear-algebra.ts';
import { hoeffdingSigma, kdLowerBound, kdUpperBound, mcdiarmidSigma } from './bounds.ts';
import { jsDivergence, kdLoss, logSoftmax, softCrossEntropy } from './kd-losses.ts';

/** Every protocol function, in the order of the protocol's table. */
export const FN_SPECS: readonly FnSpec[] = [klDiscrete, entropy, logsumexp, cgf, softmax, powerSoften, klGaussian, logdet, inverse, singularValues, rankKApprox, kdUpperBound, kdLowerBound, mcdiarmidSigma, hoeffdingSigma, logSoftmax, kdLoss, softCrossEntropy, jsDivergence];

export const specOf = (name: FnName): FnSpec => FN_SPECS.find((s) => s.name === name)!;
