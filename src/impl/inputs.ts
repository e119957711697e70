import fc from 'fast-check';
import { weightsOf } from '../gen/weights.ts';
import { gridReal, logReal, signedLogReal } from '../gen/reals.ts';
import type { Args } from './protocol.ts';
import type { Case } from './expected.ts';

/**
 * Generated inputs for check-impl, built from the suite's generators and biased toward the edge
 * cases that separate careful implementations from naive ones: zeros, one-hot vectors, extreme
 * ratios, logits of ±1e300, magnitudes near 1e±300, ill-conditioned and near-singular matrices,
 * and a share of invalid input (NaN, wrong lengths, out-of-domain parameters).
 */
export const tagged = (label: string, a: fc.Arbitrary<Args>): fc.Arbitrary<Case> => a.map((args) => ({ label, args }));

const size = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 7, max: 16 }) }, { weight: 1, arbitrary: fc.integer({ min: 17, max: 100 }) });

/** A probability vector: weights normalised in doubles (sums to 1 within a few ulps). */
export const normalise = (w: number[]): number[] => {
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
};
export const probVector = (n: number) => weightsOf(n).map(({ kind, weights }) => ({ kind, p: normalise(weights) }));

/** Two probability vectors on the same atoms, with the relations that matter for KL. */
export const probPair: fc.Arbitrary<{ kind: string; p: number[]; q: number[] }> = size.chain((n) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(probVector(n), probVector(n)).map(([a, b]) => ({ kind: `${a.kind}/${b.kind}`, p: a.p, q: b.p })) },
    { weight: 1, arbitrary: probVector(n).map((a) => ({ kind: 'p=q', p: a.p, q: [...a.p] })) },
    {
      weight: 1,
      // q vanishes where p does not: KL = +∞
      arbitrary: fc.tuple(probVector(n + 1), probVector(n + 1), fc.nat({ max: n })).map(([a, b, j]) => {
        const p = a.p.map((x, i) => (i === j ? Math.max(x, 0.25) : x));
        const q = b.p.map((x, i) => (i === j ? 0 : x));
        if (!q.some((x) => x > 0)) q[(j + 1) % q.length] = 1;
        return { kind: 'q-zero', p: normalise(p), q: normalise(q) };
      }),
    },
    {
      weight: 1,
      // p vanishes where q does not (atom 0), and both vanish on atom 1: 0·log 0 = 0
      arbitrary: fc.tuple(probVector(n + 2), probVector(n + 2)).map(([a, b]) => {
        const p: number[] = a.p.map((x, i) => (i < 2 ? 0 : x));
        if (!p.some((x) => x > 0)) p[2] = 1;
        const q = b.p.map((x, i) => (i === 0 ? Math.max(x, 0.1) : i === 1 ? 0 : x));
        return { kind: 'p-zero', p: normalise(p), q: normalise(q) };
      }),
    },
  ),
);

/** Real numbers as logits: moderate, huge (to 1e300), tiny, and −∞ (a zero weight). */
export const logit = fc.oneof(
  { weight: 6, arbitrary: gridReal(-20, 20, 3) },
  { weight: 2, arbitrary: signedLogReal(2, 300) },
  { weight: 1, arbitrary: signedLogReal(-300, -1) },
  { weight: 1, arbitrary: fc.constant(-Infinity) },
);

/** Logit vectors: mixed, all equal and huge, one dominant. */
export const logits = (minLength = 1): fc.Arbitrary<{ kind: string; x: number[] }> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.array(logit, { minLength, maxLength: 16 }).map((x) => ({ kind: 'mixed', x })) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: Math.max(1, minLength), max: 8 }), fc.constantFrom(1e308, -1e308, 710, -746, 1e300)).map(([n, v]) => ({ kind: 'equal-extreme', x: Array(n).fill(v) })) },
    { weight: 1, arbitrary: fc.tuple(fc.array(gridReal(-5, 5, 2), { minLength: Math.max(1, minLength), maxLength: 8 }), fc.constantFrom(800, 1e5, 1e300)).map(([x, big]) => ({ kind: 'dominant', x: x.map((v, i) => (i === 0 ? big : v)) })) },
  );

/** Temperatures: log-uniform on [1e-3, 1e3], with T = 1 and sharp or flat extremes. */
export const temperature = fc.oneof({ weight: 4, arbitrary: logReal(-3, 3) }, { weight: 1, arbitrary: fc.constantFrom(1, 1e-8, 1e8) });

