import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { sharpWorldArb } from '../src/gen/sharp-world.ts';
import { boundedDifferences } from '../src/sharp/bounded-differences.ts';
import { LOSS_RANGE, type SharpWorld } from '../src/sharp/world.ts';

/**
 * Lemmas 13–15 (seed text): the bounded-difference constants of the teacher's gap h, of the
 * perturbed gap h_U and of the empirical sharpness S_D, checked by enumerating every neighbouring
 * pair of datasets of a sharpness world, with κ, L, α and g0 themselves computed by enumeration
 * (so (A1)–(A4) hold on the instance by construction, with the smallest constants).
 */
type BD<T> = ReturnType<typeof boundedDifferences<T>>;
const range = <T>(F: Field<T>) => F.fromNumber(LOSS_RANGE.b - LOSS_RANGE.a);
const per = <T>(F: Field<T>, w: SharpWorld, x: T) => F.div(x, F.fromNumber(w.n));
const two = <T>(F: Field<T>, x: T) => F.mul(F.fromNumber(2), x);

interface Variant {
  id: string;
  description: string;
  rhs: <T>(F: Field<T>, w: SharpWorld, b: BD<T>) => T;
}

const establish = (w: SharpWorld) => ({
  hypotheses: [
    { name: '(A1) ℓ ∈ [0, 2] (the cosine loss)', established: true },
    { name: 'two or more data points, ridge λ > 0 (the teacher is a unique, stable minimiser)', established: w.xs.length >= 2 && w.lambda > 0 },
  ],
  derived: undefined,
});

const classify = (w: SharpWorld) => [`p:${w.p}`, `n:${w.n}`, `omega:${w.omega}`, `rho:${w.rho}`, w.xs.some((x) => x.every((v) => v === 0)) ? 'zero-input' : 'inputs-nonzero'];

function bdProperty(o: {
  id: string;
  claim: string;
  title: string;
  lhs: <T>(b: BD<T>) => T;
  rhs: <T>(F: Field<T>, w: SharpWorld, b: BD<T>) => T;
  controls: Variant[];
  probes?: Variant[];
}) {
  const variant = (c: Variant) => ({
    id: c.id,
    description: c.description,
    sides: <T>(F: Field<T>, w: SharpWorld) => {
      const b = boundedDifferences(F, w);
      return { lhs: o.lhs(b), rhs: c.rhs(F, w, b) };
    },
  });
  return defineProperty<SharpWorld>({
    id: o.id,
    claim: o.claim,
    title: o.title,
    relation: 'le',
    arbitrary: sharpWorldArb,
    seedKey: 'sharpness/worlds',
    establish,
    sides: (F, w) => {
      const b = boundedDifferences(F, w);
      return { lhs: o.lhs(b), rhs: o.rhs(F, w, b) };
    },
    classify,
    controls: o.controls.map(variant),
    probes: o.probes?.map(variant),
  });
}

export const l13 = bdProperty({
  id: 'KD-L13-SIGMA0/bounded-differences',
  claim: 'KD-L13-SIGMA0',
  title: 'max over neighbouring datasets of |h(D, A(D)) − h(D′, A(D′))| ≤ (2κL + (b − a))/n',
  lhs: (b) => b.bdH,
  rhs: (F, w, b) => per(F, w, F.add(two(F, F.mul(b.kappa, b.L)), range(F))),
  controls: [
    { id: 'KD-L13-SIGMA0/bounded-differences~range-only', description: 'the stability term 2κL dropped: (b − a)/n', rhs: (F, w) => per(F, w, range(F)) },
    { id: 'KD-L13-SIGMA0/bounded-differences~half', description: 'half the constant: (κL + (b − a)/2)/n', rhs: (F, w, b) => per(F, w, F.add(F.mul(b.kappa, b.L), F.div(range(F), F.fromNumber(2)))) },
  ],
});

export const l14 = bdProperty({
  id: 'KD-L14-SIGMAU/bounded-differences',
  claim: 'KD-L14-SIGMAU',
  title: 'max over neighbouring datasets of |h_U(D, A(D)) − h_U(D′, A(D′))| ≤ (2κ(g0 + αρ) + (b − a))/n',
  lhs: (b) => b.bdHU,
  rhs: (F, w, b) => per(F, w, F.add(two(F, F.mul(b.kappa, F.add(b.g0, F.mul(b.alpha, F.fromNumber(w.rho))))), range(F))),
  controls: [
    { id: 'KD-L14-SIGMAU/bounded-differences~range-only', description: 'the stability term dropped: (b − a)/n', rhs: (F, w) => per(F, w, range(F)) },
    { id: 'KD-L14-SIGMAU/bounded-differences~half', description: 'half the constant: (κ(g0 + αρ) + (b − a)/2)/n', rhs: (F, w, b) => per(F, w, F.add(F.mul(b.kappa, F.add(b.g0, F.mul(b.alpha, F.fromNumber(w.rho)))), F.div(range(F), F.fromNumber(2)))) },
  ],
});

const nuConstant = <T>(F: Field<T>, w: SharpWorld, b: BD<T>, drop?: 'alpha-kappa' | 'g0') => {
  const rho = F.fromNumber(w.rho);
  const ak = drop === 'alpha-kappa' ? F.fromNumber(0) : F.mul(F.mul(b.alpha, b.kappa), rho);
  const g = drop === 'g0' ? F.fromNumber(0) : two(F, F.mul(b.g0, rho));
  return per(F, w, F.add(F.add(ak, g), F.mul(b.alpha, F.square(rho))));
};

export const l15 = bdProperty({
  id: 'KD-L15-NU/bounded-differences',
  claim: 'KD-L15-NU',
  title: 'max over neighbouring datasets of |S_D(A(D)) − S_D′(A(D′))| ≤ (ακρ + 2g0ρ + αρ²)/n',
  lhs: (b) => b.bdS,
  rhs: (F, w, b) => nuConstant(F, w, b),
  controls: [
    { id: 'KD-L15-NU/bounded-differences~stability-term-only', description: 'only the stability term ακρ/n (the sample-swap terms dropped)', rhs: (F, w, b) => per(F, w, F.mul(F.mul(b.alpha, b.kappa), F.fromNumber(w.rho))) },
    { id: 'KD-L15-NU/bounded-differences~rho-cubed', description: 'ρ³ in place of ρ² in the curvature term and ρ² in place of ρ elsewhere', rhs: (F, w, b) => { const r2 = F.square(F.fromNumber(w.rho)); return per(F, w, F.add(F.add(F.mul(F.mul(b.alpha, b.kappa), r2), two(F, F.mul(b.g0, r2))), F.mul(b.alpha, F.mul(r2, F.fromNumber(w.rho))))); } },
  ],
  probes: [
    { id: 'KD-L15-NU/bounded-differences~without-g0', description: "the catalogue's remark: by the symmetry of U the 2g0ρ term is not needed, (ακρ + αρ²)/n", rhs: (F, w, b) => nuConstant(F, w, b, 'g0') },
    { id: 'KD-L15-NU/bounded-differences~curvature-only', description: 'only the curvature term αρ²/n (the stability term at first order in ρ vanishes too)', rhs: (F, w, b) => per(F, w, F.mul(b.alpha, F.square(F.fromNumber(w.rho)))) },
  ],
});

export const properties = [l13, l14, l15];
