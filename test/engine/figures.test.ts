import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinProperties } from '../../properties/index.ts';
import { verify } from '../../src/cli/verify.ts';
import { reportProblems } from '../../src/report/validate.ts';
import { lineChart } from '../../src/report/svg-plot.ts';
import { doubleField } from '../../src/numerics/double-field.ts';
import { tightness } from '../../src/sharp/tightness.ts';

describe('figures and decomposition tables in a report', async () => {
  const out = mkdtempSync(join(tmpdir(), 'kdverify-fig-'));
  const report = await verify(builtinProperties, { claims: ['KD-TIGHT-RHO0', 'KD-L16-SHARP', 'KD-LG-RANK'], runs: 20, controlRuns: 1000, digits: 40, seed: 3, out });

  it('writes the SVG next to report.md, lists it, links it, and the report validates', () => {
    expect(report.figures).toEqual([expect.objectContaining({ claim: 'KD-TIGHT-RHO0', file: 'kd-tight-rho0.svg' })]);
    expect(existsSync(join(out, 'kd-tight-rho0.svg'))).toBe(true);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/!\[.*\]\(kd-tight-rho0\.svg\)/);
    expect(reportProblems(report)).toEqual([]);
  });

  it('tabulates the Lemma 16 slack per dimension and the double-path survey', () => {
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/\*\*Decomposition\*\* \(KD-L16-SHARP\/quadratic\)/);
    expect(report.numerics?.doublePath.matrices).toBeGreaterThan(0);
  });
});

describe('the SVG line chart', () => {
  it('draws one polyline per series and a marker, and refuses non-finite points', () => {
    const svg = lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ label: 'a', colour: 'red', points: [[0, 1], [1, 2]] }, { label: 'b', colour: 'blue', points: [[0, 2], [1, 1]] }], markers: [{ x: 0.5, label: 'm' }] });
    expect(svg.match(/<polyline/g)?.length).toBe(2);
    expect(svg).toMatch(/stroke-dasharray/);
    expect(() => lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ label: 'a', colour: 'red', points: [[0, NaN]] }] })).toThrow(RangeError);
  });
  it('the representative tightness instance crosses at ρ0', () => {
    const t = tightness(doubleField, { kappa: 1, L: 2, g0: 0.5, alpha: 1, tau: 1, Kn: 0.5, n: 100, range: 2 });
    expect(Math.abs(t.advantage(t.rho0))).toBeLessThan(1e-12);
    expect(t.advantage(t.rho0 / 2)).toBeGreaterThan(0);
    expect(t.advantage(t.rho0 * 2)).toBeLessThan(0);
  });
});
