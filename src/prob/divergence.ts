import type { Field } from '../numerics/field.ts';
import type { FiniteDist } from './distribution.ts';
import { sameDistribution, sameSize } from './distribution.ts';

/**
 * log(a/b) for a, b > 0: through the ratio (accurate when a ≈ b), or as log a − log b when the
 * ratio leaves the range of the context (in doubles, 1/5e-324 overflows and 5e-324/1 underflows).
 * Both are valid in every context; the branch only picks the accurate one.
 */
function logRatio<T>(F: Field<T>, a: T, b: T): T {
  const r = F.div(a, b);
  const x = F.approx(r);
  return x > 0 && Number.isFinite(x) ? F.log(r) : F.sub(F.log(a), F.log(b));
}

/**
 * KL(p‖q) = Σ_{p_i>0} p_i log(p_i/q_i), +∞ when some q_i = 0 < p_i; 0·log 0 = 0.
 * With weights, = (1/W) Σ w_i log(w_i/v_i) + log(V/W): one logarithm per atom.
 */
export function kl<T>(F: Field<T>, p: FiniteDist, q: FiniteDist): T {
  sameSize(p, q);
  const w = p.weights, v = q.weights;
  for (let i = 0; i < w.length; i++) if (w[i] > 0 && v[i] === 0) return F.fromNumber(Infinity);
  // the same law: exactly 0 (an enclosure of it would only straddle 0, however many digits)
  if (sameDistribution(w, v)) return F.fromNumber(0);
  let acc = F.fromNumber(0), W = F.fromNumber(0), V = F.fromNumber(0);
  for (let i = 0; i < w.length; i++) {
    // each weight converted once (an exact decimal expansion in the Decimal contexts)
    const vi = F.fromNumber(v[i]);
    V = F.add(V, vi);
    if (w[i] === 0) continue;
    const wi = F.fromNumber(w[i]);
    W = F.add(W, wi);
    acc = F.add(acc, F.mul(wi, logRatio(F, wi, vi)));
  }
  const result = F.add(F.div(acc, W), F.log(F.div(V, W)));
  // KL ≥ 0 (Gibbs): clamping an enclosure at 0 keeps it valid and removes rounding below zero.
  return F.max(F.fromNumber(0), result);
}

/** H(p) = −Σ p_i log p_i = log W − (1/W) Σ w_i log w_i. */
export function entropy<T>(F: Field<T>, p: FiniteDist): T {
  let acc = F.fromNumber(0), W = F.fromNumber(0);
  for (const x of p.weights) {
    if (x === 0) continue;
    const wi = F.fromNumber(x);
    W = F.add(W, wi);
    acc = F.add(acc, F.mul(wi, F.log(wi)));
  }
  return F.max(F.fromNumber(0), F.sub(F.log(W), F.div(acc, W)));
}
