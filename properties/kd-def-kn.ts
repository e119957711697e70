import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { classifyWorld, worldArb, type WorldInstance } from '../src/gen/world.ts';
import { chainRuleSplit, lawKl, worldLaws } from '../src/kd/processes.ts';
import { checkWorld } from '../src/kd/world.ts';
import { WORLD_STREAM } from './kd-t8-upper.ts';
import { gammaEqualsDelta } from '../src/kd/degenerate.ts';

/**
 * KD-DEF-KN, reading (b): K_n = KL(Γ_{D̂,f_S} ‖ Δ_{D,f_T}) splits by the chain rule into the
 * dataset shift KL(Γ_D̂ ‖ μⁿ) and the algorithm shift E_{Γ_D̂} KL(P_S(·|d̂) ‖ P_T(·|d̂)).
 */
const sides = (variant: 'exact' | 'dataset-only' | 'swapped') =>
  <T>(F: Field<T>, inst: WorldInstance) => {
    const L = worldLaws(F, inst.world);
    const Kn = lawKl(F, L.gamma, L.delta);
    if (variant === 'swapped') {
      let alg = F.fromNumber(0);
      for (const [dHat, p] of L.pseudoData) alg = F.add(alg, F.mul(p, lawKl(F, L.teacherKernel(dHat), L.studentKernel(dHat))));
      return { lhs: Kn, rhs: F.add(lawKl(F, L.pseudoData, L.data), alg) };
    }
    const { datasetShift, algorithmShift } = chainRuleSplit(F, L);
    return { lhs: Kn, rhs: variant === 'exact' ? F.add(datasetShift, algorithmShift) : datasetShift };
  };

export const chainRule = defineProperty<WorldInstance>({
  id: 'KD-DEF-KN/chain-rule',
  claim: 'KD-DEF-KN',
  title: 'K_n = dataset shift + algorithm shift, exactly, on enumerated KD worlds',
  relation: 'eq',
  arbitrary: worldArb(),
  seedKey: WORLD_STREAM,
  establish: (inst) => {
    checkWorld(inst.world);
    return { hypotheses: [], derived: undefined };
  },
  sides: sides('exact'),
  // Γ = Δ: every term is 0
  degenerate: (inst) => gammaEqualsDelta(inst.world),
  classify: classifyWorld,
  controls: [
    { id: 'KD-DEF-KN/chain-rule~dataset-shift-only', description: 'the algorithm-shift term dropped', sides: sides('dataset-only') },
    { id: 'KD-DEF-KN/chain-rule~swapped-algorithm-kl', description: 'the algorithm shift with its KL arguments swapped', sides: sides('swapped') },
  ],
});

export const properties = [chainRule];
