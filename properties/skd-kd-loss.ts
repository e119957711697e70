import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { sum } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { gridReal } from '../src/gen/reals.ts';
import { kdLossOf } from '../src/skd/kd-loss.ts';
import { klOf, softmaxOn } from '../src/skd/simplex.ts';

/**
 * SKD-KD-LOSS: the distillation loss practitioners train with (kd_loss with reduction batchmean,
 * computed from logits as check-impl's reference and the suite's double path compute it) equals the
 * batch mean of the per-example KLs between the power-softened probabilities, times T²: the loss is
 * the paper's softening operator composed with the KL.
 */
interface KdBatch {
  student: number[][];
  teacher: number[][];
  T: number;
  kind: string;
}

const logit = fc.oneof({ weight: 6, arbitrary: gridReal(-10, 10, 2) }, { weight: 2, arbitrary: fc.constantFrom(1e4, -1e4, 800, -800, 0) });
const temperature = fc.oneof(fc.constantFrom(0.01, 0.5, 1, 2, 4, 10, 100), gridReal(0.05, 20, 2).filter((t) => t > 0));

const kdBatchArb: fc.Arbitrary<KdBatch> = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 })).chain(([b, c]) => {
  const rows = fc.array(fc.array(logit, { minLength: c, maxLength: c }), { minLength: b, maxLength: b });
  return fc.record({ student: rows, teacher: rows, T: temperature, kind: fc.constantFrom('logits', 'logits', 'logits', 'one-hot-teacher', 'masked'), hot: fc.nat({ max: c - 1 }) }).map(({ student, teacher, T, kind, hot }) => {
    if (kind === 'one-hot-teacher') return { student, teacher: teacher.map((r) => r.map((x, i) => (i === hot ? x : -Infinity))), T, kind };
    if (kind === 'masked' && c > 1) {
      const mask = (z: number[][]) => z.map((r) => r.map((x, i) => (i === hot ? -Infinity : x)));
      return { student: mask(student), teacher: mask(teacher), T, kind };
    }
    return { student, teacher, T, kind: 'logits' };
  });
});

type Variant = 'exact' | 'p^T' | 'no-T2' | 'mean-over-classes' | 'swapped' | 'unnormalised';

/** Power softening of probabilities in F: p_i^e/Σ_j p_j^e as softmax(e·log p), zeros staying zero (or unnormalised). */
function powerOfProbabilities<T>(F: Field<T>, p: readonly T[], live: readonly boolean[], e: T, normalised: boolean): T[] {
  const scaled = p.map((x, i) => (live[i] ? F.mul(e, F.log(x)) : F.fromNumber(0)));
  return normalised ? softmaxOn(F, scaled, live) : scaled.map((x, i) => (live[i] ? F.exp(x) : F.fromNumber(0)));
}

/** The probability form: (T²/B)·Σ_r KL(F_T(p_r) ‖ F_T(q_r)), p_r = softmax(t_r), q_r = softmax(s_r) (planted variants aside). */
const probabilityForm = (variant: Variant) => <T>(F: Field<T>, i: KdBatch): T => {
  const t = F.fromNumber(i.T);
  const exponent = variant === 'p^T' ? t : F.div(F.fromNumber(1), t);
  const soften = (z: number[]) => {
    const live = z.map((x) => x !== -Infinity);
    const p = softmaxOn(F, z.map((x) => F.fromNumber(x === -Infinity ? 0 : x)), live); // the model's probabilities (T = 1); −∞ logits give 0
    return powerOfProbabilities(F, p, live, exponent, variant !== 'unnormalised');
  };
  const kls = i.teacher.map((tr, r) => {
    const p = soften(tr), q = soften(i.student[r]);
    return variant === 'swapped' ? klOf(F, q, p) : klOf(F, p, q);
  });
  let mean = F.div(sum(F, kls), F.fromNumber(i.teacher.length));
  if (variant === 'mean-over-classes') mean = F.div(mean, F.fromNumber(i.teacher[0].length));
  return variant === 'no-T2' ? mean : F.mul(F.mul(t, t), mean);
};

const sides = (variant: Variant) => <T>(F: Field<T>, i: KdBatch) => ({ lhs: kdLossOf(F, i.student, i.teacher, i.T, 'batchmean'), rhs: probabilityForm(variant)(F, i) });

export const kdLossProbabilityDomain = defineProperty<KdBatch>({
  id: 'SKD-KD-LOSS/probability-domain',
  claim: 'SKD-KD-LOSS',
  title: 'kd_loss(batchmean) from logits = (T²/B)·Σ_r KL(F_T(p_r) ‖ F_T(q_r)) from the power-softened probabilities',
  relation: 'eq',
  arbitrary: kdBatchArb,
  // each instance costs ~150 ms (40- and 80-digit enclosures of e^{±1e6}-sized terms over a batch): 300 per run
  budgetShare: 0.3,
  sides: sides('exact'),
  classify: (i) => [i.kind, i.teacher.length === 1 ? 'batch:one' : 'batch:several', i.T < 1 ? 'T<1' : i.T === 1 ? 'T=1' : 'T>1', Math.max(...i.teacher.flat().concat(i.student.flat()).filter(Number.isFinite).map(Math.abs)) / i.T > 709 ? 'z/T beyond exp' : 'z/T moderate'],
  controls: [
    { id: 'SKD-KD-LOSS/probability-domain~p-to-the-T', description: 'p^T in place of p^{1/T} (sharpening, not softening)', sides: sides('p^T') },
    { id: 'SKD-KD-LOSS/probability-domain~no-T2', description: 'the T² factor dropped', sides: sides('no-T2') },
    { id: 'SKD-KD-LOSS/probability-domain~mean-over-classes', description: "the mean over batch × classes (PyTorch's reduction='mean')", sides: sides('mean-over-classes') },
    { id: 'SKD-KD-LOSS/probability-domain~swapped', description: 'KL(F_T(q) ‖ F_T(p)): the arguments swapped', sides: sides('swapped') },
    { id: 'SKD-KD-LOSS/probability-domain~unnormalised', description: 'p^{1/T} without normalisation', sides: sides('unnormalised') },
  ],
});

export const properties = [kdLossProbabilityDomain];