/** Nonnegative magnitudes (1e-300 … 1e300 and 0). */
export const magnitude = fc.oneof({ weight: 4, arbitrary: logReal(-4, 4) }, { weight: 1, arbitrary: logReal(-300, 300) }, { weight: 1, arbitrary: fc.constant(0) });
export const signed = fc.oneof({ weight: 4, arbitrary: gridReal(-10, 10, 3) }, { weight: 1, arbitrary: signedLogReal(-300, 300) }, { weight: 1, arbitrary: fc.constant(0) });

/** Invalid inputs: a NaN planted somewhere in a valid one. */
export function withNaN(args: Args, key: string): Args {
  const v = args[key];
  if (typeof v === 'number') return { ...args, [key]: NaN };
  if (Array.isArray(v) && v.length > 0 && Array.isArray(v[0])) return { ...args, [key]: (v as number[][]).map((r, i) => (i === 0 ? r.map((x, j) => (j === 0 ? NaN : x)) : r)) };
  return { ...args, [key]: (v as number[]).length ? (v as number[]).map((x, i) => (i === 0 ? NaN : x)) : [NaN] };
}

/**
 * Values at float32's limits, each a float32: the largest finite and half of it, the smallest
 * normal and subnormal, e^x's overflow and underflow thresholds (88.72, −103.97), and 2^64 (its
 * square overflows float32). In float64 they are ordinary numbers that a float32-internal
 * implementation gets wrong; in float32 they are the format's own edge cases.
 */
export const F32_LIMITS = [3.4028234663852886e38, 1.7014118346046923e38, 1.1754943508222875e-38, 1.401298464324817e-45, 88.72283935546875, -103.97207641601562, 18446744073709552000].map(Math.fround);
export const f32Limit = fc.constantFrom(...F32_LIMITS);
/** The tiny ones, for probability vectors. */
export const f32Tiny = fc.constantFrom(Math.fround(1.1754943508222875e-38), Math.fround(1.401298464324817e-45), Math.fround(1e-40));

/** A vector of another length than `v` (one entry more or fewer), for unequal-length invalid input. */
export const otherLength = (v: number[], longer: boolean): number[] => (longer || v.length < 2 ? [...v, 0.5] : v.slice(1));

/** A vector with one entry made negative (the first positive one, or the first). */
export function withNegative(v: number[]): number[] {
  const i = Math.max(0, v.findIndex((x) => x > 0));
  return v.map((x, j) => (j === i ? -(x || 0.25) : x));
}

/**
 * Ratio-overflow pairs: an atom where p_j ≥ 0.3 and q_j is subnormal (in doubles or in float32),
 * so p_j/q_j overflows although KL is finite: KL([1]‖[5e-324]) = 744.44.
 */
export const ratioOverflowPair: fc.Arbitrary<{ p: number[]; q: number[] }> = fc
  .tuple(fc.integer({ min: 2, max: 6 }), fc.nat(), fc.constantFrom(5e-324, 4e-320, 1e-310, 2e-309, ...[1.401298464324817e-45, 1e-40].map(Math.fround)))
  .chain(([n, j, tiny]) =>
    fc.tuple(probVector(n), probVector(n - 1)).map(([a, b]) => {
      const k = j % n;
      // p_k ≥ 1/2; q is a distribution on the other atoms with q_k = tiny (it sums to 1 within rounding)
      const p = normalise(a.p.map((x, i) => (i === k ? Math.max(x, 1) : x)));
      const q = [...b.p.slice(0, k), tiny, ...b.p.slice(k)];
      return { p, q };
    }),
  );

/** Probability vectors among the arguments renormalised (in doubles), so a minimised witness stays a distribution. */
export const renormalised = (keys: string[]) => (args: Args): Args =>
  Object.fromEntries(Object.entries(args).map(([k, v]) => {
    const xs = v as number[];
    if (!keys.includes(k) || !Array.isArray(v) || !xs.every((x) => x >= 0 && x < Infinity)) return [k, v];
    const s = xs.reduce((a, b) => a + b, 0);
    return [k, s > 0 && s < Infinity ? xs.map((x) => x / s) : v];
  }));

/** Logit vectors with infinities: some −∞ and +∞ among finite values, or all −∞ (length 1 to 5). */
export const infiniteLogits: fc.Arbitrary<{ kind: string; x: number[] }> = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((n) => ({ kind: 'all-−∞', x: Array<number>(n).fill(-Infinity) })),
  fc.array(fc.oneof(gridReal(-5, 5, 2), fc.constantFrom(Infinity, -Infinity)), { minLength: 2, maxLength: 6 }).map((x) => ({ kind: 'mixed-±∞', x })),
);

/** Logits at float32's limits, among moderate ones. */
export const f32Logits = fc.array(fc.oneof(gridReal(-5, 5, 2), f32Limit, f32Limit.map((v) => -v)), { minLength: 1, maxLength: 6 });
