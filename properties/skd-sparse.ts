import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { decimalField } from '../src/numerics/decimal-field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { plugInRisks, type PlugInInstance } from '../src/skd/plug-in.ts';

/**
 * SKD-BV-SPARSE-WINS (condition reconstructed): the sparse student beats the dense one exactly when
 * Bias_S − Bias_D < Var_D − Var_S, i.e. R_S − R_D = (Bias_S − Bias_D) − (Var_D − Var_S). Checked with
 * exact multinomial expectations for plug-in estimators (dense: add-α; sparse: its top-k truncation);
 * the report tabulates R_S/R_D per sample size, where the crossover shows.
 */
const instanceArb: fc.Arbitrary<PlugInInstance> = fc.integer({ min: 3, max: 5 }).chain((V) =>
  fc.record({
    p: fc.oneof(
      fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: V, maxLength: V }),
      fc.constant(Array.from({ length: V }, (_, i) => 10 ** (V - i))), // a steep teacher: the tail is nearly empty
    ),
    N: fc.constantFrom(1, 2, 4, 8),
    k: fc.integer({ min: 1, max: V - 1 }),
    alpha: fc.constantFrom(0.5, 1),
  }),
);

const sides = (swap: boolean) => <T>(F: Field<T>, i: PlugInInstance) => {
  const { dense: d, sparse: s } = plugInRisks(F, i);
  const varianceGain = swap ? F.sub(s.variance, d.variance) : F.sub(d.variance, s.variance);
  return { lhs: F.sub(s.risk, d.risk), rhs: F.sub(F.sub(s.bias, d.bias), varianceGain) };
};

const D30 = decimalField(30);

export const sparseWins = defineProperty<PlugInInstance>({
  id: 'SKD-BV-SPARSE-WINS/condition',
  claim: 'SKD-BV-SPARSE-WINS',
  title: 'R_S − R_D = (Bias_S − Bias_D) − (Var_D − Var_S) for plug-in estimators (exact multinomial expectations), so sparse wins iff the added bias is below the variance saved',
  relation: 'eq',
  arbitrary: instanceArb,
  budgetShare: 0.3,
  sides: sides(false),
  classify: (i) => [`N:${i.N}`, `k:${i.k}`, `V:${i.p.length}`],
  breakdown: {
    reference: 'R_D',
    terms: ['Bias_S', 'Var_S'],
    bound: 'R_S = Bias_S + Var_S (sparse wins where R_S/R_D < 1)',
    family: (i) => `N = ${i.N}`,
    values: (i) => {
      const { dense: d, sparse: s } = plugInRisks(D30, i);
      const x = (v: { toNumber(): number }) => v.toNumber();
      return { R_D: x(d.risk), Bias_S: x(s.bias), Var_S: x(s.variance), bound: x(s.risk) };
    },
  },
  controls: [{ id: 'SKD-BV-SPARSE-WINS/condition~variance-gain-reversed', description: 'the variance gain taken as Var_S − Var_D', sides: sides(true) }],
});

export const properties = [sparseWins];
