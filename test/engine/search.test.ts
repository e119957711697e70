import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineProperty } from '../../src/engine/property.ts';
import { runProperty } from '../../src/engine/run-property.ts';
import { precisionPolicy } from '../../src/numerics/certify.ts';
import { generateFromTape, recordingRandom } from '../../src/engine/tape.ts';
import { mulberry32, mutateWords } from '../../src/engine/mutate.ts';
import { builtinProperties } from '../../properties/index.ts';

const budget = (runs: number, searchRuns: number) => ({ runs, controlRuns: runs, searchRuns, seed: 42, policy: precisionPolicy(40) });
const uniform = fc.tuple(fc.noBias(fc.integer({ min: 0, max: 1_000_000 })), fc.noBias(fc.integer({ min: 0, max: 1_000_000 })));

/** a/(a+b+1) ≤ 1: tight only where b is small and a large, which uniform sampling rarely reaches. */
const ratio = defineProperty<[number, number]>({
  id: 'USER-SEARCH/ratio',
  claim: 'USER-SEARCH',
  title: 'a/(a+b+1) ≤ 1',
  relation: 'le',
  arbitrary: uniform,
  sides: (F, [a, b]) => ({ lhs: F.div(F.fromNumber(a), F.fromNumber(a + b + 1)), rhs: F.fromNumber(1) }),
  controls: [],
});

/** A false claim whose only counterexample, (10⁶, 0), has probability 1e-12 per uniform draw. */
const needle = defineProperty<[number, number]>({
  id: 'USER-SEARCH/needle',
  claim: 'USER-SEARCH',
  title: 'a + [b = 0] ≤ 10⁶',
  relation: 'le',
  arbitrary: uniform,
  sides: (F, [a, b]) => ({ lhs: F.fromNumber(a + (b === 0 ? 1 : 0)), rhs: F.fromNumber(1_000_000) }),
  controls: [],
});

describe('choice sequences', () => {
  it('recording leaves fast-check’s instance stream unchanged, and each tape regenerates its instance', () => {
    for (const prop of builtinProperties.filter((_, i) => i % 5 === 0)) {
      const recorder = recordingRandom();
      const recorded: Array<{ json: string; tape: NonNullable<ReturnType<typeof recorder.latest>> }> = [];
      const plain: string[] = [];
      fc.check(fc.property(prop.arbitrary, (x) => void recorded.push({ json: JSON.stringify(x), tape: recorder.latest()! })), { seed: 3, numRuns: 8, randomType: recorder.randomType });
      fc.check(fc.property(prop.arbitrary, (x) => void plain.push(JSON.stringify(x))), { seed: 3, numRuns: 8 });
      expect(recorded.map((r) => r.json), prop.id).toEqual(plain);
      for (const r of recorded) expect(JSON.stringify(generateFromTape(prop.arbitrary, r.tape, 1).value), prop.id).toBe(r.json);
    }
  });

  it('small edits of a word move the drawn integer by the same amount', () => {
    const arb = fc.noBias(fc.integer({ min: 0, max: 1_000_000 }));
    const base = generateFromTape(arb, { words: [12345], bias: 2 });
    const moved = generateFromTape(arb, { words: [12345 + 7], bias: 2 });
    expect(moved.value - base.value).toBe(7);
    expect(generateFromTape(arb, { words: [-0x80000000], bias: 2 }).value).toBe(0);
  });

  it('mutations are deterministic in the seed', () => {
    const words = [1, 2, 3, 4, 5, 6];
    const a = mulberry32(9), b = mulberry32(9);
    for (let i = 0; i < 50; i++) expect(mutateWords(words, a)).toEqual(mutateWords(words, b));
    const c = mulberry32(10);
    expect(Array.from({ length: 50 }, () => mutateWords(words, c).words)).not.toEqual(Array.from({ length: 50 }, () => mutateWords(words, b).words));
  });
});

describe('targeted search', () => {
  it('comes much closer to a bound than sampling where the generator rarely goes', () => {
    const r = runProperty(ratio, budget(100, 100));
    expect(r.status).toBe('holds');
    const s = r.search!;
    expect(s.evaluations).toBeGreaterThan(50);
    // room used = a/(a+b+1) (base 0): the gap 1 − room used is the search's objective
    const sampledBest = Math.max(...r.room!.quantiles ? [1 - s.sampledGap!] : []);
    expect(sampledBest).toBeGreaterThan(0);
    expect(s.foundGap!).toBeLessThan(s.sampledGap! / 100);
    expect(s.best).not.toBeNull();
    expect(r.warnings.join('\n')).toMatch(/targeted search came .* closer to using the whole room than sampling/);
    // the report's best room used is the one the search found, certified
    expect(r.room!.best!.found).toBe('search');
    expect(1 - Number(r.room!.best!.room.hi)).toBeLessThanOrEqual(s.foundGap! * 1.000001 + 1e-15);
    expect(r.tightest).toEqual(r.room!.best!.instance);
  });

  it('finds a counterexample that sampling misses, certified and reported like a sampled one', () => {
    const sampledOnly = runProperty(needle, budget(200, 0));
    expect(sampledOnly.status).toBe('holds');
    expect(sampledOnly.search).toBeNull();
    const r = runProperty(needle, budget(200, 400));
    expect(r.status).toBe('violated');
    expect(r.counterexample!.path).toBe('targeted-search');
    expect(r.counterexample!.instance).toEqual([1_000_000, 0]);
    expect(Number(r.counterexample!.margin.hi)).toBeLessThan(0);
  });

  it('is deterministic: the same seed gives the same search', () => {
    const a = runProperty(ratio, budget(60, 40));
    const b = runProperty(ratio, budget(60, 40));
    expect({ ...a, durationMs: 0 }).toEqual({ ...b, durationMs: 0 });
  });
});
