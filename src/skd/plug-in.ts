import type { Field } from '../numerics/field.ts';
import { sum } from '../numerics/field.ts';
import { normalise } from './simplex.ts';
import { topKSet } from './operators.ts';

/**
 * Plug-in estimators of a distribution p on V classes from N i.i.d. samples, with exact
 * expectations over the multinomial law of the counts (every composition of N enumerated):
 *   dense  q_D(c) = (c + α)/(N + Vα)      (add-α smoothing),
 *   sparse q_S(c) = trunc_k(q_D(c))        (the k most frequent classes, renormalised).
 * Squared-loss risk E‖q − p‖² = ‖E q − p‖² (bias) + E‖q − E q‖² (variance).
 */
export interface PlugInInstance {
  p: number[];
  N: number;
  k: number;
  alpha: number;
}

/** All count vectors c ∈ ℕ^V with Σc = N. */
export function compositions(N: number, V: number): number[][] {
  if (V === 1) return [[N]];
  const out: number[][] = [];
  for (let first = N; first >= 0; first--) for (const rest of compositions(N - first, V - 1)) out.push([first, ...rest]);
  return out;
}

const factorial = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * factorial(n - 1));

export function plugInRisks<T>(F: Field<T>, i: PlugInInstance) {
  const V = i.p.length;
  const p = normalise(F, i.p);
  const outcomes = compositions(i.N, V);
  const prob = outcomes.map((c) => {
    const coefficient = factorial(i.N) / c.reduce((acc, x) => acc * factorial(x), 1n);
    return c.reduce((acc, x, y) => (x === 0 ? acc : F.mul(acc, powInt(F, p[y], x))), F.fromString(coefficient.toString()));
  });
  const dense = outcomes.map((c) => normalise(F, c.map((x) => x + i.alpha)));
  const sparse = outcomes.map((c) => {
    const keep = topKSet(c.map((x) => x + i.alpha), i.k);
    return normalise(F, c.map((x, y) => (keep[y] ? x + i.alpha : 0)));
  });
  const stats = (qs: T[][]) => {
    const mean = p.map((_, y) => sum(F, qs.map((q, o) => F.mul(prob[o], q[y]))));
    const sq = (a: T[], b: T[]) => sum(F, a.map((x, y) => F.square(F.sub(x, b[y]))));
    return {
      risk: sum(F, qs.map((q, o) => F.mul(prob[o], sq(q, p)))),
      bias: sq(mean, p),
      variance: sum(F, qs.map((q, o) => F.mul(prob[o], sq(q, mean)))),
    };
  };
  return { dense: stats(dense), sparse: stats(sparse) };
}

function powInt<T>(F: Field<T>, x: T, n: number): T {
  let acc = F.fromNumber(1);
  for (let j = 0; j < n; j++) acc = F.mul(acc, x);
  return acc;
}
