/**
 * A module adapter for `kdverify check-impl`: the vector quantities computed with TensorFlow.js
 * (tfjs-core 4 on its CPU backend: float32 tensors), written the way its users write them. Every
 * function is async (it awaits `data()`), as tfjs code is; check-impl awaits it.
 *
 *   (cd .npm-impl && npm install @tensorflow/tfjs-core@4 @tensorflow/tfjs-backend-cpu@4)
 *   npx kdverify check-impl --precision float32 --module examples/adapters/tfjs.ts
 *
 * tfjs-core has no KL divergence, entropy or CGF: they are written from its ops. It has no matrix
 * inverse, determinant or SVD, so the matrix functions are not exported.
 */
import { createRequire } from 'node:module';

/** The part of tfjs-core's API used here (typed locally: the library lives outside the project's dependencies). */
interface Tensor {
  data(): Promise<ArrayLike<number>>;
}
type T = Tensor | number;
interface Tf {
  version_core: string;
  setBackend(name: string): Promise<boolean>;
  tidy<R extends Tensor>(f: () => R): R;
  tensor1d(v: number[]): Tensor;
  [op: string]: unknown;
}
type Op1 = (a: T) => Tensor;
type Op2 = (a: T, b: T) => Tensor;

const require = createRequire(new URL('../../.npm-impl/', import.meta.url));
const tf = require('@tensorflow/tfjs-core') as Tf;
const { sum, log, neg, sqrt, logSumExp, softmax: soft, norm } = tf as unknown as Record<'sum' | 'log' | 'neg' | 'sqrt' | 'logSumExp' | 'softmax' | 'norm', Op1>;
const { mul, div, add, sub } = tf as unknown as Record<'mul' | 'div' | 'add' | 'sub', Op2>;
require('@tensorflow/tfjs-backend-cpu');
await tf.setBackend('cpu');

export const name = `tfjs-core ${tf.version_core} (cpu backend, float32)`;

type Vec = number[];
const scalar = async (t: Tensor): Promise<number> => (await t.data())[0];
const vector = async (t: Tensor): Promise<Vec> => Array.from(await t.data());

/** Σ p·log(p/q). */
export const kl_discrete = (p: Vec, q: Vec) => scalar(tf.tidy(() => sum(mul(tf.tensor1d(p), log(div(tf.tensor1d(p), tf.tensor1d(q)))))));
/** −Σ p·log p. */
export const entropy = (p: Vec) => scalar(tf.tidy(() => neg(sum(mul(tf.tensor1d(p), log(tf.tensor1d(p)))))));
export const logsumexp = (x: Vec) => scalar(tf.tidy(() => logSumExp(tf.tensor1d(x))));
/** log Σ p·e^{λx} = logSumExp(λx + log p). */
export const cgf = (x: Vec, p: Vec, lambda: number) => scalar(tf.tidy(() => logSumExp(add(mul(tf.tensor1d(x), lambda), log(tf.tensor1d(p))))));
export const softmax = (z: Vec, temperature: number) => vector(tf.tidy(() => soft(div(tf.tensor1d(z), temperature))));
export const power_soften = (p: Vec, temperature: number) => vector(tf.tidy(() => soft(div(log(tf.tensor1d(p)), temperature))));
export const kd_upper_bound = (gen_t: number, sigma: number, kn: number) => scalar(tf.tidy(() => add(gen_t, mul(sigma, sqrt(mul(2, kn))))));
export const kd_lower_bound = (gen_t: number, c: number, eta: number, kn: number) => scalar(tf.tidy(() => sub(mul(c, gen_t), div(kn, eta))));
/** √(Σc²)/2 with tf.norm. */
export const mcdiarmid_sigma = (c: Vec) => scalar(tf.tidy(() => div(norm(tf.tensor1d(c)), 2)));
export const hoeffding_sigma = (a: number, b: number) => scalar(tf.tidy(() => div(sub(b, a), 2)));
