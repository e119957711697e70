import fc from 'fast-check';
import type { DeterministicLearner, Learner, WorldSpec } from '../kd/world.ts';
import { weightsOf } from './weights.ts';

/**
 * Finite KD worlds small enough to enumerate: |X| ≤ 3, |Y| ≤ 3, |Z| ≤ 6, n ≤ 3 with |Z|ⁿ ≤ 64
 * datasets, 2–4 hypotheses. Teachers and students are Gibbs posteriors (β from 0 to 20) or
 * empirical-risk minimisers; students may be restricted to a subclass (capacity constraint).
 */
export type LossKind = 'soft-01' | 'zero-one' | 'grid';

/** A generated KD world, with the loss kind and the family it was drawn from. */
export interface WorldInstance {
  /** How the loss table was made: from the predictors (soft-01, zero-one), a grid, or two levels drawn per entry. */
  lossKind: LossKind | 'two-level';
  /**
   * 'near-teacher': pseudo-labels from the true channel and a student close to the teacher (small
   * K_n); 'two-atom': Δ has at most two atoms (one input, two labels, n = 1, ERM teacher and
   * student), so any Γ with the same support is an exponential tilt of Δ along h.
   */
  family?: 'random' | 'near-teacher' | 'two-atom';
  /** The loss table was multiplied by this power of two (the bounds are scale-covariant; a wrong power of σ is not). */
  lossScale?: number;
  world: WorldSpec;
}

const rowOf = (k: number) => weightsOf(k).map((w) => w.weights);

const betaArb = fc.oneof(fc.constantFrom(0, 0.5, 1, 2, 5, 20), fc.integer({ min: 1, max: 100 }).map((k) => k / 10));

type SimpleLearner = Exclude<Learner, { kind: 'seeded' }>;

const learnerArb = (kf: number, allowSubclass: boolean): fc.Arbitrary<SimpleLearner> => {
  const subclass = allowSubclass
    ? fc.option(fc.subarray(Array.from({ length: kf }, (_, i) => i), { minLength: 1 }), { nil: undefined, freq: 2 })
    : fc.constant(undefined);
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('gibbs' as const), beta: betaArb, subclass }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('erm' as const), subclass }) },
  ).map((l): SimpleLearner => (l.subclass === undefined ? { ...l, subclass: undefined } : l));
};

export const shapeArb = fc
  .record({ kx: fc.integer({ min: 1, max: 3 }), ky: fc.integer({ min: 2, max: 3 }), n: fc.integer({ min: 1, max: 3 }), kf: fc.integer({ min: 2, max: 4 }) })
  .filter(({ kx, ky, n }) => kx * ky <= 6 && (kx * ky) ** n <= 64);

/** The loss table ℓ(f, z) of a loss kind: soft 0-1 (1 − q_f(y|x)), 0-1 against the mode of q_f, or values from a grid. */
export function lossTable(kind: LossKind, predictors: number[][][], grid: number[]): number[][] {
  return predictors.map((p, f) =>
    p.flatMap((row, x) => {
      const total = row.reduce((a, b) => a + b, 0);
      const mode = row.indexOf(Math.max(...row));
      return row.map((w, y) =>
        kind === 'soft-01' ? 1 - w / total : kind === 'zero-one' ? (y === mode ? 0 : 1) : grid[(f * 7 + x * 3 + y) % grid.length] / 10,
      );
    }),
  );
}

/**
 * Near-teacher worlds: every predictor is the true label channel (so the pseudo-labelled data law
 * is μⁿ and the dataset shift vanishes) and the student is the teacher's Gibbs posterior at a
 * slightly different temperature, over the full class: K_n is small and the bounds come close.
 */
export function nearTeacherArb(epsilons: readonly number[] = [0, 0.01, 0.1, 0.3, 1]): fc.Arbitrary<WorldInstance> {
  return fc
    .tuple(worldArb({ teacher: 'gibbs' }, false), fc.constantFrom(...epsilons), fc.constantFrom(0.5, 1, 2, 5))
    .map(([inst, eps, beta]) => {
      const w = inst.world;
      const world: WorldSpec = { ...w, predictors: w.predictors.map(() => w.labelWeights.map((r) => [...r])), teacher: { kind: 'gibbs', beta }, student: { kind: 'gibbs', beta: beta * (1 + eps) } };
      return { lossKind: inst.lossKind, family: 'near-teacher' as const, world };
    });
}

