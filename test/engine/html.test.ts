import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinProperties } from '../../properties/index.ts';
import { verify } from '../../src/cli/verify.ts';
// @ts-expect-error: a plain ESM script without type declarations
import { CHROMIUM, htmlProblems, renderedDom, scrollProblems } from '../../scripts/check-html.mjs';

describe('report.html', async () => {
  const out = mkdtempSync(join(tmpdir(), 'kdverify-html-'));
  const report = await verify(builtinProperties, { claims: ['KD-TIGHT-RHO0', 'SKD-TOPK', 'KD-LG-FINAL', 'KD-L6-DV'], runs: 20, controlRuns: 1000, digits: 40, seed: 2, out });
  const html = readFileSync(join(out, 'report.html'), 'utf8');

  it('is self-contained: no script, no stylesheet or image to fetch', () => {
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).toMatch(/<svg class="room"/);
  });

  it('has every section before rendering: findings, overview with room used, hypotheses, coverage, probes, room plots', () => {
    expect(htmlProblems(html, report)).toEqual([]);
  });

  it.skipIf(!existsSync(CHROMIUM))('renders in headless Chromium with every section and plot, without sideways scrolling at 1280 and 800 px (skipped where Chromium is not installed)', () => {
    const dom = renderedDom(join(out, 'report.html'));
    expect(htmlProblems(dom, report)).toEqual([]);
    expect(scrollProblems(join(out, 'report.html'))).toEqual([]);
  });

  it('the checks have teeth: a report without its findings section or room column fails them', () => {
    expect(htmlProblems(html.replace('<section id="findings">', '<section>'), report)).toContain('no findings section');
    expect(htmlProblems(html.replace('<th>best room used</th>', '<th>min margin</th>'), report)).toContain('the overview has no room-used column');
    expect(htmlProblems(html.replace(/<table class="probes">/g, '<table>'), report).join()).toMatch(/probe tables/);
  });
});

describe('check-impl report.html', async () => {
  const { checkImpl } = await import('../../src/impl/run.ts');
  const { ModuleAdapter } = await import('../../src/impl/adapters/module.ts');
  const { renderImplHtml } = await import('../../src/report/impl/html.ts');
  const { writeFileSync } = await import('node:fs');
  const report = await checkImpl(new ModuleAdapter('test/fixtures/adapters/broken-kl-zeros.ts'), { module: 'broken-kl-zeros.ts', cmd: null, functions: null, runs: 30, seed: 1, timeoutMs: 5000, version: 'test' });
  const file = join(mkdtempSync(join(tmpdir(), 'kdverify-impl-html-')), 'report.html');
  writeFileSync(file, renderImplHtml(report));

  it('is self-contained and has its plots', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(htmlProblems(html, report)).toEqual([]);
  });

  it.skipIf(!existsSync(CHROMIUM))('renders in headless Chromium (skipped where Chromium is not installed)', () => {
    expect(htmlProblems(renderedDom(file), report)).toEqual([]);
  });
});
