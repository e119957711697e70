import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { datasets, neighbourPairs, sharpQuantities, type SharpWorld } from './world.ts';

/**
 * The constants of (A2)–(A4) and the bounded differences of the three gaps of Lemmas 13–15, all by
 * enumeration of the world's datasets and neighbouring pairs, in one arithmetic context:
 *   κ  = n · max ‖A(D) − A(D')‖ over neighbours (argument stability, (A2));
 *   L  = ω · max_j ‖x_j‖ (global Lipschitz constant of ℓ, (A3));
 *   α  = ω² · max_j ‖x_j‖² (smoothness, (A4));
 *   g0 = max over datasets D and points z of ‖∇ℓ(A(D); z)‖ (gradient at every teacher output, (A4));
 * and, with f = A(D), the maxima over neighbours of the changes of
 *   H(D)  = L_P(f) − L_D(f),  H_U(D) = E_U[L_P(f+U) − L_D(f+U)],  S(D) = E_U L_D(f+U) − L_D(f).
 * A caller that already has the world's quantities and teachers (in the same context) passes them.
 */
export function boundedDifferences<T>(F: Field<T>, w: SharpWorld, q = sharpQuantities(F, w), teachers = datasets(w).map((D) => q.teacher(D))) {
  const all = datasets(w);
  const LP = q.population(q.loss), LPU = q.population(q.smoothedLoss);
  const per = all.map((D, d) => {
    const f = teachers[d];
    const LD = q.empirical(D, q.loss)(f), LDU = q.empirical(D, q.smoothedLoss)(f);
    return { H: F.sub(LP(f), LD), HU: F.sub(LPU(f), LDU), S: F.sub(LDU, LD) };
  });
  const maxOf = (xs: T[]) => xs.reduce((a, b) => F.max(a, b));
  const pairs = neighbourPairs(w);
  const change = (key: 'H' | 'HU' | 'S') => maxOf(pairs.map(([d, e]) => F.abs(F.sub(per[d][key], per[e][key]))));
  const dist = (d: number, e: number) => F.sqrt(sum(F, teachers[d].map((v, k) => F.square(F.sub(v, teachers[e][k])))));
  return {
    kappa: F.mul(F.fromNumber(w.n), maxOf(pairs.map(([d, e]) => dist(d, e)))),
    ...lossConstants(F, w),
    g0: maxOf(teachers.flatMap((f) => w.xs.map((_, j) => q.gradNorm(f, j)))),
    bdH: change('H'),
    bdHU: change('HU'),
    bdS: change('S'),
  };
}

/** (A3) L = ω·max‖x_j‖ and (A4) α = ω²·max‖x_j‖² for the cosine loss. */
export function lossConstants<T>(F: Field<T>, w: SharpWorld) {
  const omega = F.fromNumber(w.omega);
  const xmax2 = w.xs.map((x) => sum(F, x.map((v) => F.square(F.fromNumber(v))))).reduce((a, b) => F.max(a, b));
  return { L: F.mul(omega, F.sqrt(xmax2)), alpha: F.mul(F.square(omega), xmax2) };
}
