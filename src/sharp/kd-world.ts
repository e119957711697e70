import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { memoByContext } from '../engine/memo.ts';
import { boundedDifferences, datasetGaps } from './bounded-differences.ts';
import { datasets, LOSS_RANGE, sharpQuantities, type SharpWorld } from './world.ts';

/**
 * Theorem 12 on an exact distillation process over a sharpness world. The data space is a grid
 * Z = X × Y (point z = i·|Y| + j is (x_i, y_j)), μ(z) ∝ weights[i][j] > 0. The teacher is the ridge
 * map A, deterministic; the pseudo-labelled set D̂ keeps the inputs of D and draws each label from
 * the teacher's soft prediction
 *   q_f(y_j | x_i) ∝ exp(−β·ℓ(f; (x_i, y_j)))   (or the true channel μ(y|x), or a mixture);
 * the student runs the same map on D̂. So Δ(D, f) = μⁿ(D)·1[f = A(D)], Γ(D̂, f) = Γ_D̂(D̂)·1[f = A(D̂)],
 * the algorithm shift is 0 and K_n = KL(Γ_D̂ ‖ μⁿ), finite because every μⁿ(D̂) > 0.
 */
export interface SharpKdWorld {
  p: number;
  inputs: number[][];
  labels: number[];
  weights: number[][];
  n: number;
  omega: number;
  lambda: number;
  rho: number;
  relabel: { kind: 'truth' } | { kind: 'gibbs'; beta: number } | { kind: 'mixture'; beta: number; eps: number };
}

/** The same world as a SharpWorld over the |X|·|Y| grid points. */
export function asSharpWorld(w: SharpKdWorld): SharpWorld {
  return {
    p: w.p,
    xs: w.inputs.flatMap((x) => w.labels.map(() => x)),
    ys: w.inputs.flatMap(() => w.labels),
    weights: w.inputs.flatMap((_, i) => w.labels.map((_, j) => w.weights[i][j])),
    n: w.n,
    omega: w.omega,
    lambda: w.lambda,
    rho: w.rho,
  };
}

/** The quantities of a process, once per (context, world): establish, sides, controls and probes share them. */
export const sharpKdQuantities = memoByContext(computeQuantities);

export type SharpKdQuantities<T> = ReturnType<typeof computeQuantities<T>>;

/**
 * Γ = Δ by construction: the pseudo-label channel is the true one at every input. That is so for
 * the true channel itself, and for a Gibbs channel (or a mixture) at inputs where every label has
 * the same loss for every f (equal labels, or x = 0 and equal |y|: the Gibbs channel is uniform) and
 * the true channel is uniform too (equal weights).
 */
export function channelIsTruth(w: SharpKdWorld): boolean {
  if (w.relabel.kind === 'truth') return true;
  const sameLoss = (x: number[]) => w.labels.every((y) => y === w.labels[0]) || (x.every((v) => v === 0) && w.labels.every((y) => Math.abs(y) === Math.abs(w.labels[0])));
  return w.inputs.every((x, i) => sameLoss(x) && w.weights[i].every((v) => v === w.weights[i][0]));
}

