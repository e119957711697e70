#!/usr/bin/env node
// Render a report.html in headless Chromium (Debian's package, /usr/bin/chromium) and check that
// the page renders and its plots are there: `node scripts/check-html.mjs reports/latest/report.html`.
// Writes a screenshot beside the report. Exit 1 when a check fails, 2 when Chromium is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The rendered DOM of a local HTML file (Chromium's flags for a machine without network). */
export function renderedDom(file, screenshot) {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'kdverify-chromium-'))}`];
  const url = pathToFileURL(resolve(file)).href;
  if (screenshot) execFileSync(CHROMIUM, [...args, '--window-size=1200,1600', `--screenshot=${screenshot}`, url], { stdio: 'ignore', timeout: 60_000 });
  return execFileSync(CHROMIUM, [...args, '--dump-dom', url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
}

/** What a rendered report must contain: the title, one slack plot per property, and the sections it announces. */
export function htmlProblems(dom, report) {
  if (report.kind === 'check-impl') return implHtmlProblems(dom, report);
  const problems = [];
  if (!/<h1>kd-verify verification report<\/h1>/.test(dom)) problems.push('no title');
  const properties = report.claims.reduce((s, c) => s + c.properties.length, 0);
  const slackPlots = (dom.match(/<svg class="slack"/g) ?? []).length;
  if (slackPlots !== properties) problems.push(`${slackPlots} slack plots for ${properties} properties`);
  if (report.classification && !/class="classification"/.test(dom)) problems.push('no operator × axiom table');
  const decompositions = report.claims.flatMap((c) => c.properties).filter((p) => p.breakdown).length;
  if ((dom.match(/<svg class="breakdown"/g) ?? []).length !== decompositions) problems.push('a decomposition plot is missing');
  for (const f of report.figures) if (!dom.includes(f.caption.replace(/&/g, '&amp;').replace(/</g, '&lt;'))) problems.push(`figure ${f.file} is missing`);
  return problems;
}

/** A check-impl report: its title, a ratio bar per tested function that has a worst error, class bars per tested function. */
export function implHtmlProblems(dom, report) {
  const problems = [];
  if (!/<h1>check-impl: /.test(dom)) problems.push('no title');
  const tested = report.functions.filter((f) => f.status !== 'skipped');
  const bars = (dom.match(/<rect class="ratio"/g) ?? []).length;
  const withWorst = tested.filter((f) => f.worst).length;
  if (bars !== withWorst) problems.push(`${bars} error/tolerance bars for ${withWorst} functions with a worst error`);
  const classPlots = (dom.match(/<svg class="classes"/g) ?? []).length;
  const withClasses = tested.filter((f) => Object.keys(f.classes).length).length;
  if (classPlots !== withClasses) problems.push(`${classPlots} input-class plots for ${withClasses} tested functions`);
  for (const f of tested) if (!dom.includes(`id="${f.fn}"`)) problems.push(`section ${f.fn} is missing`);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? 'reports/latest/report.html';
  if (!existsSync(CHROMIUM)) {
    console.error(`check-html: ${CHROMIUM} not found (apt-get install chromium)`);
    process.exit(2);
  }
  const { readFileSync } = await import('node:fs');
  const report = JSON.parse(readFileSync(join(resolve(file), '..', 'report.json'), 'utf8'));
  const shot = join(resolve(file), '..', 'report.png');
  const problems = htmlProblems(renderedDom(file, shot), report);
  if (problems.length) {
    console.error(`check-html: ${file}: ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log(`check-html: ${file} renders in Chromium with every plot; screenshot ${shot}`);
}
