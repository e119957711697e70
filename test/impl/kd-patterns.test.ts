import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { SubprocessAdapter } from '../../src/impl/adapters/subprocess.ts';
import { checkImpl, type ImplReport } from '../../src/impl/run.ts';
import type { FnName } from '../../src/impl/protocol.ts';

/**
 * The distillation-loss functions against the standard-library fixture adapter
 * (test/fixtures/adapters/kd_patterns_adapter.py): its careful pattern passes, and every planted
 * pattern bug is refuted with a small witness that shows the bug, in doubles, wherever Python runs.
 */
const python = spawnSync('python3', ['-c', 'import sys'], { stdio: 'ignore' }).status === 0;
const ADAPTER = 'python3 test/fixtures/adapters/kd_patterns_adapter.py';
const run = (pattern: string, functions: FnName[], runs = 40): Promise<ImplReport> =>
  checkImpl(new SubprocessAdapter(`${ADAPTER} --pattern ${pattern}`, 20_000), { module: null, cmd: null, functions, runs, seed: 42, timeoutMs: 20_000, version: 'test' });
const kd = (r: ImplReport) => r.functions.find((f) => f.fn === 'kd_loss')!;
/** the shrunk witness of the function's first disagreement group of that kind (any kind when omitted) */
const witness = (f: ReturnType<typeof kd>, verdict?: string) => f.groups.find((g) => verdict === undefined || g.verdict === verdict)!.witness!;
type KdArgs = { student_logits: number[][]; teacher_logits: number[][]; temperature: number; reduction: string };
const exactAndGot = (detail: string) => detail.match(/got (\S+), exact (\S+),/)!.slice(1).map(Number);

describe.skipIf(!python)('distillation-loss patterns (standard-library fixture adapter)', () => {
  it('lists its patterns', () => {
    const out = spawnSync('python3', ['test/fixtures/adapters/kd_patterns_adapter.py', '--patterns'], { encoding: 'utf8' });
    const names = (JSON.parse(out.stdout) as Array<{ name: string }>).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['careful', 'mean-over-classes', 't2-dropped', 'softmax-then-log']));
  });

  it('a careful implementation passes all four functions', async () => {
    const r = await run('careful', ['log_softmax', 'kd_loss', 'soft_cross_entropy', 'js_divergence']);
    expect(r.functions.filter((f) => f.status !== 'skipped').map((f) => `${f.fn}: ${f.status} ${f.firstDisagreement?.judgement.detail ?? ''}`)).toEqual(['log_softmax: pass ', 'kd_loss: pass ', 'soft_cross_entropy: pass ', 'js_divergence: pass ']);
    expect(Object.keys(kd(r).classes)).toEqual(expect.arrayContaining(['pair:one-hot-teacher', 'pair:masked', 'pair:student≈teacher', 'invalid:nan']));
  }, 120_000);

  it('the KL averaged over batch × classes: the loss is 1/C of the truth', async () => {
    const f = kd(await run('mean-over-classes', ['kd_loss']));
    expect(f.status).toBe('fail');
    const w = witness(f, 'inaccurate');
    const args = w.args as unknown as KdArgs;
    expect(args.student_logits[0].length).toBeGreaterThanOrEqual(2);
    const [got, exact] = exactAndGot(w.judgement.detail);
    expect(got * args.student_logits[0].length).toBeCloseTo(exact, 10);
  }, 120_000);

  it('T² dropped: refuted at a temperature other than 1, off by the factor T²', async () => {
    const f = kd(await run('t2-dropped', ['kd_loss']));
    const w = witness(f, 'inaccurate');
    const args = w.args as unknown as KdArgs;
    expect(args.temperature).not.toBe(1);
    const [got, exact] = exactAndGot(w.judgement.detail);
    expect(got * args.temperature ** 2).toBeCloseTo(exact, 10);
  }, 120_000);

  it('probabilities as input, swapped arguments and clipped probabilities: beyond tolerance', async () => {
    for (const p of ['probs-as-input', 'swapped', 'clipped']) {
      const f = kd(await run(p, ['kd_loss']));
      expect(f.status, p).toBe('fail');
      expect(f.disagreements.inaccurate, p).toBeGreaterThan(0);
      expect((witness(f, 'inaccurate').args as unknown as KdArgs).student_logits.flat().length, p).toBeLessThanOrEqual(4);
    }
  }, 300_000);

  it('log(softmax) and an unshifted exp: special values where the loss is finite', async () => {
    const log = kd(await run('softmax-then-log', ['kd_loss']));
    expect(log.disagreements.special).toBeGreaterThan(0);
    expect(witness(log, 'special').judgement.detail).toMatch(/got (Infinity|NaN)/);
    const unshifted = kd(await run('unshifted', ['kd_loss']));
    expect(unshifted.disagreements.special).toBeGreaterThan(0);
    expect(witness(unshifted, 'special').judgement.detail).toMatch(/got (Infinity|NaN)/);
  }, 240_000);
});
