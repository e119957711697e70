import fc from 'fast-check';
import { gridReal, logReal, signedLogReal } from '../gen/reals.ts';
import { probVector } from './inputs.ts';

/**
 * Inputs for the distillation losses (log_softmax, kd_loss, soft_cross_entropy, js_divergence):
 * batches of logits, rows = examples, biased toward what separates a careful loss from a naive
 * one: logits of ±1e4 at T = 0.01 (z/T beyond exp's range), one-hot teachers (exact zeros from −∞
 * logits, or a dominant logit), all-equal logits, masked classes (−∞ in teacher and student alike),
 * student ≈ teacher (KL ≈ 0), logits near float32's largest (z/T overflows float32 at T < 2), up to 10⁴
 * classes, temperatures from 1e-3 to 1e3 and batches of one row.
 */

/** Classes per row: mostly few, sometimes dozens to hundreds. */
const classCount = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2, max: 8 }) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 64 }) }, { weight: 1, arbitrary: fc.integer({ min: 65, max: 400 }) });
/** Rows per batch: one row often (a batch of one), otherwise a few. */
const batchSize = fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 4, arbitrary: fc.integer({ min: 2, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 16 }) });

/** One logit: moderate, large (±1e4 is the classic overflow at T = 0.01), or small. */
const logitValue = fc.oneof(
  { weight: 6, arbitrary: gridReal(-20, 20, 2) },
  { weight: 2, arbitrary: fc.constantFrom(1e4, -1e4, 800, -800, 100, -100, 0) },
  { weight: 1, arbitrary: signedLogReal(-8, 4) },
);

/** Temperatures: log-uniform on [1e-3, 1e3], with the usual T = 1, 2, 4, 0.5 and the extremes. */
export const kdTemperature = fc.oneof({ weight: 4, arbitrary: logReal(-3, 2).filter((t) => t <= 1e3) }, { weight: 2, arbitrary: fc.constantFrom(1, 2, 4, 0.5, 0.01, 1e-3, 1e3) });

export type Batch = { kind: string; rows: number[][] };
const matrix = (b: number, c: number, v: fc.Arbitrary<number>) => fc.array(fc.array(v, { minLength: c, maxLength: c }), { minLength: b, maxLength: b });

/** Pseudo-random logits for wide rows, cheap to draw: fast-check shrinks the class count and the seed. */
const wideRow = (c: number, seed: number, scale: number): number[] =>
  Array.from({ length: c }, (_, i) => {
    const h = Math.imul(seed ^ Math.imul(i + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
    return Math.round(((h / 2 ** 32) * 2 - 1) * scale * 100) / 100;
  });

/** A single batch of logits, tagged with its edge-case class. */
export const logitBatch = (b: number, c: number): fc.Arbitrary<Batch> =>
  fc.oneof(
    { weight: 6, arbitrary: matrix(b, c, logitValue).map((rows) => ({ kind: 'mixed', rows })) },
    { weight: 1, arbitrary: fc.constantFrom(0, 5, 1e4, -1e4).map((v) => ({ kind: 'equal', rows: Array.from({ length: b }, () => Array(c).fill(v)) })) },
    { weight: 1, arbitrary: fc.tuple(fc.nat({ max: c - 1 }), fc.constantFrom(10, 1e4)).map(([k, big]) => ({ kind: 'dominant', rows: Array.from({ length: b }, () => Array.from({ length: c }, (_, i) => (i === k ? big : 0))) })) },
    // near float32's largest (2^127 ≈ 1.7e38, exact in float32): z/T overflows float32 at T < 2
    { weight: 1, arbitrary: matrix(b, c, fc.constantFrom(2 ** 127, -(2 ** 127), 2 ** 100, -(2 ** 100), 0)).map((rows) => ({ kind: 'float32-max', rows })) },
  );

/** Student and teacher logits of the same shape, with the relations that matter for KL. */
export const logitPair: fc.Arbitrary<{ kind: string; student: number[][]; teacher: number[][] }> = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.tuple(batchSize, classCount).chain(([b, c]) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.tuple(logitBatch(b, c), logitBatch(b, c)).map(([s, t]) => ({ kind: s.kind === t.kind ? s.kind : `${t.kind}/${s.kind}`, student: s.rows, teacher: t.rows })) },
        {
          weight: 1,
          // one-hot teachers: −∞ everywhere but one class, so the target has exact zeros
          arbitrary: fc.tuple(logitBatch(b, c), fc.array(fc.nat({ max: c - 1 }), { minLength: b, maxLength: b })).map(([s, hot]) => ({ kind: 'one-hot-teacher', student: s.rows, teacher: hot.map((k) => Array.from({ length: c }, (_, i) => (i === k ? 0 : -Infinity))) })),
        },
        {
          weight: 1,
          // masked classes: −∞ in both (padding of a vocabulary), at the same positions
          arbitrary: fc.tuple(logitBatch(b, c + 1), logitBatch(b, c + 1), fc.nat({ max: c })).map(([s, t, k]) => {
            const mask = (rows: number[][]) => rows.map((r) => r.map((x, i) => (i === k ? -Infinity : x)));
            return { kind: 'masked', student: mask(s.rows), teacher: mask(t.rows) };
          }),
        },
        {
          weight: 1,
          // student ≈ teacher: KL ≈ 0, where cancellation shows
          arbitrary: fc.tuple(matrix(b, c, gridReal(-20, 20, 2)), matrix(b, c, fc.constantFrom(0, 1e-6, -1e-6, 1e-3, -1e-3))).map(([t, d]) => ({ kind: 'student≈teacher', teacher: t, student: t.map((r, i) => r.map((x, j) => x + d[i][j])) })),
        },
      ),
    ),
  },
  {
    weight: 1,
    // one example over many classes (a vocabulary): up to 10⁴
    arbitrary: fc.record({ c: fc.integer({ min: 2, max: 10_000 }), seed: fc.nat(), scale: fc.constantFrom(1, 10, 100) }).map(({ c, seed, scale }) => ({ kind: 'wide', teacher: [wideRow(c, seed, scale)], student: [wideRow(c, seed + 1, scale)] })),
  },
);

/** Rows of target probabilities (normalised weights: zeros, one-hot, extreme ratios). */
export const probRows = (b: number, c: number) => fc.array(probVector(c), { minLength: b, maxLength: b }).map((rows) => ({ kind: rows.every((r) => r.kind === rows[0].kind) ? rows[0].kind : 'mixed', rows: rows.map((r) => r.p) }));

export { batchSize as kdBatchSize, classCount as kdClassCount, wideRow };