/** A generated world; `teacher` fixes the teacher's kind when a property needs one. */
export function worldArb(options: { teacher?: 'gibbs' | 'erm'; student?: 'gibbs' | 'erm' } = {}, mixNear = true): fc.Arbitrary<WorldInstance> {
  const random = randomWorldArb(options);
  return mixNear && options.teacher !== 'erm' ? fc.oneof({ weight: 3, arbitrary: random }, { weight: 1, arbitrary: nearTeacherArb() }) : random;
}

function randomWorldArb(options: { teacher?: 'gibbs' | 'erm'; student?: 'gibbs' | 'erm' }): fc.Arbitrary<WorldInstance> {
  return shapeArb.chain(({ kx, ky, n, kf }) =>
    fc
      .record({
        lossKind: fc.constantFrom<LossKind>('soft-01', 'zero-one', 'grid'),
        xWeights: rowOf(kx),
        labelWeights: fc.array(rowOf(ky), { minLength: kx, maxLength: kx }),
        predictors: fc.array(fc.array(rowOf(ky), { minLength: kx, maxLength: kx }), { minLength: kf, maxLength: kf }),
        grid: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 29, maxLength: 29 }),
        teacher: learnerArb(kf, false),
        student: learnerArb(kf, true),
      })
      .map(({ lossKind, xWeights, labelWeights, predictors, grid, teacher, student }) => {
        const t: Learner = options.teacher === 'erm' ? { kind: 'erm' } : options.teacher === 'gibbs' && teacher.kind !== 'gibbs' ? { kind: 'gibbs', beta: 1 } : teacher;
        const s: Learner = options.student === 'erm' ? { kind: 'erm', subclass: student.subclass } : student;
        const world: WorldSpec = { xWeights, labelWeights, predictors, loss: lossTable(lossKind, predictors, grid), n, teacher: t, student: s };
        return { lossKind, family: 'random' as const, world };
      }),
  );
}

/** Worlds with a deterministic ERM teacher and an ERM student over the same class (K_n finite). */
export const ermWorldArb: fc.Arbitrary<WorldInstance> = worldArb({ teacher: 'erm', student: 'erm' }).map((i): WorldInstance => ({ ...i, world: { ...i.world, student: { kind: 'erm' } } }));

/** A deterministic learner over a class of `kf` hypotheses: ERM over the whole class, one hypothesis, or a subclass. */
export const deterministicLearnerArb = (kf: number): fc.Arbitrary<DeterministicLearner> =>
  fc.oneof(
    fc.constant<DeterministicLearner>({ kind: 'erm' }),
    fc.integer({ min: 0, max: kf - 1 }).map((f): DeterministicLearner => ({ kind: 'erm', subclass: [f] })),
    fc.subarray(Array.from({ length: kf }, (_, i) => i), { minLength: 1 }).map((s): DeterministicLearner => ({ kind: 'erm', subclass: s })),
  );

/** Worlds with a randomised teacher: an internal seed, uniform over 2–3 deterministic learners, picks the one that trains (ERM student). */
export const seededTeacherWorldArb: fc.Arbitrary<WorldInstance> = ermWorldArb.chain((inst) =>
  fc.array(deterministicLearnerArb(inst.world.predictors.length), { minLength: 2, maxLength: 3 }).map((seeds): WorldInstance => ({ ...inst, world: { ...inst.world, teacher: { kind: 'seeded', seeds } } })),
);


/**
 * Worlds where the central condition and Theorem 10 say something: random worlds; near-teacher
 * worlds with a colder student (gen_S > gen_T) or a hotter one (gen_S < gen_T: the drop the lower
 * bound limits), never Γ = Δ; two-atom worlds; the loss table scaled by 1/8 or 8 now and then.
 */
