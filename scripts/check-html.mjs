#!/usr/bin/env node
// Render a report.html in headless Chromium (Debian's package, /usr/bin/chromium) and check that
// the page renders with its sections and plots, and that the page never scrolls sideways at 1280
// and 800 px: `node scripts/check-html.mjs reports/latest/report.html`. Writes screenshots
// report.png (1280 px wide) and report-800.png beside the report. Exit 1 when a check fails, 2
// when Chromium is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const WIDTHS = [1280, 800];

const chromiumArgs = () => ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'kdverify-chromium-'))}`];

/** A screenshot of the top of the page in a window `width` px wide. */
export function screenshot(file, png, width = 1280) {
  execFileSync(CHROMIUM, [...chromiumArgs(), `--window-size=${width},2400`, `--screenshot=${png}`, pathToFileURL(resolve(file)).href], { stdio: 'ignore', timeout: 120_000 });
}

/** The rendered DOM of a local HTML file (Chromium's flags for a machine without network). */
export function renderedDom(file, png, width = 1280) {
  const url = pathToFileURL(resolve(file)).href;
  if (png) screenshot(file, png, width);
  return execFileSync(CHROMIUM, [...chromiumArgs(), `--window-size=${width},1600`, '--dump-dom', url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000, maxBuffer: 1 << 28 });
}

/**
 * The page's width against the window's at `width` px: a copy of the page (beside it, so relative
 * files resolve the same) with a measuring script appended — the report itself has no script.
 */
export function pageWidth(file, width) {
  const html = readFileSync(file, 'utf8');
  const probe = join(dirname(resolve(file)), `.check-html-${process.pid}-${width}.html`);
  const script = `<script>document.documentElement.setAttribute('data-widths', document.documentElement.scrollWidth + ' ' + window.innerWidth)</script>`;
  writeFileSync(probe, html.replace(/<\/body>/, `${script}</body>`));
  try {
    const dom = renderedDom(probe, undefined, width);
    const m = /data-widths="(\d+) (\d+)"/.exec(dom);
    return m ? { scroll: Number(m[1]), window: Number(m[2]) } : null;
  } finally {
    rmSync(probe, { force: true });
  }
}

const count = (dom, re) => (dom.match(re) ?? []).length;

/** What a rendered report must contain: every section it announces, one room plot per bound, the findings. */
export function htmlProblems(dom, report) {
  if (report.kind === 'check-impl') return implHtmlProblems(dom, report);
  const problems = [];
  if (!/<h1>kd-verify verification report<\/h1>/.test(dom)) problems.push('no title');
  if (!/<section id="findings">/.test(dom)) problems.push('no findings section');
  const findings = count(dom, /<li class="finding">/g);
  if (findings !== (report.findings ?? []).length) problems.push(`${findings} findings shown for ${(report.findings ?? []).length} in report.json`);
  const overview = /<table class="overview">([\s\S]*?)<\/table>/.exec(dom);
  if (!overview) problems.push('no overview table');
  else {
    if (!/<th>best room used<\/th>/.test(overview[1])) problems.push('the overview has no room-used column');
    const rows = count(overview[1], /<tr>/g) - 1;
    if (rows !== report.claims.length) problems.push(`${rows} overview rows for ${report.claims.length} claims`);
    const bars = count(overview[1], /<svg class="bar"/g);
    const withRoom = report.claims.filter((c) => c.room?.best && Number.isFinite(Number(c.room.best.room.hi))).length;
    if (bars !== withRoom) problems.push(`${bars} room bars in the overview for ${withRoom} claims with a best room used`);
  }
  const properties = report.claims.flatMap((c) => c.properties);
  for (const c of report.claims) if (!dom.includes(`<section id="${c.id}" class="claim">`)) problems.push(`section ${c.id} is missing`);
  const roomPlots = count(dom, /<svg class="room"/g);
  const withRoom = properties.filter((p) => p.room).length;
  if (roomPlots !== withRoom) problems.push(`${roomPlots} room-used plots for ${withRoom} properties with room`);
  const hypotheses = count(dom, /<table class="hypotheses">|<p class="hypotheses">/g);
  if (hypotheses !== properties.length) problems.push(`${hypotheses} hypotheses sections for ${properties.length} properties`);
  const coverage = count(dom, /<details class="coverage">/g);
  const withCoverage = properties.filter((p) => Object.keys(p.coverage).length).length;
  if (coverage !== withCoverage) problems.push(`${coverage} coverage tables for ${withCoverage} properties with coverage classes`);
  const checks = count(dom, /<p class="checks">/g);
  if (checks !== properties.filter((p) => p.checks).length) problems.push('a checked form (checks) is missing');
  const probeTables = count(dom, /<table class="probes">/g);
  const withProbes = report.claims.filter((c) => c.properties.some((p) => p.probes.length)).length;
  if (probeTables !== withProbes) problems.push(`${probeTables} probe tables for ${withProbes} claims with probes`);
  if (count(dom, /<table class="controls">/g) !== report.claims.length) problems.push('a controls table is missing');
  if (report.numerics && !/<section id="numerics">/.test(dom)) problems.push('no numerics section');
  if (report.classification && !/class="classification"/.test(dom)) problems.push('no operator × axiom table');
  const decompositions = properties.filter((p) => p.breakdown).length;
  if (count(dom, /<svg class="breakdown"/g) !== decompositions || count(dom, /<table class="decomposition">/g) !== decompositions) problems.push('a decomposition table or plot is missing');
  for (const f of report.figures) if (!dom.includes(f.caption.replace(/&/g, '&amp;').replace(/</g, '&lt;'))) problems.push(`figure ${f.file} is missing`);
  if (/<script/i.test(dom)) problems.push('the page has a script');
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
  // a green accuracy bar only for a function that passes; a failure other than accuracy is named
  const green = count(dom, /<rect class="ratio"[^>]*fill="#a5d6a7"/g);
  const passing = tested.filter((f) => f.status === 'pass' && f.worst).length;
  if (green !== passing) problems.push(`${green} green accuracy bars for ${passing} passing functions`);
  const otherKinds = tested.filter((f) => f.status === 'fail' && Object.entries(f.disagreements).some(([k, n]) => k !== 'inaccurate' && n > 0)).length;
  if (count(dom, /class="fails-on"/g) !== otherKinds) problems.push(`${count(dom, /class="fails-on"/g)} failure kinds shown for ${otherKinds} functions failing on special values, invalid input, errors or shapes`);
  return problems;
}

/** Horizontal scrolling of the page at each width (tables scroll inside their boxes instead). */
export function scrollProblems(file) {
  const problems = [];
  for (const width of WIDTHS) {
    const w = pageWidth(file, width);
    if (!w) problems.push(`could not measure the page at ${width} px`);
    else if (w.scroll > w.window) problems.push(`the page scrolls sideways at ${width} px (${w.scroll} px wide in a ${w.window} px window)`);
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? 'reports/latest/report.html';
  if (!existsSync(CHROMIUM)) {
    console.error(`check-html: ${CHROMIUM} not found (apt-get install chromium)`);
    process.exit(2);
  }
  const dir = dirname(resolve(file));
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  const shots = WIDTHS.map((w) => join(dir, w === 1280 ? 'report.png' : `report-${w}.png`));
  const dom = renderedDom(file, shots[0], WIDTHS[0]);
  screenshot(file, shots[1], WIDTHS[1]);
  const problems = [...htmlProblems(dom, report), ...(report.kind === 'check-impl' ? [] : scrollProblems(file))];
  if (problems.length) {
    console.error(`check-html: ${file}: ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log(`check-html: ${file} renders in Chromium with every section and plot, no sideways scrolling at ${WIDTHS.join(' and ')} px; screenshots ${shots.join(', ')}`);
}
