import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledIsCurrent, sourcesHash, STAMP } from '../../src/loader/compiled.mjs';
import { withoutCondition, workerEntry } from '../../src/engine/parallel.ts';

/**
 * A checkout's bin/kdverify.js runs dist/ only while dist/ was compiled from exactly the current
 * sources (the stamp `npm run build` writes), and the sources otherwise: an edit is never shadowed
 * by a stale build. A claims file's `kd-verify` resolves into the same tree as the CLI.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function fakeCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kdverify-compiled-'));
  mkdirSync(join(dir, 'src', 'cli'), { recursive: true });
  mkdirSync(join(dir, 'properties'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), 'export const x = 1;\n');
  writeFileSync(join(dir, 'properties', 'p.ts'), 'export const p = 2;\n');
  writeFileSync(join(dir, 'package.json'), '{}\n');
  return dir;
}

describe('the compiled tree’s stamp', () => {
  const saved = process.env.KD_VERIFY_SOURCES;
  afterEach(() => {
    if (saved === undefined) delete process.env.KD_VERIFY_SOURCES;
    else process.env.KD_VERIFY_SOURCES = saved;
  });

  it('matches the sources it was taken from, and no edit, new file or rename of them', () => {
    delete process.env.KD_VERIFY_SOURCES;
    const dir = fakeCheckout();
    expect(compiledIsCurrent(dir)).toBe(false); // no stamp
    writeFileSync(join(dir, STAMP), sourcesHash(dir) + '\n');
    expect(compiledIsCurrent(dir)).toBe(true);
    writeFileSync(join(dir, 'src', 'cli', 'main.ts'), 'export const x = 2;\n');
    expect(compiledIsCurrent(dir)).toBe(false);
    writeFileSync(join(dir, STAMP), sourcesHash(dir) + '\n');
    writeFileSync(join(dir, 'properties', 'q.ts'), '\n');
    expect(compiledIsCurrent(dir)).toBe(false);
    writeFileSync(join(dir, STAMP), sourcesHash(dir) + '\n');
    writeFileSync(join(dir, 'package.json'), '{"name":"x"}\n');
    expect(compiledIsCurrent(dir)).toBe(false);
    // the same contents under another name are other sources
    const before = sourcesHash(dir);
    const other = fakeCheckout();
    writeFileSync(join(other, 'package.json'), '{"name":"x"}\n');
    writeFileSync(join(other, 'src', 'cli', 'main.ts'), 'export const x = 2;\n');
    writeFileSync(join(other, 'properties', 'r.ts'), '\n');
    expect(sourcesHash(other)).not.toBe(before);
  });

  it('is ignored under KD_VERIFY_SOURCES=1', () => {
    const dir = fakeCheckout();
    writeFileSync(join(dir, STAMP), sourcesHash(dir) + '\n');
    process.env.KD_VERIFY_SOURCES = '1';
    expect(compiledIsCurrent(dir)).toBe(false);
  });
});

describe('bin/kdverify.js in this checkout', () => {
  // the suite's global setup compiled dist/ (test/compile-cli.ts); a failed build shows here
  const probe = (env: Record<string, string>) => {
    const r = spawnSync(process.execPath, ['bin/kdverify.js', 'run', '--claims-file', 'test/fixtures/claims/which-tree.mjs', '--out', mkdtempSync(join(tmpdir(), 'kdverify-which-'))], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    return { status: r.status, tree: /kd-verify resolves to (\S+)/.exec(r.stderr)?.[1] };
  };

  it.skipIf(process.env.KD_VERIFY_SOURCES === '1')('runs dist/ when it matches the sources, and a claims file gets the same tree', () => {
    expect(compiledIsCurrent(root)).toBe(true);
    const r = probe({});
    expect(r.tree).toMatch(/\/dist\/src\/api\.js$/);
    expect(r.status).toBe(2); // the probe exports no claims: a usage error after loading
  });

  it('runs properties on worker threads loaded from the sources under KD_VERIFY_SOURCES=1', () => {
    const out = mkdtempSync(join(tmpdir(), 'kdverify-sources-'));
    const r = spawnSync(process.execPath, ['bin/kdverify.js', 'run', '--claims', 'KD-L6-DV', '--runs', '5', '--search', '0', '--jobs', '2', '--out', out], { cwd: root, encoding: 'utf8', env: { ...process.env, KD_VERIFY_SOURCES: '1' } });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { claims: Array<{ properties: Array<{ status: string; instances: number }> }> };
    const props = report.claims.flatMap((c) => c.properties);
    expect(props.length).toBeGreaterThan(1);
    expect(props.every((p) => p.instances === 5 && (p.status === 'holds' || p.status === 'sharp'))).toBe(true);
    expect([0, 3]).toContain(r.status); // 3: a control not refuted within 5 instances
  });

  it('runs the sources under KD_VERIFY_SOURCES=1', () => {
    const r = probe({ KD_VERIFY_SOURCES: '1' });
    expect(r.tree).toMatch(/\/src\/api\.ts$/);
    expect(r.status).toBe(2);
  });
});

describe('the worker threads of a run from the sources', () => {
  it.skipIf(process.env.KD_VERIFY_SOURCES === '1')('start compiled while dist/ matches the sources, without the sources’ export condition', () => {
    const entry = workerEntry();
    expect(entry.url.href).toMatch(/\/dist\/src\/engine\/worker\.js$/);
    expect(entry.execArgv).toBeDefined();
    expect(entry.execArgv!.join(' ')).not.toMatch(/kd-verify-source/);
  });

  it('start from the sources, through the hooks, under KD_VERIFY_SOURCES=1', () => {
    const r = spawnSync(process.execPath, ['--import', './src/loader/register.mjs', '-e', "import('./src/engine/parallel.ts').then((m) => console.log(m.workerEntry().url.href))"], { cwd: root, encoding: 'utf8', env: { ...process.env, KD_VERIFY_SOURCES: '1' } });
    expect(r.stdout.trim()).toMatch(/\/src\/engine\/worker-entry\.mjs$/);
  });
});

describe('withoutCondition', () => {
  it('drops the condition in each of its spellings and keeps everything else', () => {
    const argv = ['--require', 'x.cjs', '--conditions', 'kd-verify-source', '--conditions', 'module', '-C', 'kd-verify-source', '--conditions=kd-verify-source', '-C=node', '--import', 'kd-verify-source'];
    expect(withoutCondition(argv, 'kd-verify-source')).toEqual(['--require', 'x.cjs', '--conditions', 'module', '-C=node', '--import', 'kd-verify-source']);
  });
});
