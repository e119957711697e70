import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { sharpWorldArb } from '../src/gen/sharp-world.ts';
import { cachedSharpWorld } from '../src/sharp/bounded-differences.ts';
import { LOSS_RANGE, type SharpWorld } from '../src/sharp/world.ts';

/**
 * Lemmas 13–15 (seed text): the bounded-difference constants of the teacher's gap h, of the
 * perturbed gap h_U and of the empirical sharpness S_D, checked by enumerating every neighbouring
 * pair of datasets of a sharpness world, with κ, L, α and g0 themselves computed by enumeration
 * (so (A1)–(A4) hold on the instance by construction, with the smallest constants).
 * Each gap lies in [−(b − a), b − a], so a constant of 2(b − a) or more says nothing (vacuous).
 */
type World<T> = ReturnType<typeof cachedSharpWorld<T>>;
const range = <T>(F: Field<T>) => F.fromNumber(LOSS_RANGE.b - LOSS_RANGE.a);
const per = <T>(F: Field<T>, w: SharpWorld, x: T) => F.div(x, F.fromNumber(w.n));
const two = <T>(F: Field<T>, x: T) => F.mul(F.fromNumber(2), x);

interface Variant {
  id: string;
  description: string;
  rhs: <T>(F: Field<T>, w: SharpWorld, b: World<T>) => T;
}

const establish = (w: SharpWorld) => ({
  hypotheses: [
    { name: '(A1) ℓ ∈ [0, 2] (the cosine loss)', established: true },
    { name: 'two or more data points, ridge λ > 0 (the teacher is a unique, stable minimiser)', established: w.xs.length >= 2 && w.lambda > 0 },
  ],
  derived: undefined,
});

const classify = (w: SharpWorld) => [`p:${w.p}`, `n:${w.n}`, `omega:${w.omega}`, `rho:${w.rho}`, w.xs.some((x) => x.every((v) => v === 0)) ? 'zero-input' : 'inputs-nonzero', w.lambda >= 100 ? 'resonant' : 'random'];

function bdProperty(o: {
  id: string;
  claim: string;
  title: string;
  checks?: string;
  headline?: boolean;
  lhs: <T>(b: World<T>) => T;
  rhs: <T>(F: Field<T>, w: SharpWorld, b: World<T>) => T;
  controls: Variant[];
  probes?: Variant[];
}) {
  const sidesOf = (rhs: Variant['rhs']) => <T>(F: Field<T>, w: SharpWorld) => {
    const b = cachedSharpWorld(F, w);
    // a gap in [−(b − a), b − a] changes by at most 2(b − a)
    return { lhs: o.lhs(b), rhs: rhs(F, w, b), trivial: two(F, range(F)) };
  };
  const variant = (c: Variant) => ({ id: c.id, description: c.description, sides: sidesOf(c.rhs) });
  return defineProperty<SharpWorld>({
    id: o.id,
    claim: o.claim,
    title: o.title,
    relation: 'le',
    arbitrary: sharpWorldArb,
    seedKey: 'sharpness/worlds',
    establish,
    sides: sidesOf(o.rhs),
    headline: o.headline,
    checks: o.checks,
    classify,
    controls: o.controls.map(variant),
    probes: o.probes?.map(variant),
  });
}

export const l13 = bdProperty({
  id: 'KD-L13-SIGMA0/bounded-differences',
  claim: 'KD-L13-SIGMA0',
  title: 'max over neighbouring datasets of |h(D, A(D)) − h(D′, A(D′))| ≤ (2κL + (b − a))/n',
  headline: true,
  checks: 'the bounded differences c = (2κL + (b − a))/n by enumeration; σ0 = c√n/2 then follows by McDiarmid (KD-BD-MCDIARMID). Vacuous when c ≥ 2(b − a).',
  lhs: (b) => b.bd.bdH,
  rhs: (F, w, b) => per(F, w, F.add(two(F, F.mul(b.bd.kappa, b.bd.L)), range(F))),
  controls: [
    { id: 'KD-L13-SIGMA0/bounded-differences~range-only', description: 'the stability term 2κL dropped: (b − a)/n', rhs: (F, w) => per(F, w, range(F)) },
    { id: 'KD-L13-SIGMA0/bounded-differences~half', description: 'half the constant: (κL + (b − a)/2)/n', rhs: (F, w, b) => per(F, w, F.add(F.mul(b.bd.kappa, b.bd.L), F.div(range(F), F.fromNumber(2)))) },
  ],
});

