import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleAdapter } from '../../src/impl/adapters/module.ts';
import { SubprocessAdapter } from '../../src/impl/adapters/subprocess.ts';
import { checkImpl, type ImplReport } from '../../src/impl/run.ts';
import { implReportProblems } from '../../src/report/validate.ts';
import type { FnName } from '../../src/impl/protocol.ts';
import { FLOAT32 } from '../../src/impl/precision.ts';

const options = (functions: FnName[] | null, runs = 100, timeoutMs = 5000) => ({ module: null, cmd: null, functions, runs, seed: 42, timeoutMs, version: 'test' });
const fn = (r: ImplReport, name: string) => r.functions.find((f) => f.fn === name)!;
const python = spawnSync('python3', ['-c', 'import sys'], { stdio: 'ignore' }).status === 0;
const scipy = python && spawnSync('python3', ['-c', 'import scipy, numpy'], { stdio: 'ignore' }).status === 0;
/** third-party libraries of the example adapters, installed outside the project (examples/adapters/README.md) */
const jax = existsSync('.venv-impl/bin/python') && spawnSync('.venv-impl/bin/python', ['-c', 'import jax'], { stdio: 'ignore' }).status === 0;
const npmImpl = (pkg: string) => existsSync(`.npm-impl/node_modules/${pkg}/package.json`);
/** processes whose command line mentions the fixture (none may be left behind) */
const running = (pattern: string) => spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).stdout.trim();

describe('check-impl on the suite’s own double path', () => {
  it('passes every function, with a schema-valid report', async () => {
    const r = await checkImpl(new ModuleAdapter('src/impl/double-path.ts'), options(null));
    expect(r.functions.filter((f) => f.status !== 'pass').map((f) => `${f.fn}: ${f.status} ${f.firstDisagreement?.judgement.detail ?? f.failure?.detail ?? ''}`)).toEqual([]);
    expect(r.summary.pass).toBe(19);
    expect(implReportProblems(JSON.parse(JSON.stringify(r)))).toEqual([]);
    // every function saw its edge-case classes, invalid input included
    expect(Object.keys(fn(r, 'kl_discrete').classes)).toEqual(expect.arrayContaining(['pair:q-zero', 'pair:p-zero', 'pair:p=q', 'invalid:nan']));
    expect(fn(r, 'logsumexp').classes['x:equal-extreme']?.requests).toBeGreaterThan(0);
  });
});

describe('check-impl refutes deliberately broken implementations, naming the function, the shrunk input and the error', () => {
  it('a KL that ignores zeros', async () => {
    const r = await checkImpl(new ModuleAdapter('test/fixtures/adapters/broken-kl-zeros.ts'), options(['kl_discrete', 'logsumexp']));
    const kl = fn(r, 'kl_discrete');
    expect(kl.status).toBe('fail');
    const nan = kl.groups.find((g) => g.form === 'NaN' && g.inputClass === 'pair:p-zero')!.witness!;
    expect(nan.judgement.detail).toMatch(/got NaN/);
    // shrunk to a tiny witness: one or two atoms, one of them with p = 0
    const p = (nan.args as { p: number[] }).p;
    expect(p.length).toBeLessThanOrEqual(3);
    expect(p).toContain(0);
    expect(fn(r, 'logsumexp').status).toBe('pass');
  });

  it('a naive log-sum-exp that overflows', async () => {
    const r = await checkImpl(new ModuleAdapter('test/fixtures/adapters/naive-logsumexp.ts'), options(['logsumexp']));
    const f = fn(r, 'logsumexp');
    expect(f.status).toBe('fail');
    expect(f.disagreements.special).toBeGreaterThan(0);
    const overflow = f.groups.find((g) => g.form === '+∞')!.witness!;
    expect(overflow.judgement.detail).toMatch(/got Infinity/);
    expect((overflow.args as { x: number[] }).x.length).toBeLessThanOrEqual(2);
  });

  it('a softmax without max-subtraction', async () => {
    const r = await checkImpl(new ModuleAdapter('test/fixtures/adapters/softmax-no-max.ts'), options(['softmax']));
    const f = fn(r, 'softmax');
    expect(f.status).toBe('fail');
    expect(f.groups.find((g) => g.form === 'NaN')!.witness!.judgement.detail).toMatch(/got NaN/);
  });

  it('a module function that throws, one that returns garbage, and one that never returns', async () => {
    const r = await checkImpl(new ModuleAdapter('test/fixtures/adapters/throws.ts'), options(['kl_discrete', 'logsumexp']));
    expect(fn(r, 'kl_discrete').disagreements['error-on-valid']).toBeGreaterThan(0);
    expect(fn(r, 'logsumexp').disagreements.shape).toBeGreaterThan(0);
    const h = await checkImpl(new ModuleAdapter('test/fixtures/adapters/hang.ts', 500), { ...options(['logsumexp']), timeoutMs: 500 });
    expect(fn(h, 'logsumexp').status).toBe('adapter-failure');
    expect(fn(h, 'logsumexp').failure!.kind).toBe('timeout');
  }, 30_000);
});

