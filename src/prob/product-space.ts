import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import type { FiniteDist } from './distribution.ts';

/**
 * A finite product space Z_1 × … × Z_n with independent coordinates, and a real function on it
 * given as a table in mixed radix (coordinate 0 varies fastest).
 */
export interface ProductFunction {
  readonly marginals: readonly FiniteDist[];
  readonly table: readonly number[];
}

/** The number of points of the product space, Π|Z_i|. */
export function pointCount(marginals: readonly FiniteDist[]): number {
  return marginals.reduce((n, d) => n * d.weights.length, 1);
}

/** A function on the product space of the marginals, as a table in mixed radix (coordinate 0 fastest); checks its size and finiteness. */
export function productFunction(marginals: readonly FiniteDist[], table: readonly number[]): ProductFunction {
  const n = pointCount(marginals);
  if (table.length !== n) throw new RangeError(`the table has ${table.length} entries for ${n} points`);
  table.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`table entry ${i} is not finite: ${v}`);
  });
  return { marginals, table };
}

/** Index of the neighbour of `point` whose coordinate i is replaced by `value`. */
function neighbour(marginals: readonly FiniteDist[], point: number, i: number, value: number): number {
  let stride = 1;
  for (let j = 0; j < i; j++) stride *= marginals[j].weights.length;
  const current = Math.floor(point / stride) % marginals[i].weights.length;
  return point + (value - current) * stride;
}

/**
 * Bounded-difference constants c_i = max |f(z) − f(z')| over z, z' differing only in coordinate i.
 * Pairs whose double difference is near the maximum are all compared exactly in F, so the
 * result is the exact constant, not a rounded one.
 */
export function boundedDifferences<T>(F: Field<T>, f: ProductFunction): T[] {
  const { marginals, table } = f;
  return marginals.map((m, i) => {
    const k = m.weights.length;
    const pairs: Array<[number, number, number]> = [];
    for (let z = 0; z < table.length; z++) {
      for (let v = 0; v < k; v++) {
        const z2 = neighbour(marginals, z, i, v);
        if (z2 > z) pairs.push([z, z2, Math.abs(table[z] - table[z2])]);
      }
    }
    if (pairs.length === 0) return F.fromNumber(0);
    const best = Math.max(...pairs.map((p) => p[2]));
    return pairs
      .filter((p) => p[2] >= best * (1 - 1e-12))
      .map(([z, z2]) => F.abs(F.sub(F.fromNumber(table[z]), F.fromNumber(table[z2]))))
      .reduce((a, b) => F.max(a, b));
  });
}

/** Probability of every point (product of normalised coordinate probabilities), in F. */
export function pointProbabilities<T>(F: Field<T>, marginals: readonly FiniteDist[]): T[] {
  const coords = marginals.map((d) => {
    const W = sum(F, d.weights.map((w) => F.fromNumber(w)));
    return d.weights.map((w) => F.div(F.fromNumber(w), W));
  });
  let probs: T[] = [F.fromNumber(1)];
  for (const c of coords) {
    const next: T[] = [];
    // coordinate 0 varies fastest: for each existing prefix block, the new coordinate is outer
    for (const pc of c) for (const pp of probs) next.push(F.mul(pp, pc));
    probs = next;
  }
  return probs;
}

/** Law of f(Z): atoms of positive probability with their values. */
export function pushforward<T>(F: Field<T>, f: ProductFunction): { w: T[]; x: T[] } {
  const probs = pointProbabilities(F, f.marginals);
  const zeroWeight = pointZeroMask(f.marginals);
  const w: T[] = [], x: T[] = [];
  probs.forEach((p, z) => {
    if (!zeroWeight[z]) {
      w.push(p);
      x.push(F.fromNumber(f.table[z]));
    }
  });
  return { w, x };
}

/** Which points have probability exactly 0 (some coordinate of weight 0): decided exactly. */
function pointZeroMask(marginals: readonly FiniteDist[]): boolean[] {
  let mask: boolean[] = [false];
  for (const d of marginals) {
    const next: boolean[] = [];
    for (const w of d.weights) for (const m of mask) next.push(m || w === 0);
    mask = next;
  }
  return mask;
}
