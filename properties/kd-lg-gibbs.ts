import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { lgDataArb, type LgData } from '../src/gen/linear-gaussian.ts';
import { gibbsClosedForm, gibbsVecForm } from '../src/linalg/gibbs.ts';
import { gaussianKlVec } from '../src/linalg/gaussian.ts';
import { identity, kron, lift, scale, vec } from '../src/linalg/matrix.ts';

/**
 * KD-LG-GIBBS (App. Lemma 11): the Gibbs posterior is MN(W̄_T, I_k, Σ_T) with
 * Σ_T = (λI_d + (β_T/ν²)XXᵀ)⁻¹ and W̄_T = (β_T/ν²)YXᵀΣ_T. Checked against the posterior computed by
 * brute force on vec W: the KL between the two Gaussians must be exactly 0.
 */
type GibbsInstance = LgData;
const gibbsArb = lgDataArb;

type Variant = { dropScale?: boolean; nuPower?: 1 | 2; identityFirst?: boolean };

const sides = (v: Variant = {}) =>
  <T>(F: Field<T>, inst: GibbsInstance) => {
    const X = lift(F, inst.X), Y = lift(F, inst.Y);
    // ν for ν² is planted by passing √ν to a formula that squares it
    const params = v.nuPower === 1 ? { ...inst, nu: Math.sqrt(inst.nu) } : inst;
    const closed = gibbsClosedForm(F, X, Y, params);
    const k = inst.Y.length;
    const cov = v.identityFirst ? kron(F, identity(F, k), closed.sigma) : kron(F, closed.sigma, identity(F, k));
    // dropScale: W̄_T computed as Y·Xᵀ·Σ_T, i.e. without its factor β_T/ν²
    const unscale = F.div(F.square(F.fromNumber(inst.nu)), F.fromNumber(inst.betaT));
    const mean = v.dropScale ? scale(F, unscale, vec(closed.mean)) : vec(closed.mean);
    const brute = gibbsVecForm(F, X, Y, inst);
    return { lhs: gaussianKlVec(F, mean, cov, brute.mean, brute.cov), rhs: F.fromNumber(0) };
  };

export const lgGibbs = defineProperty<GibbsInstance>({
  id: 'KD-LG-GIBBS/closed-form',
  claim: 'KD-LG-GIBBS',
  title: 'KL(closed-form posterior ‖ brute-force vec posterior) = 0',
  relation: 'eq',
  arbitrary: gibbsArb,
  establish: (inst) => ({ hypotheses: [{ name: 'λ > 0, β_T > 0, ν > 0 (the posterior precision is SPD)', established: inst.lambda > 0 && inst.betaT > 0 && inst.nu > 0 }], derived: undefined }),
  sides: sides(),
  classify: (i) => [`k:${i.Y.length}`, `d:${i.X.length}`, `n:${i.X[0].length}`, `lambda:${i.lambda}`],
  controls: [
    { id: 'KD-LG-GIBBS/closed-form~mean-without-scale', description: 'W̄_T = Y·Xᵀ·Σ_T, without the factor β_T/ν²', sides: sides({ dropScale: true }) },
    { id: 'KD-LG-GIBBS/closed-form~nu-for-nu2', description: 'ν written for ν² in Σ_T and W̄_T', sides: sides({ nuPower: 1 }) },
    { id: 'KD-LG-GIBBS/closed-form~wrong-kronecker-order', description: 'vec covariance I_k ⊗ Σ_T in place of Σ_T ⊗ I_k', sides: sides({ identityFirst: true }) },
  ],
});

export const properties = [lgGibbs];