describe('module functions that return a Promise', () => {
  it('are awaited: a resolved value is judged, a rejection is an error answer, a Promise that never settles times out', async () => {
    const r = await checkImpl(new ModuleAdapter('test/fixtures/adapters/async.ts', 1000), { ...options(null, 60), timeoutMs: 1000 });
    expect(fn(r, 'logsumexp').status).toBe('pass');
    expect(fn(r, 'hoeffding_sigma').status).toBe('pass');
    expect(fn(r, 'hoeffding_sigma').rejectedInvalid).toBeGreaterThan(0);
    expect(fn(r, 'entropy').status).toBe('adapter-failure');
    expect(fn(r, 'entropy').failure!.kind).toBe('timeout');
  }, 30_000);
});

describe.skipIf(!python)('the subprocess protocol (Python adapters)', () => {
  it('reports a crash mid-run with its stderr, restarts, and completes the run', async () => {
    const r = await checkImpl(new SubprocessAdapter('python3 test/fixtures/adapters/crash_adapter.py'), options(['kl_discrete', 'logsumexp']));
    for (const f of r.functions.filter((x) => x.status !== 'skipped')) {
      expect(f.status).toBe('adapter-failure');
      expect(f.failure!.kind).toBe('crash');
      expect(f.failure!.detail).toMatch(/status 3.*simulated crash/);
    }
    expect(r.stderr).toMatch(/simulated crash/);
    expect(running('crash_adapter.py')).toBe('');
  }, 30_000);

  it('reports a hang past the timeout, kills it, and goes on with the other functions', async () => {
    const r = await checkImpl(new SubprocessAdapter('python3 test/fixtures/adapters/hang_adapter.py', 800), { ...options(['kl_discrete', 'logsumexp']), timeoutMs: 800 });
    expect(fn(r, 'logsumexp').status).toBe('adapter-failure');
    expect(fn(r, 'logsumexp').failure!.kind).toBe('timeout');
    expect(fn(r, 'kl_discrete').status).toBe('pass');
    expect(running('hang_adapter.py')).toBe('');
  }, 30_000);

  it('reports garbage on stdout and answers out of order', async () => {
    const g = await checkImpl(new SubprocessAdapter('python3 test/fixtures/adapters/garbage_adapter.py'), options(['kl_discrete']));
    expect(fn(g, 'kl_discrete').failure).toMatchObject({ kind: 'garbage' });
    const o = await checkImpl(new SubprocessAdapter('python3 test/fixtures/adapters/out_of_order_adapter.py'), options(['kl_discrete']));
    expect(fn(o, 'kl_discrete').failure).toMatchObject({ kind: 'out-of-order' });
    expect(running('garbage_adapter.py') + running('out_of_order_adapter.py')).toBe('');
  }, 30_000);

  it('passes the README’s minimal adapter and refutes the naive one', async () => {
    const m = await checkImpl(new SubprocessAdapter('python3 examples/adapters/minimal_adapter.py'), options(null));
    expect(m.summary).toMatchObject({ pass: 2, fail: 0, adapterFailure: 0 });
    const n = await checkImpl(new SubprocessAdapter('python3 test/fixtures/adapters/naive_adapter.py'), options(null));
    expect(n.summary.fail).toBe(2);
  }, 60_000);

  it.skipIf(!scipy)('runs the scipy adapter end to end', async () => {
    const r = await checkImpl(new SubprocessAdapter('python3 examples/adapters/scipy_adapter.py'), options(null, 50));
    // the distillation losses are not in the scipy adapter (their framework adapters are examples/adapters/*_kd_patterns.py)
    expect(r.functions.filter((f) => f.status === 'skipped').map((f) => f.fn)).toEqual(['log_softmax', 'kd_loss', 'soft_cross_entropy', 'js_divergence']);
    expect(r.summary.adapterFailure).toBe(0);
    // scipy's own routines agree where they are careful (inverse, SVD, log-sum-exp)
    for (const name of ['logsumexp', 'inverse', 'singular_values']) expect(fn(r, name).status).toBe('pass');
  }, 120_000);
});

