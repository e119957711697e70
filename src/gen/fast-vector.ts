import fc from 'fast-check';

/**
 * Fixed-length vectors that draw exactly what fast-check draws, without its per-element objects.
 *
 * fc.array(a, {minLength: n, maxLength: n}) builds a Value (and a shrink context) per element; for
 * weight vectors of 100 atoms that bookkeeping costs more than the property. A Sampler is an element
 * arbitrary written twice from one description: as the fast-check arbitrary, and as a function that
 * makes the same calls to the same Random (`nextInt(min, max)`, in the same order, with the same
 * bias), so it returns the same value and leaves the generator in the same state. `vectorOf` uses
 * the second to generate, and the first (fc.array of the element arbitrary) to shrink: it keeps a
 * clone of the generator from before the draw and, when asked to shrink, regenerates the fast-check
 * value (identical) with its context. So instance streams, shrinks and choice-sequence tapes are
 * those of fc.array (test/gen/fast-vector.test.ts compares them draw for draw).
 *
 * The draws mirror fast-check 4's IntegerArbitrary (biased ranges), ConstantArbitrary,
 * FrequencyArbitrary (fc.oneof at depth 0), TupleArbitrary, MapArbitrary and ArrayArbitrary
 * (fixed length: one length draw, no slices); noBias(boolean) draws one integer.
 */
export interface Sampler<T> {
  /** The fast-check arbitrary the sampler mirrors. */
  readonly arb: fc.Arbitrary<T>;
  /** Draw a value as `arb.generate(random, bias).value` would, with the same calls to `random`. */
  readonly draw: (random: fc.Random, bias: number | undefined) => T;
}

/** fast-check's biased ranges of an integer arbitrary (BiasNumericRange, integerLogLike). */
function biasRanges(min: number, max: number): Array<{ min: number; max: number }> {
  const logLike = (v: number) => Math.floor(Math.log(v) / Math.log(2));
  if (min === max) return [{ min, max }];
  if (min < 0 && max > 0) {
    const logMin = logLike(-min), logMax = logLike(max);
    return [{ min: -logMin, max: logMax }, { min: max - logMax, max }, { min, max: min + logMin }];
  }
  const logGap = logLike(max - min);
  const nearMin = { min, max: min + logGap }, nearMax = { min: max - logGap, max };
  return min < 0 ? [nearMax, nearMin] : [nearMin, nearMax];
}

/** fc.integer({min, max}). */
export function intS(min: number, max: number): Sampler<number> {
  const ranges = biasRanges(min, max);
  const last = ranges.length - 2;
  return {
    arb: fc.integer({ min, max }),
    draw(r, bias) {
      if (bias === undefined || r.nextInt(1, bias) !== 1) return r.nextInt(min, max);
      if (ranges.length === 1) return r.nextInt(ranges[0].min, ranges[0].max);
      const id = r.nextInt(-2 * (ranges.length - 1), last);
      const range = id < 0 ? ranges[0] : ranges[id + 1];
      return r.nextInt(range.min, range.max);
    },
  };
}

/** fc.constant(v). */
export function constantS<T>(value: T): Sampler<T> {
  return { arb: fc.constant(value), draw: () => value };
}

/** fc.constantFrom(...values). */
export function constantFromS<T>(...values: T[]): Sampler<T> {
  if (values.length === 1) return { arb: fc.constantFrom(...values), draw: () => values[0] };
  const top = values.length - 1;
  return { arb: fc.constantFrom(...values), draw: (r) => values[r.nextInt(0, top)] };
}

/** fc.oneof of weighted samplers (used as an element: fast-check's depth is 0 when it selects). */
export function oneofS<T>(...options: Array<{ weight: number; sampler: Sampler<T> }>): Sampler<T> {
  const cumulated: number[] = [];
  let total = 0;
  for (const o of options) cumulated.push((total += o.weight));
  const samplers = options.map((o) => o.sampler);
  return {
    arb: fc.oneof(...options.map((o) => ({ weight: o.weight, arbitrary: o.sampler.arb }))),
    draw(r, bias) {
      const selected = r.nextInt(0, total - 1);
      let i = 0;
      while (selected >= cumulated[i]) i++;
      return samplers[i].draw(r, bias);
    },
  };
}

/** s.arb.map(f). */
export function mapS<A, B>(s: Sampler<A>, f: (a: A) => B): Sampler<B> {
  return { arb: s.arb.map(f), draw: (r, bias) => f(s.draw(r, bias)) };
}

/** fc.tuple(a, b).map(([x, y]) => f(x, y)). */
export function tuple2S<A, B, C>(a: Sampler<A>, b: Sampler<B>, f: (x: A, y: B) => C): Sampler<C> {
  return {
    arb: fc.tuple(a.arb, b.arb).map(([x, y]) => f(x, y)),
    draw(r, bias) {
      const x = a.draw(r, bias);
      return f(x, b.draw(r, bias));
    },
  };
}

/** fc.boolean() (never biased). */
export function booleanS(): Sampler<boolean> {
  return { arb: fc.boolean(), draw: (r) => r.nextInt(0, 1) === 1 };
}

/** The generator as it was before the draw, and the bias: enough to regenerate fast-check's own value. */
class VectorContext {
  constructor(
    readonly start: fc.Random,
    readonly bias: number | undefined,
  ) {}
}

class FastVector<T> extends fc.Arbitrary<T[]> {
  private readonly slow: fc.Arbitrary<T[]>;
  constructor(
    private readonly element: Sampler<T>,
    private readonly n: number,
  ) {
    super();
    this.slow = fc.array(element.arb, { minLength: n, maxLength: n });
  }
  generate(random: fc.Random, bias: number | undefined): fc.Value<T[]> {
    const start = random.clone();
    random.nextInt(this.n, this.n); // the length, drawn unbiased as fast-check does
    const out = new Array<T>(this.n);
    for (let i = 0; i < this.n; i++) out[i] = this.element.draw(random, bias);
    return new fc.Value(out, new VectorContext(start, bias));
  }
  canShrinkWithoutContext(value: unknown): value is T[] {
    return this.slow.canShrinkWithoutContext(value);
  }
  shrink(value: T[], context: unknown): fc.Stream<fc.Value<T[]>> {
    // shrinks of shrinks carry fc.array's own contexts; a generated value carries ours: regenerate
    // fast-check's value and context from the same draws (identical by construction and by test)
    if (!(context instanceof VectorContext)) return this.slow.shrink(value, context);
    return this.slow.shrink(value, this.slow.generate(context.start.clone(), context.bias).context);
  }
}

/** fc.array(s.arb, {minLength: n, maxLength: n}), generated without per-element objects. */
export function vectorOf<T>(s: Sampler<T>, n: number): fc.Arbitrary<T[]> {
  return new FastVector(s, n);
}

/** The same vector as a Sampler, for nesting (a row of a table). */
export function vectorS<T>(s: Sampler<T>, n: number): Sampler<T[]> {
  const arb = vectorOf(s, n);
  return {
    arb,
    draw(r, bias) {
      r.nextInt(n, n);
      const out = new Array<T>(n);
      for (let i = 0; i < n; i++) out[i] = s.draw(r, bias);
      return out;
    },
  };
}
