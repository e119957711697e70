import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';
import { weightsOf } from '../../src/gen/weights.ts';
import { valuesOf, lambdaArb } from '../../src/gen/values.ts';
import { gridReal, logReal, signedLogReal } from '../../src/gen/reals.ts';
import { booleanS, constantFromS, intS, oneofS, tuple2S, vectorOf, vectorS, type Sampler } from '../../src/gen/fast-vector.ts';
import { recordingRandom } from '../../src/engine/tape.ts';

/**
 * The fast vectors must be fc.array, draw for draw: the same values from the same generator state,
 * the generator left in the same state, the same shrinks. The reference arbitraries below are the
 * generators as they were written with fc.array (before the fast vectors), kept here verbatim.
 */
const ref = {
  gridReal: (min: number, max: number, digits = 3) => fc.integer({ min: Math.ceil(min * 10 ** digits), max: Math.floor(max * 10 ** digits) }).map((k) => k / 10 ** digits),
  logReal: (minExp: number, maxExp: number) => fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: minExp, max: maxExp })).map(([m, e]) => (m / 1000) * 10 ** e),
  signedLogReal: (minExp: number, maxExp: number) => fc.tuple(fc.boolean(), ref.logReal(minExp, maxExp)).map(([neg, x]) => (neg ? -x : x)),
  weightsOf(n: number) {
    const integerWeight = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 1000 }) });
    const logScaleWeight = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -12, max: 12 })).map(([m, e]) => m * 10 ** e);
    const ensurePositive = (w: number[]) => (w.some((x) => x > 0) ? w : w.map((x, i) => (i === 0 ? 1 : x)));
    const vec = (a: fc.Arbitrary<number>) => fc.array(a, { minLength: n, maxLength: n }).map(ensurePositive);
    const tagged = (kind: string, a: fc.Arbitrary<number[]>) => a.map((weights) => ({ kind, weights }));
    return fc.oneof(
      { weight: 4, arbitrary: tagged('integer', vec(fc.integer({ min: 1, max: 1000 }))) },
      { weight: 3, arbitrary: tagged('sparse', vec(integerWeight)) },
      { weight: 3, arbitrary: tagged('log-scale', vec(logScaleWeight)) },
      { weight: 1, arbitrary: tagged('one-hot', fc.nat({ max: n - 1 }).map((k) => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0)))) },
      { weight: 1, arbitrary: tagged('uniform', fc.integer({ min: 1, max: 7 }).map((c) => Array(n).fill(c))) },
      { weight: 1, arbitrary: tagged('extreme', vec(fc.constantFrom(0, 1, 1e-12, 1e12, 5e-324, 1e-300, 1e300))) },
    );
  },
  valuesOf(n: number) {
    const real = fc.oneof(ref.gridReal(-50, 50), ref.signedLogReal(-6, 1), fc.constantFrom(5e-324, -5e-324, 0.1, 1 / 3));
    const vec = (a: fc.Arbitrary<number>) => fc.array(a, { minLength: n, maxLength: n });
    const tagged = (kind: string, a: fc.Arbitrary<number[]>) => a.map((values) => ({ kind, values }));
    return fc.oneof(
      { weight: 3, arbitrary: tagged('small-int', vec(fc.integer({ min: -5, max: 5 }))) },
      { weight: 3, arbitrary: tagged('real', vec(real)) },
      { weight: 1, arbitrary: tagged('large', vec(fc.oneof(fc.integer({ min: -800, max: 800 }), fc.constantFrom(-745, 709, 710, 1000, -1000)))) },
      { weight: 1, arbitrary: tagged('constant', fc.integer({ min: -3, max: 3 }).map((c) => Array(n).fill(c))) },
      { weight: 1, arbitrary: tagged('binary', vec(fc.constantFrom(0, 1))) },
    );
  },
};

const BIASES = [undefined, 2, 3, 4, 5, 6];
const random = (seed: number) => new fc.Random(xorshift128plus(seed));

