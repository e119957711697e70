import type { Field } from '../numerics/field.ts';

/**
 * The tightness regime of the sharpness-aware bound (KD-TIGHT-RHO0; coefficients derived in the
 * catalogue from the proxies of Lemmas 13–15, the seed text is cut off at "A0 := κ(…"):
 *   σ0 = (κL + (b−a)/2)/√n,  σu(ρ) = (κ(g0 + αρ) + (b−a)/2)/√n,  ν(ρ) = (ακρ/2 + g0ρ + αρ²/2)/√n,
 *   σ0 − σu(ρ) − ν(ρ) = (A0 − A1ρ − A2ρ²)/√n,  A0 = κ(L − g0), A1 = 3κα/2 + g0, A2 = α/2.
 * With Lemma 16, B_sh(ρ) < B_std ⇔ ½τρ² < c_K(A0 − A1ρ − A2ρ²), c_K = √(2K_n/n), i.e. ρ < ρ0, the
 * positive root of (½τ + A2c_K)ρ² + A1c_Kρ − A0c_K = 0.
 */
export interface TightnessConstants {
  kappa: number;
  L: number;
  g0: number;
  alpha: number;
  tau: number;
  Kn: number;
  n: number;
  /** the loss range b − a */
  range: number;
}

/** The tightness regime's quantities in F: A0, A1, A2, c_K, ρ0 and the advantage B_std − B_sh(ρ) (see above). */
export function tightness<T>(F: Field<T>, c: TightnessConstants, o: { A1?: 'kappa-alpha'; tauFactor?: number } = {}) {
  const k = F.fromNumber(c.kappa), L = F.fromNumber(c.L), g0 = F.fromNumber(c.g0), alpha = F.fromNumber(c.alpha);
  const half = (x: T) => F.div(x, F.fromNumber(2));
  const sqrtN = F.sqrt(F.fromNumber(c.n));
  const A0 = F.mul(k, F.sub(L, g0));
  const A1 = F.add(o.A1 === 'kappa-alpha' ? F.mul(k, alpha) : F.mul(F.fromNumber(1.5), F.mul(k, alpha)), g0);
  const A2 = half(alpha);
  const cK = F.sqrt(F.div(F.mul(F.fromNumber(2), F.fromNumber(c.Kn)), F.fromNumber(c.n)));
  const qa = F.add(F.mul(F.fromNumber(o.tauFactor ?? 0.5), F.fromNumber(c.tau)), F.mul(A2, cK));
  const qb = F.mul(A1, cK), qc = F.mul(A0, cK);
  const rho0 = F.div(F.sub(F.sqrt(F.add(F.square(qb), F.mul(F.fromNumber(4), F.mul(qa, qc)))), qb), F.mul(F.fromNumber(2), qa));
  const r = half(F.fromNumber(c.range));
  const sigma0 = F.div(F.add(F.mul(k, L), r), sqrtN);
  const sigmaU = (rho: T) => F.div(F.add(F.mul(k, F.add(g0, F.mul(alpha, rho))), r), sqrtN);
  const nu = (rho: T) => F.div(F.add(F.add(half(F.mul(F.mul(alpha, k), rho)), F.mul(g0, rho)), half(F.mul(alpha, F.square(rho)))), sqrtN);
  const poly = (rho: T) => F.div(F.sub(F.sub(A0, F.mul(A1, rho)), F.mul(A2, F.square(rho))), sqrtN);
  /** (B_std − B_sh(ρ)) with E[S_P] replaced by Lemma 16's ½τρ²: positive exactly on (0, ρ0) */
  const advantage = (rho: T) => F.sub(F.mul(F.sub(F.sub(sigma0, sigmaU(rho)), nu(rho)), F.sqrt(F.mul(F.fromNumber(2), F.fromNumber(c.Kn)))), F.mul(F.mul(F.fromNumber(0.5), F.fromNumber(c.tau)), F.square(rho)));
  return { A0, A1, A2, cK, rho0, sigma0, sigmaU, nu, poly, advantage };
}
