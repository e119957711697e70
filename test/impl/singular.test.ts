import { describe, expect, it } from 'vitest';
import { specOf } from '../../src/impl/functions/index.ts';
import { judge } from '../../src/impl/judge.ts';
import { FLOAT32, FLOAT64, type Precision } from '../../src/impl/precision.ts';
import { ModuleAdapter } from '../../src/impl/adapters/module.ts';
import { checkImpl } from '../../src/impl/run.ts';
import { exactlySingular } from '../../src/impl/functions/exact-rank.ts';
import type { Value } from '../../src/impl/protocol.ts';

const verdict = (fn: 'inverse' | 'logdet' | 'kl_gaussian', args: Record<string, Value>, got: { value: Value } | { error: string }, P: Precision = FLOAT64) =>
  judge(specOf(fn).expected(args, P), got, { precision: P, validation: 'strict' }).verdict;

/** Gauss–Jordan with partial pivoting in doubles, no singularity check (a zero pivot gives ±∞/NaN). */
function luInverse(a: number[][]): number[][] {
  const n = a.length;
  const M = a.map((r, i) => [...r, ...a.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    const piv = M[c][c];
    M[c] = M[c].map((x) => x / piv);
    for (let r = 0; r < n; r++) if (r !== c) {
      const f = M[r][c];
      M[r] = M[r].map((x, j) => x - f * M[c][j]);
    }
  }
  return M.map((r) => r.slice(n));
}

describe('the contract at exactly singular input', () => {
  const A = [[1, 2], [2, 4]];
  const A3 = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];

  it('decides singularity exactly', () => {
    expect(exactlySingular(A)).toBe(true);
    expect(exactlySingular(A3)).toBe(true);
    expect(exactlySingular([[0.1, 0.2], [0.3, 0.6]])).toBe(true); // 0.2 = 2·0.1 and 0.6 = 2·0.3 exactly
    expect(exactlySingular([[1, 2], [2, 4 + 2 ** -50]])).toBe(false);
  });

  it('inverse: a signal or a backward-stable huge answer passes, a silent finite garbage answer fails', () => {
    expect(verdict('inverse', { a: A }, { error: 'Singular matrix' })).toBe('agree');
    expect(verdict('inverse', { a: A }, { value: [[NaN, NaN], [NaN, NaN]] })).toBe('agree');
    expect(verdict('inverse', { a: A }, { value: [[Infinity, -Infinity], [1, 0]] })).toBe('agree');
    // what an LU with a rounded (not exactly zero) pivot returns, as LAPACK does for [[1, 2, 3], …]
    const X = luInverse(A3);
    expect(X.flat().every(Number.isFinite)).toBe(true);
    expect(Math.max(...X.flat().map(Math.abs))).toBeGreaterThan(1e14);
    expect(verdict('inverse', { a: A3 }, { value: X })).toBe('agree');
    // finite garbage: the identity, the zero matrix, the adjugate
    for (const garbage of [[[1, 0], [0, 1]], [[0, 0], [0, 0]], [[4, -2], [-2, 1]], [[1e10, 0], [0, 1e10]]]) expect(verdict('inverse', { a: A }, { value: garbage })).toBe('singular-unsignalled');
  });

  it('logdet of a singular PSD matrix: −∞, an error or a small enough finite value; not 0, not +∞', () => {
    expect(verdict('logdet', { a: A }, { value: -Infinity })).toBe('agree');
    expect(verdict('logdet', { a: A }, { error: 'not positive definite' })).toBe('agree');
    expect(verdict('logdet', { a: A }, { value: Math.log(5) + Math.log(2 ** -52) })).toBe('agree');
    expect(verdict('logdet', { a: A }, { value: 0 })).toBe('singular-unsignalled');
    expect(verdict('logdet', { a: A }, { value: Infinity })).toBe('special');
    // an indefinite matrix stays invalid input
    expect(verdict('logdet', { a: [[-1, 0], [0, -1]] }, { value: 0 })).toBe('invalid-accepted');
  });

  it('kl_gaussian with a singular covariance: +∞, an error or a large enough finite value; not a small one, not −∞', () => {
    const args = { mu1: [0, 0], cov1: A, mu2: [0, 0], cov2: [[1, 0], [0, 1]] };
    expect(verdict('kl_gaussian', args, { value: Infinity })).toBe('agree');
    expect(verdict('kl_gaussian', args, { value: 18 })).toBe('agree');
    expect(verdict('kl_gaussian', args, { value: 1 })).toBe('singular-unsignalled');
    expect(verdict('kl_gaussian', args, { value: -Infinity })).toBe('special');
    const swapped = { mu1: [0, 0], cov1: [[1, 0], [0, 1]], mu2: [0, 0], cov2: A };
    expect(verdict('kl_gaussian', swapped, { value: 1e14 })).toBe('agree');
    expect(verdict('kl_gaussian', swapped, { value: 2 })).toBe('singular-unsignalled');
  });

  it('nearly (not exactly) singular input: a signal is accepted, and a finite answer is still judged by its tolerance', () => {
    const N = [[1, 1], [1, 1 + 2 ** -50]]; // SPD, κ ≈ 2^52
    expect(exactlySingular(N)).toBe(false);
    expect(verdict('logdet', { a: N }, { error: 'not positive definite' })).toBe('agree');
    expect(verdict('logdet', { a: N }, { value: 5 })).toBe('inaccurate');

    const M = [[1, 0.99999], [0.99999, 1]]; // κ ≈ 2e5: nearly singular in float32 (γ = 20·n^2.5·u), not in doubles
    expect(verdict('logdet', { a: M }, { error: 'not positive definite' })).toBe('error-on-valid');
    expect(verdict('logdet', { a: M.map((r) => r.map(Math.fround)) }, { error: 'not positive definite' }, FLOAT32)).toBe('agree');
  });

  it('check-impl reports a silent garbage inverse at singular input, with a shrunk integer witness, and passes a careful one', async () => {
    const run = (m: string) => checkImpl(new ModuleAdapter(m), { module: m, cmd: null, functions: ['inverse'], runs: 200, seed: 42, timeoutMs: 5000, version: 'test' });
    const f = (await run('test/fixtures/adapters/singular-garbage.ts')).functions.find((x) => x.fn === 'inverse')!;
    expect(f.status).toBe('fail');
    const g = f.groups.find((x) => x.verdict === 'singular-unsignalled')!;
    expect(g.inputClass).toMatch(/^singular/);
    const a = (g.witness!.args as { a: number[][] }).a;
    expect(exactlySingular(a)).toBe(true);
    expect(a.length).toBeLessThanOrEqual(3);
    expect(f.classes['singular:integer'].requests / f.requests).toBeGreaterThan(0.15);
    const careful = (await run('src/impl/double-path.ts')).functions.find((x) => x.fn === 'inverse')!;
    expect(careful.status).toBe('pass');
  }, 60_000);
});