/** Equal leaf by leaf with Object.is: −0 and 5e-324 must survive exactly. */
const sameBits = (a: unknown, b: unknown): boolean =>
  a !== null && b !== null && typeof a === 'object' && typeof b === 'object'
    ? Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => sameBits((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    : Object.is(a, b);

/** Generate from both with the same seed and bias: same value, and the generators end in the same state. */
function sameDraws<T>(fast: fc.Arbitrary<T>, slow: fc.Arbitrary<T>, seeds: number) {
  for (let seed = 0; seed < seeds; seed++) {
    for (const bias of BIASES) {
      const a = random(seed), b = random(seed);
      const va = fast.generate(a, bias).value, vb = slow.generate(b, bias).value;
      expect(va).toEqual(vb);
      expect(sameBits(va, vb)).toBe(true);
      expect(a.nextInt(0, 2 ** 31 - 1)).toBe(b.nextInt(0, 2 ** 31 - 1));
    }
  }
}

describe('fast vectors draw what fc.array draws', () => {
  it('element samplers against their fast-check arbitraries (biased and unbiased)', () => {
    const samplers: Array<Sampler<unknown>> = [
      intS(1, 1000), intS(-5, 5), intS(-800, 800), intS(0, 10), intS(3, 3), intS(-50000, 50000), intS(-12, -3),
      constantFromS(0, 1), constantFromS(7), booleanS(),
      oneofS({ weight: 1, sampler: intS(1, 5) }, { weight: 3, sampler: constantFromS(9, 10) }),
      tuple2S(intS(1, 9), intS(-12, 12), (m, e) => m * 10 ** e),
    ];
    for (const s of samplers) {
      sameDraws(vectorOf(s, 17), fc.array(s.arb, { minLength: 17, maxLength: 17 }), 40);
      sameDraws({ generate: (r: fc.Random, b: number | undefined) => new fc.Value(s.draw(r, b), undefined) } as fc.Arbitrary<unknown>, s.arb, 40);
    }
  });

  it('nested vectors (rows of a table)', () => {
    const row = vectorS(intS(0, 10), 3);
    sameDraws(vectorOf(row, 4), fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 4 }), 40);
  });

  it('the generators built on them: reals, weight vectors, values (as they were with fc.array)', () => {
    sameDraws(gridReal(-50, 50), ref.gridReal(-50, 50), 100);
    sameDraws(logReal(-6, 1), ref.logReal(-6, 1), 100);
    sameDraws(signedLogReal(-8, 2), ref.signedLogReal(-8, 2), 100);
    for (const n of [1, 2, 5, 100]) {
      sameDraws(weightsOf(n), ref.weightsOf(n), 150);
      sameDraws(valuesOf(n), ref.valuesOf(n), 150);
    }
    sameDraws(lambdaArb, fc.oneof({ weight: 3, arbitrary: ref.gridReal(-10, 10) }, { weight: 2, arbitrary: ref.signedLogReal(-8, 2) }, { weight: 1, arbitrary: fc.constantFrom(0, 1e-8, -1e-8, 0.5, -0.5, 1, -1) }), 100);
  });

  it('the same instance stream and choice-sequence tapes through fast-check’s runner', () => {
    const pick = (arb: fc.Arbitrary<unknown>) => {
      const rec = recordingRandom();
      const seen: Array<{ v: unknown; words: number[] }> = [];
      fc.assert(fc.property(arb, (v) => void seen.push({ v, words: rec.latest()!.words })), { seed: 7, numRuns: 300, randomType: rec.randomType });
      return seen;
    };
    const a = pick(fc.tuple(weightsOf(12), valuesOf(12))), b = pick(fc.tuple(ref.weightsOf(12), ref.valuesOf(12)));
    expect(a).toEqual(b);
  });

  it('shrinks as fc.array shrinks (the failing value is the same after shrinking)', () => {
    for (const [fast, slow] of [[weightsOf(20), ref.weightsOf(20)], [valuesOf(20), ref.valuesOf(20)]] as const) {
      // a predicate that fails often, on something shrinking has to work for
      const predicate = (v: { weights?: number[]; values?: number[] }) => (v.weights ?? v.values)!.reduce((s, x) => s + Math.abs(x), 0) < 50;
      for (const seed of [1, 2, 3, 4, 5]) {
        const rf = fc.check(fc.property(fast, predicate as (v: unknown) => boolean), { seed, numRuns: 200 });
        const rs = fc.check(fc.property(slow, predicate as (v: unknown) => boolean), { seed, numRuns: 200 });
        expect(rf.failed).toBe(rs.failed);
        expect(rf.counterexample).toEqual(rs.counterexample);
        expect(rf.numShrinks).toBe(rs.numShrinks);
        expect(rf.counterexamplePath).toBe(rs.counterexamplePath);
      }
    }
  });
});
