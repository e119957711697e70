import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinProperties } from '../../properties/index.ts';
import { verify } from '../../src/cli/verify.ts';
import { reportProblems } from '../../src/report/validate.ts';

/**
 * A run writes its findings, the re-check scripts findings/<id>.py and report.tex; the scripts run
 * alone (python3 + mpmath) and agree with kd-verify's verdict on their instance.
 */
const python = spawnSync('python3', ['-c', 'import mpmath'], { stdio: 'ignore' }).status === 0;

describe('a report with findings and re-check scripts', async () => {
  const out = mkdtempSync(join(tmpdir(), 'kdverify-recheck-'));
  const report = await verify(builtinProperties, { claims: ['KD-L16-SHARP', 'KD-L15-NU', 'KD-L6-DV', 'KD-BD-MCDIARMID'], runs: 30, controlRuns: 300, digits: 40, seed: 4, out });
  const written = report.scripts.filter((s) => s.file);

  it('validates, lists its findings and writes exactly the scripts it lists', () => {
    expect(reportProblems(report)).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['loose', 'sharp']));
    expect(written.length).toBeGreaterThan(3);
    expect(readdirSync(join(out, 'findings')).sort()).toEqual(written.map((s) => s.file!.replace('findings/', '')).sort());
    for (const f of report.findings) if (f.script) expect(existsSync(join(out, f.script))).toBe(true);
  });

  it('writes the findings first in report.md and a booktabs report.tex', () => {
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md.indexOf('## Findings')).toBeGreaterThan(0);
    expect(md.indexOf('## Findings')).toBeLessThan(md.indexOf('## Overview'));
    const tex = readFileSync(join(out, 'report.tex'), 'utf8');
    expect(tex).toMatch(/\\usepackage\{booktabs,longtable,array\}/);
    for (const c of report.claims) expect(tex).toContain(c.id);
    expect(tex).toMatch(/\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
    expect(tex).not.toMatch(/[^\x00-\x7e]/);
  });

  it.skipIf(!python)('every script runs alone and agrees with kd-verify (skipped without python3 and mpmath)', () => {
    for (const s of written) {
      const run = spawnSync('python3', [s.file!, '--json'], { cwd: out, encoding: 'utf8', timeout: 300_000 });
      expect(run.status, `${s.file}: ${run.stderr}`).toBe(0);
      const r = JSON.parse(run.stdout);
      expect(r.agrees, s.file!).toBe(true);
      expect(r.expected).toBe(s.verdict);
    }
  });

  it.skipIf(!python)('a script whose recorded verdict is wrong says so and exits 1', () => {
    const s = written.find((x) => x.verdict === 'holds')!;
    const text = readFileSync(join(out, s.file!), 'utf8').replace('"verdict": "holds"', '"verdict": "violated"');
    const file = join(out, 'findings', 'tampered.py');
    writeFileSync(file, text);
    const run = spawnSync('python3', [file], { encoding: 'utf8', timeout: 300_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/DISAGREES with kd-verify/);
  });
});
