import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { memoByContext } from '../engine/memo.ts';
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
export function boundedDifferences<T>(F: Field<T>, w: SharpWorld, q = sharpQuantities(F, w), teachers = datasets(w).map((D) => q.teacher(D)), per = datasetGaps(F, w, q, teachers)) {
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

/**
 * Per dataset D with teacher f = A(D): the gap H = L_P(f) − L_D(f), the empirical and population
 * sharpness S = S_D(f), SP = S_P(f), and the smoothed gap H_U = E_U[L_P(f+U) − L_D(f+U)] = H + SP − S
 * (formed from the sharpness terms, so it carries no cancellation of the ball averages).
 */
export function datasetGaps<T>(F: Field<T>, w: SharpWorld, q = sharpQuantities(F, w), teachers = datasets(w).map((D) => q.teacher(D))) {
  const LP = q.population(q.loss), SPof = q.population(q.sharpness);
  return datasets(w).map((D, d) => {
    const f = teachers[d];
    const H = F.sub(LP(f), q.empirical(D, q.loss)(f));
    const S = q.empirical(D, q.sharpness)(f), SP = SPof(f);
    return { H, S, SP, HU: F.add(H, F.sub(SP, S)) };
  });
}

/** (A3) L = ω·max‖x_j‖ and (A4) α = ω²·max‖x_j‖² for the cosine loss. */
export function lossConstants<T>(F: Field<T>, w: SharpWorld) {
  const omega = F.fromNumber(w.omega);
  const xmax2 = w.xs.map((x) => sum(F, x.map((v) => F.square(F.fromNumber(v))))).reduce((a, b) => F.max(a, b));
  return { L: F.mul(omega, F.sqrt(xmax2)), alpha: F.mul(F.square(omega), xmax2) };
}

/**
 * For the cosine loss, the per-point sharpness s(f; z_j) = cos(ω(fᵀx_j − y_j))·δ_j with
 * δ_j = 1 − φ_p(ωρ‖x_j‖) ∈ [0, ω²ρ²‖x_j‖²/(2(p+2))] has |s| ≤ δ_j and ‖∇_f s‖ ≤ ω‖x_j‖δ_j: the
 * first-order term of the ball average vanishes by the symmetry of U. So the bounded differences
 * of S_D(A(D)) are at most (κ·max_j ω‖x_j‖δ_j + 2·max_j δ_j)/n (stability, then the swapped point).
 */
export function cosineSharpnessConstants<T>(F: Field<T>, w: SharpWorld, q = sharpQuantities(F, w)) {
  const maxOf = (xs: T[]) => xs.reduce((a, b) => F.max(a, b));
  return {
    /** max_j ω‖x_j‖δ_j ≥ sup ‖∇_f s(f; z)‖ */
    gradient: maxOf(q.deficit.map((d, j) => F.mul(F.mul(q.omega, F.sqrt(q.norm2[j])), d))),
    /** max_j δ_j ≥ sup |s(f; z)| */
    size: maxOf(q.deficit),
  };
}

/** The world's constants and bounded differences, once per (context, world): a property, its controls and the other lemmas on the same stream share them. */
export const cachedSharpWorld = memoByContext(<T>(F: Field<T>, w: SharpWorld) => {
  const q = sharpQuantities(F, w);
  return { bd: boundedDifferences(F, w, q), cosine: cosineSharpnessConstants(F, w, q) };
});