export function centralWorldArb(): fc.Arbitrary<WorldInstance> {
  const family = fc.oneof(
    { weight: 2, arbitrary: randomWorldArb({}) },
    { weight: 1, arbitrary: nearTeacherArb([0.01, 0.1, 0.3]) },
    { weight: 2, arbitrary: nearTeacherArb([-0.01, -0.1, -0.3, -0.6]) },
    { weight: 1, arbitrary: twoAtomWorldArb() },
  );
  const scale = fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.constant(8) }, { weight: 1, arbitrary: fc.constant(0.125) });
  return fc.tuple(family, scale).map(([inst, s]) => (s === 1 ? inst : { ...inst, lossScale: s, world: { ...inst.world, loss: inst.world.loss.map((r) => r.map((v) => v * s)) } }));
}

/** One input, two labels, n = 1, ERM teacher and student over 2–4 hypotheses: Δ and Γ have at most two atoms each. */
export function twoAtomWorldArb(): fc.Arbitrary<WorldInstance> {
  return fc.integer({ min: 2, max: 4 }).chain((kf) =>
    fc
      .record({
        lossKind: fc.constantFrom<LossKind>('soft-01', 'zero-one', 'grid'),
        // both labels charged: two data points, so Δ has two atoms
        labels: rowOf(2).filter((r) => r.every((x) => x > 0)),
        predictors: fc.array(rowOf(2), { minLength: kf, maxLength: kf }),
        grid: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 29, maxLength: 29 }),
      })
      .map(({ lossKind, labels, predictors, grid }) => {
        const q = predictors.map((r) => [r]);
        const world: WorldSpec = { xWeights: [1], labelWeights: [labels], predictors: q, loss: lossTable(lossKind, q, grid), n: 1, teacher: { kind: 'erm' }, student: { kind: 'erm' } };
        return { lossKind, family: 'two-atom' as const, world };
      }),
  );
}

/**
 * ERM worlds whose losses take two levels (0/1, or a grid pair): the ERM's choice flips between
 * neighbouring datasets and overfits, where the stability term of Prop. 9 is needed.
 */
export function twoLevelErmWorldArb(shape: fc.Arbitrary<{ kx: number; ky: number; n: number; kf: number }> = shapeArb): fc.Arbitrary<WorldInstance> {
  return shape.chain(({ kx, ky, n, kf }) =>
    fc
      .record({
        xWeights: rowOf(kx),
        labelWeights: fc.array(rowOf(ky), { minLength: kx, maxLength: kx }),
        predictors: fc.array(fc.array(rowOf(ky), { minLength: kx, maxLength: kx }), { minLength: kf, maxLength: kf }),
        levels: fc.oneof(fc.constant([0, 1]), fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 10 })).filter(([a, b]) => a < b).map(([a, b]) => [a / 10, b / 10])),
        bits: fc.array(fc.array(fc.integer({ min: 0, max: 3 }).map((k) => k > 0), { minLength: kx * ky, maxLength: kx * ky }), { minLength: kf, maxLength: kf }),
      })
      .map(({ xWeights, labelWeights, predictors, levels, bits }) => {
        const loss = bits.map((r) => r.map((b) => (b ? levels[1] : levels[0])));
        const world: WorldSpec = { xWeights, labelWeights, predictors, loss, n, teacher: { kind: 'erm' }, student: { kind: 'erm' } };
        return { lossKind: 'two-level' as const, family: 'random' as const, world };
      }),
  );
}

/** Coverage labels of a world (family, loss scale, loss, teacher and student kinds, n, number of datasets). */
export const classifyWorld = ({ lossKind, family, lossScale, world: w }: WorldInstance): string[] => [
  `family:${family ?? 'random'}`,
  ...(lossScale === undefined ? [] : [`loss-scale:${lossScale}`]),
  `loss:${lossKind}`,
  `teacher:${w.teacher.kind}`,
  `student:${w.student.kind}${'subclass' in w.student && w.student.subclass ? '-subclass' : ''}`,
  `n:${w.n}`,
  `datasets:${(w.xWeights.length * w.labelWeights[0].length) ** w.n <= 8 ? '≤8' : '9-64'}`,
];
