import type { Args, Value } from './protocol.ts';

/**
 * Smaller variants of a failing input, simplest first: fewer atoms (an index removed from every
 * vector of the common length together, so p and q stay paired), smaller matrices (a row and
 * column of a square matrix, or a row or a column of a rectangular one, together with every
 * matrix of the same dimensions, so a batch of logits stays paired), then simpler numbers
 * (0, 1, −1, fewer significant digits). The caller keeps a variant that still disagrees the same
 * way and asks again, until nothing smaller does: fast-check's shrinking does this inside its own
 * arbitraries; this works on the arguments themselves, whatever built them.
 */
export function* smaller(args: Args): Generator<Args> {
  const keys = Object.keys(args);
  const vectors = keys.filter((k) => Array.isArray(args[k]) && !Array.isArray((args[k] as unknown[])[0]));
  const matrices = keys.filter((k) => Array.isArray(args[k]) && Array.isArray((args[k] as unknown[])[0]));
  // vectors of the first vector's length shrink together
  const n = vectors.length ? (args[vectors[0]] as number[]).length : 0;
  const paired = vectors.filter((k) => (args[k] as number[]).length === n);
  for (let i = n - 1; i >= 0 && n > 1; i--) yield { ...args, ...Object.fromEntries(paired.map((k) => [k, (args[k] as number[]).filter((_, j) => j !== i)])) };
  const dimsOf = (k: string) => `${(args[k] as number[][]).length}x${(args[k] as number[][])[0].length}`;
  for (const k of matrices) {
    const A = args[k] as number[][];
    const square = A.length === A[0].length;
    // matrices of the same dimensions are a batch (kd_loss's student and teacher logits): they lose a row or a column together
    const batch = matrices.filter((m) => dimsOf(m) === dimsOf(k));
    const covariance = square && (batch.length === 1 || vectors.some((v) => (args[v] as number[]).length === A.length));
    if (!covariance) {
      if (batch[0] !== k) continue; // the batch shrinks once, with its first matrix
      const each = (f: (M: number[][]) => number[][]) => Object.fromEntries(batch.map((m) => [m, f(args[m] as number[][])]));
      for (let i = A.length - 1; i >= 0 && A.length > 1; i--) yield { ...args, ...each((M) => M.filter((_, r) => r !== i)) };
      for (let j = A[0].length - 1; j >= 0 && A[0].length > 1; j--) yield { ...args, ...each((M) => M.map((r) => r.filter((_, c) => c !== j))) };
      continue;
    }
    for (let i = A.length - 1; i >= 0 && A.length > 1; i--) {
      const rows = A.filter((_, r) => r !== i);
      // a square matrix (and any vector of its size, e.g. a mean) loses index i everywhere
      const shrunk = rows.map((r) => r.filter((_, c) => c !== i));
      const alsoVectors = vectors.filter((v) => (args[v] as number[]).length === A.length);
      const alsoMatrices = matrices.filter((m) => m !== k && (args[m] as number[][]).length === A.length);
      yield {
        ...args,
        [k]: shrunk,
        ...Object.fromEntries(alsoVectors.map((v) => [v, (args[v] as number[]).filter((_, j) => j !== i)])),
        ...Object.fromEntries(alsoMatrices.map((m) => [m, (args[m] as number[][]).filter((_, r) => r !== i).map((r) => r.filter((_, c) => c !== i))])),
      };
    }
  }
  for (const k of keys) yield* simplerNumbers(args, k);
}

const simpler = (x: number): number[] => {
  if (!Number.isFinite(x) || x === 0) return [];
  const out = [0, 1, -1, Number(x.toPrecision(1)), Number(x.toPrecision(3))];
  return [...new Set(out)].filter((y) => y !== x && Math.abs(y) <= Math.abs(x) * 1.5 + 1);
};

function* simplerNumbers(args: Args, k: string): Generator<Args> {
  const v = args[k];
  if (typeof v === 'string') return; // a word (kd_loss's reduction) has nothing simpler
  if (typeof v === 'number') {
    for (const y of simpler(v)) yield { ...args, [k]: y };
  } else if (!Array.isArray(v[0])) {
    const xs = v as number[];
    for (let i = 0; i < xs.length; i++) for (const y of simpler(xs[i])) yield { ...args, [k]: xs.map((x, j) => (j === i ? y : x)) };
  } else {
    const A = v as number[][];
    for (let i = 0; i < A.length; i++)
      for (let j = 0; j < A[i].length; j++)
        for (const y of simpler(A[i][j])) {
          // keep symmetric matrices symmetric
          const sym = A.length === A[0].length && A[j]?.[i] === A[i][j];
          yield { ...args, [k]: A.map((r, a) => r.map((x, b) => ((a === i && b === j) || (sym && a === j && b === i) ? y : x))) };
        }
  }
}
