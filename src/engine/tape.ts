import fc from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';

/**
 * A generated instance as its choice sequence (Hypothesis's idea): the 32-bit words fast-check's
 * generator drew to build it, and the bias factor of that run. Editing the words and generating
 * again gives a nearby instance that the generator itself produced, so every invariant the
 * generator guarantees (normalised distributions, SPD matrices, integer weights) still holds.
 */
export interface Tape {
  words: number[];
  bias: number;
}

/** The bias factor fast-check gives its idx-th generated value (runIdToFrequency in its runner). */
export const biasForRun = (idx: number): number => 2 + Math.trunc(Math.log(idx + 1) * 0.4342944819032518);

interface RandomGenerator {
  clone(): RandomGenerator;
  next(): number;
  jump?(): void;
  getState(): readonly number[];
}

/** A 32-bit word for position k beyond a tape's end: a fixed function of (seed, k), so clones agree. */
function extensionWord(seed: number, k: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(k + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h | 0;
}

/** Reads a tape; past its end it extends it deterministically. Clones share the words, so what one reads all read. */
class TapeReader implements RandomGenerator {
  constructor(
    private readonly shared: { words: number[]; used: number; seed: number },
    private pos = 0,
  ) {}
  clone(): TapeReader {
    return new TapeReader(this.shared, this.pos);
  }
  next(): number {
    const s = this.shared;
    if (this.pos === s.words.length) s.words.push(extensionWord(s.seed, this.pos));
    const w = s.words[this.pos++];
    s.used = Math.max(s.used, this.pos);
    return w;
  }
  getState(): readonly number[] {
    return [this.pos];
  }
}

/** Generate from a tape: the instance and the words it actually consumed (its normalised tape). */
export function generateFromTape<I>(arb: fc.Arbitrary<I>, tape: Tape, extensionSeed = 0): { value: I; tape: Tape } {
  const shared = { words: [...tape.words], used: 0, seed: extensionSeed };
  const value = arb.generate(new fc.Random(new TapeReader(shared)), tape.bias).value;
  return { value, tape: { words: shared.words.slice(0, shared.used), bias: tape.bias } };
}

/**
 * fast-check's default generator (xorshift128plus), recording the words each run draws. Passed
 * as `randomType` it leaves the instance stream unchanged; `latest()` is the tape of the value
 * generated last (fast-check clones the root generator once per generated value).
 */
export function recordingRandom(): { randomType: (seed: number) => RandomGenerator; latest: () => Tape | null } {
  let latest: { words: number[]; run: number } | null = null;
  let runs = 0;
  class Recorder implements RandomGenerator {
    constructor(
      private readonly inner: RandomGenerator,
      private readonly words: number[] | null,
    ) {}
    clone(): RandomGenerator {
      if (this.words !== null) return new Recorder(this.inner.clone(), null); // a clone of a run's generator: not a new run
      const words: number[] = [];
      latest = { words, run: runs++ };
      return new Recorder(this.inner.clone(), words);
    }
    next(): number {
      const w = this.inner.next();
      this.words?.push(w);
      return w;
    }
    jump(): void {
      this.inner.jump!();
    }
    getState(): readonly number[] {
      return this.inner.getState();
    }
  }
  return {
    randomType: (seed) => new Recorder(xorshift128plus(seed) as RandomGenerator, null),
    latest: () => (latest ? { words: [...latest.words], bias: biasForRun(latest.run) } : null),
  };
}