function computeQuantities<T>(F: Field<T>, w: SharpKdWorld) {
  const sw = asSharpWorld(w);
  const q = sharpQuantities(F, sw);
  const a = w.inputs.length, b = w.labels.length;
  const all = datasets(sw);
  const teachers = all.map((D) => q.teacher(D));
  const muN = all.map((D) => D.reduce((acc, z) => F.mul(acc, q.mu[z]), F.fromNumber(1)));
  const truth = (i: number, j: number) => F.div(q.mu[i * b + j], sum(F, w.labels.map((_, l) => q.mu[i * b + l])));
  // the pseudo-label channel q(j | i) for a teacher f (Gibbs or mixture)
  const channel = (f: T[], relabel: Exclude<SharpKdWorld['relabel'], { kind: 'truth' }>) => Array.from({ length: a }, (_, i) => {
    const beta = F.fromNumber(relabel.beta);
    const e = w.labels.map((_, j) => F.exp(F.neg(F.mul(beta, q.loss(f, i * b + j)))));
    const Z = sum(F, e);
    const gibbs = e.map((x) => F.div(x, Z));
    if (relabel.kind !== 'mixture') return gibbs;
    const eps = F.fromNumber(relabel.eps);
    return gibbs.map((g, j) => F.add(F.mul(F.sub(F.fromNumber(1), eps), truth(i, j)), F.mul(eps, g)));
  });
  // Γ_D̂(D̂) = Σ_D μⁿ(D) Π_k q_{A(D)}(ŷ_k | x_k), over D with the inputs of D̂. Relabelled by the
  // true channel, Γ_D̂ = μⁿ exactly (Π μ(x_k)μ(ŷ_k|x_k)), and K_n = 0: taken as such, not computed.
  const index = (D: number[]) => D.reduce((acc, z, k) => acc + z * (a * b) ** k, 0);
  let gammaD = muN, Kn = F.fromNumber(0);
  const relabel = w.relabel;
  if (relabel.kind !== 'truth' && !channelIsTruth(w)) {
    gammaD = all.map(() => F.fromNumber(0));
    all.forEach((D, d) => {
      const ch = channel(teachers[d], relabel);
      for (let r = 0; r < b ** w.n; r++) {
        const labelsOf = Array.from({ length: w.n }, (_, k) => Math.floor(r / b ** k) % b);
        const Dhat = D.map((z, k) => Math.floor(z / b) * b + labelsOf[k]);
        const prob = labelsOf.reduce((acc, j, k) => F.mul(acc, ch[Math.floor(D[k] / b)][j]), muN[d]);
        const e = index(Dhat);
        gammaD[e] = F.add(gammaD[e], prob);
      }
    });
    Kn = F.max(F.fromNumber(0), sum(F, all.map((_, d) => (F.sign(gammaD[d]) === 0 ? F.fromNumber(0) : F.mul(gammaD[d], F.log(F.div(gammaD[d], muN[d])))))));
  }
  const per = datasetGaps(F, sw, q, teachers);
  const H = per.map((g) => g.H), SP = per.map((g) => g.SP);
  const expect = (law: T[], xs: T[]) => sum(F, law.map((p, d) => F.mul(p, xs[d])));
  const bd = boundedDifferences(F, sw, q, teachers, per);
  const rho = F.fromNumber(w.rho), sqrtN = F.sqrt(F.fromNumber(w.n)), half = F.fromNumber(0.5);
  const r = F.mul(half, F.fromNumber(LOSS_RANGE.b - LOSS_RANGE.a));
  return {
    Kn,
    genT: expect(muN, H),
    genS: expect(gammaD, H),
    sharpT: expect(muN, SP),
    sharpS: expect(gammaD, SP),
    /** the largest gap h takes on any dataset: gen_S = E_Γ h is at most that (the trivial bound) */
    hMax: H.reduce((m, x) => F.max(m, x)),
    /** the laws under Δ of h_U(D, f_T) and S_D(f_T) (weights μⁿ(D)), for their best proxies */
    lawHU: { w: muN, x: per.map((g) => g.HU) },
    lawS: { w: muN, x: per.map((g) => g.S) },
    bd,
    sigma0: F.div(F.add(F.mul(bd.kappa, bd.L), r), sqrtN),
    sigmaU: F.div(F.add(F.mul(bd.kappa, F.add(bd.g0, F.mul(bd.alpha, rho))), r), sqrtN),
    nu: F.div(F.add(F.add(F.mul(half, F.mul(F.mul(bd.alpha, bd.kappa), rho)), F.mul(bd.g0, rho)), F.mul(half, F.mul(bd.alpha, F.square(rho)))), sqrtN),
  };
}