export const l14 = bdProperty({
  id: 'KD-L14-SIGMAU/bounded-differences',
  claim: 'KD-L14-SIGMAU',
  title: 'max over neighbouring datasets of |h_U(D, A(D)) − h_U(D′, A(D′))| ≤ (2κ(g0 + αρ) + (b − a))/n',
  headline: true,
  checks: 'the bounded differences c = (2κ(g0 + αρ) + (b − a))/n by enumeration (g0 the largest gradient at any teacher output, so (A4) holds by construction); σ_u = c√n/2 by McDiarmid. Vacuous when c ≥ 2(b − a).',
  lhs: (b) => b.bd.bdHU,
  rhs: (F, w, b) => per(F, w, F.add(two(F, F.mul(b.bd.kappa, F.add(b.bd.g0, F.mul(b.bd.alpha, F.fromNumber(w.rho))))), range(F))),
  controls: [
    { id: 'KD-L14-SIGMAU/bounded-differences~range-only', description: 'the stability term dropped: (b − a)/n', rhs: (F, w) => per(F, w, range(F)) },
    { id: 'KD-L14-SIGMAU/bounded-differences~half', description: 'half the constant: (κ(g0 + αρ) + (b − a)/2)/n', rhs: (F, w, b) => per(F, w, F.add(F.mul(b.bd.kappa, F.add(b.bd.g0, F.mul(b.bd.alpha, F.fromNumber(w.rho)))), F.div(range(F), F.fromNumber(2)))) },
  ],
});

const nuConstant = <T>(F: Field<T>, w: SharpWorld, b: World<T>, drop?: 'alpha-kappa' | 'g0') => {
  const rho = F.fromNumber(w.rho);
  const ak = drop === 'alpha-kappa' ? F.fromNumber(0) : F.mul(F.mul(b.bd.alpha, b.bd.kappa), rho);
  const g = drop === 'g0' ? F.fromNumber(0) : two(F, F.mul(b.bd.g0, rho));
  return per(F, w, F.add(F.add(ak, g), F.mul(b.bd.alpha, F.square(rho))));
};

