/**
 * An implementation of two protocol functions under test (your own code would sit here): KL
 * divergence and entropy of weight vectors, with the conventions 0·log 0 = 0 and KL = +∞ when p
 * charges an atom q does not.
 */
const normalise = (w: number[]): number[] => {
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
};

/** KL(p‖q) of two weight vectors (normalised here). */
export function kl_discrete(p: number[], q: number[]): number {
  if (p.length !== q.length || p.some((x) => !(x >= 0)) || q.some((x) => !(x >= 0))) return NaN;
  const P = normalise(p), Q = normalise(q);
  let s = 0;
  for (let i = 0; i < P.length; i++) {
    if (P[i] === 0) continue;
    if (Q[i] === 0) return Infinity;
    s += P[i] * (Math.log(P[i]) - Math.log(Q[i]));
  }
  return Math.max(0, s);
}

/** Shannon entropy of a weight vector, in nats. */
export function entropy(p: number[]): number {
  if (p.some((x) => !(x >= 0))) return NaN;
  const P = normalise(p);
  return -P.reduce((s, x) => (x > 0 ? s + x * Math.log(x) : s), 0);
}