describe('the example adapters of third-party libraries run end to end (skipped when the library is not installed: examples/adapters/README.md)', () => {
  it.skipIf(!npmImpl('numeric'))('numeric.js (needs .npm-impl/node_modules/numeric)', async () => {
    const r = await checkImpl(new ModuleAdapter('examples/adapters/numeric.ts'), options(['inverse', 'singular_values'], 60));
    expect(r.summary.adapterFailure).toBe(0);
    // a known defect: Golub–Reinsch refuses wide matrices
    expect(fn(r, 'singular_values').groups.some((g) => /Need more rows than columns/.test(g.form))).toBe(true);
  }, 120_000);

  it.skipIf(!npmImpl('@tensorflow/tfjs-core'))('tfjs-core, async, in float32 (needs .npm-impl/node_modules/@tensorflow/tfjs-core)', async () => {
    const r = await checkImpl(new ModuleAdapter('examples/adapters/tfjs.ts'), { ...options(['logsumexp'], 60), profile: { precision: FLOAT32, validation: 'strict' } });
    expect(r.summary.adapterFailure).toBe(0);
    // a known defect: logSumExp drops a dominant term's tail that float32 can hold
    expect(fn(r, 'logsumexp').groups.some((g) => g.inputClass === 'x:dominant-term' && g.verdict === 'inaccurate')).toBe(true);
  }, 120_000);

  it.skipIf(!jax)('JAX in float32 (needs .venv-impl with jax)', async () => {
    const cmd = '.venv-impl/bin/python examples/adapters/jax_adapter.py';
    const r = await checkImpl(new SubprocessAdapter(cmd), { ...options(['hoeffding_sigma', 'logsumexp'], 40), profile: { precision: FLOAT32, validation: 'strict' } });
    expect(r.summary.adapterFailure).toBe(0);
    expect(r.implementation.name).toMatch(/^jax /);
  }, 120_000);
});

describe('kdverify check-impl (command line)', () => {
  const cli = (args: string[]) => spawnSync('node', ['bin/kdverify.js', 'check-impl', ...args], { encoding: 'utf8' });
  it.each([
    [[]],
    [['--module', 'a.ts', '--cmd', 'python3 x.py']],
    [['--module', 'no/such/module.ts']],
    [['--module', 'src/impl/double-path.ts', '--functions', 'kl,entropy']],
    [['--module', 'src/impl/double-path.ts', '--runs', '0']],
    [['--cmd', 'python3 x.py | cat']],
    [['--cmd', 'no-such-program-xyz']],
    [['--module', 'src/impl/double-path.ts', '--out', 'README.md']],
    // nothing tested is an error, never a pass
    [['--module', 'test/fixtures/adapters/no-functions.ts']],
    [['--module', 'src/impl/double-path.ts', '--functions', '']],
    [['--module', 'test/fixtures/adapters/naive-logsumexp.ts', '--functions', 'entropy']],
    [['--module', 'src/impl/double-path.ts', '--precision', 'float16']],
    [['--module', 'src/impl/double-path.ts', '--validation', 'none']],
  ])('exits 2 with a one-line message for %j', (args) => {
    const out = mkdtempSync(join(tmpdir(), 'kdv-ci-'));
    const r = cli(args.includes('--out') ? args : [...args, '--out', join(out, 'r')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with --help'))).toHaveLength(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it('writes the four reports and exits 1 when a function disagrees', () => {
    const out = mkdtempSync(join(tmpdir(), 'kdv-ci-'));
    const r = cli(['--module', 'test/fixtures/adapters/naive-logsumexp.ts', '--runs', '50', '--out', out]);
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'report.md']);
    expect(implReportProblems(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')))).toEqual([]);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/<testcase[^>]*name="logsumexp"[^>]*><failure/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/distinct disagreement/);
  });

  it('is deterministic: the same seed gives the same report, timings aside', () => {
    const run = () => {
      const out = mkdtempSync(join(tmpdir(), 'kdv-ci-'));
      cli(['--module', 'test/fixtures/adapters/broken-kl-zeros.ts', '--runs', '40', '--out', out]);
      const r = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ImplReport;
      return JSON.stringify({ ...r, timing: null, functions: r.functions.map((f) => ({ ...f, durationMs: 0 })) });
    };
    expect(run()).toBe(run());
  });
});
