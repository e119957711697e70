/**
 * Local edits of a choice sequence. fast-check maps a 32-bit word w to an integer in a range of
 * size r as (w + 2³¹) mod r, so adding a small d to a word moves the drawn integer (a weight, an
 * index into a double's bit pattern, a size) by d: small deltas are local moves, large ones jumps,
 * and the smallest word draws the smallest value of its range (edge cases: zeros, minimal sizes).
 */
export type Rng = () => number;

/** A deterministic uniform [0, 1) stream (mulberry32). */
export function mulberry32(seed: number): Rng {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const below = (rng: Rng, n: number) => Math.floor(rng() * n);
const signed = (rng: Rng, d: number) => (rng() < 0.5 ? -d : d);
const shift = (w: number, d: number) => (w + d) | 0;
/** a step of 1 … 2^k with k uniform in [0, hi]: every scale is equally likely */
const step = (rng: Rng, hi: number) => 1 + below(rng, 2 ** below(rng, hi + 1));

/** An edit: the new words, and the (index, delta) of a shift edit (the climber may repeat it, doubled). */
export interface Edit {
  words: number[];
  shift: { index: number; delta: number } | null;
}

export function shiftWord(words: readonly number[], index: number, delta: number): Edit {
  const out = [...words];
  out[index] = shift(out[index], delta);
  return { words: out, shift: { index, delta } };
}

export function mutateWords(words: readonly number[], rng: Rng): Edit {
  if (words.length === 0) return { words: [], shift: null };
  const i = below(rng, words.length);
  const r = rng();
  if (r < 0.6) return shiftWord(words, i, signed(rng, step(rng, 24)));
  const out = [...words];
  if (r < 0.72) out[i] = (rng() * 4294967296) | 0;
  else if (r < 0.82) out[i] = -0x80000000;
  else if (r < 0.92) out[i] = out[below(rng, out.length)];
  else {
    // two neighbouring draws moved together (e.g. mass moved between two weights)
    const j = Math.min(out.length - 1, i + 1);
    const d = step(rng, 8);
    out[i] = shift(out[i], d);
    out[j] = shift(out[j], -d);
  }
  return { words: out, shift: null };
}