export const l15 = bdProperty({
  id: 'KD-L15-NU/bounded-differences',
  claim: 'KD-L15-NU',
  title: 'max over neighbouring datasets of |S_D(A(D)) − S_D′(A(D′))| ≤ (ακρ + 2g0ρ + αρ²)/n',
  headline: true,
  checks: 'the bounded differences c = (ακρ + 2g0ρ + αρ²)/n by enumeration; ν = c√n/2 by McDiarmid. Structural ceiling on the cosine worlds: the room used is at most max(c_p, 1/(p+2)) = 1/3, 0.2633, 0.2287 for p = 1, 2, 3, where c_p = sup_s (1 − φ_p(s))/s (c_1 = 1/π at s = π): the first-order term of the ball average vanishes by the symmetry of U, so |s(f; z)| ≤ 1 − φ_p(ωρ‖x‖) ≤ αρ²/(2(p+2)) and ‖∇_f s‖ ≤ ω‖x‖(1 − φ_p) ≤ c_p·αρ, and the 2g0ρ term is never needed. The sharpened bound is checked with teeth in KD-L15-NU/cosine-form.',
  lhs: (b) => b.bd.bdS,
  rhs: (F, w, b) => nuConstant(F, w, b),
  controls: [
    { id: 'KD-L15-NU/bounded-differences~stability-term-only', description: 'only the stability term ακρ/n (the sample-swap terms dropped)', rhs: (F, w, b) => per(F, w, F.mul(F.mul(b.bd.alpha, b.bd.kappa), F.fromNumber(w.rho))) },
    { id: 'KD-L15-NU/bounded-differences~rho-cubed', description: 'ρ³ in place of ρ² in the curvature term and ρ² in place of ρ elsewhere', rhs: (F, w, b) => { const r2 = F.square(F.fromNumber(w.rho)); return per(F, w, F.add(F.add(F.mul(F.mul(b.bd.alpha, b.bd.kappa), r2), two(F, F.mul(b.bd.g0, r2))), F.mul(b.bd.alpha, F.mul(r2, F.fromNumber(w.rho))))); } },
  ],
  probes: [
    { id: 'KD-L15-NU/bounded-differences~without-g0', description: "the catalogue's remark: by the symmetry of U the 2g0ρ term is not needed, (ακρ + αρ²)/n", rhs: (F, w, b) => nuConstant(F, w, b, 'g0') },
    { id: 'KD-L15-NU/bounded-differences~curvature-only', description: 'only the curvature term αρ²/n (the stability term at first order in ρ vanishes too)', rhs: (F, w, b) => per(F, w, F.mul(b.bd.alpha, F.square(F.fromNumber(w.rho)))) },
    { id: 'KD-L15-NU/bounded-differences~third', description: 'a third of the constant: (ακρ + 2g0ρ + αρ²)/(3n), within the structural ceiling for p = 1', rhs: (F, w, b) => F.div(nuConstant(F, w, b), F.fromNumber(3)) },
  ],
});

/** (κ·max_j ω‖x_j‖δ_j + k·max_j δ_j)/n, δ_j = 1 − φ_p(ωρ‖x_j‖): the bounded differences of S_D for the cosine loss. */
const cosineForm = (o: { swap?: number; stability?: boolean } = {}) => <T>(F: Field<T>, w: SharpWorld, b: World<T>) =>
  per(F, w, F.add(o.stability === false ? F.fromNumber(0) : F.mul(b.bd.kappa, b.cosine.gradient), F.mul(F.fromNumber(o.swap ?? 2), b.cosine.size)));

export const l15Cosine = bdProperty({
  id: 'KD-L15-NU/cosine-form',
  claim: 'KD-L15-NU',
  title: 'for the cosine loss: max over neighbours of |S_D(A(D)) − S_D′(A(D′))| ≤ (κ·max_j ω‖x_j‖δ_j + 2·max_j δ_j)/n with δ_j = 1 − φ_p(ωρ‖x_j‖) (the lemma with the first-order term removed)',
  checks: 'the derivation of Lemma 15 with the exact per-point sharpness s(f; z_j) = cos(ω(fᵀx_j − y_j))·δ_j of the cosine loss: the stability term κ·sup‖∇s‖/n with ‖∇s‖ ≤ ω‖x_j‖δ_j (in place of αρ), the swap term 2·sup|s|/n with |s| ≤ δ_j (in place of 2g0ρ + αρ²). Since δ_j ≤ αρ²/(2(p+2)) and ω‖x_j‖δ_j ≤ c_p·αρ, this bound is at most max(c_p, 1/(p+2)) times the lemma\'s.',
  lhs: (b) => b.bd.bdS,
  rhs: cosineForm(),
  controls: [
    { id: 'KD-L15-NU/cosine-form~one-swap', description: 'one swapped point only: (κ·max ω‖x‖δ + max δ)/n', rhs: cosineForm({ swap: 1 }) },
    { id: 'KD-L15-NU/cosine-form~no-stability', description: 'the stability term dropped: 2·max δ/n', rhs: cosineForm({ stability: false }) },
  ],
});

export const properties = [l13, l14, l15, l15Cosine];
