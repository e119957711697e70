import type { ClaimReport, Finding, Report } from './types.ts';
import type { ControlResult, InstanceRecord, PropertyResult } from '../engine/run-property.ts';
import type { Classification } from '../skd/classify.ts';
import { escapeXml } from './escape.ts';
import { fractionBar, roomPlot } from './svg-plot.ts';
import { enclosureText, instanceText, roomCell, roomFraction, sig } from './format.ts';
import { FINDING_LABEL, overviewCells, PROVENANCE, searchLine, STATUS_LEGEND, summaryLine } from './markdown.ts';
import { breakdownCaption, breakdownRows } from './breakdown-table.ts';
import { NUMERICS_TITLE, numericsRows, numericsSummary } from './numerics-section.ts';

/**
 * report.html: one self-contained page (inline CSS and inline SVG, no script, nothing fetched)
 * with everything report.md has: the findings first, the overview (status, room used with a bar,
 * degenerate and vacuous shares, controls, findings), then per claim the statement, the forms
 * checked, hypotheses with their counts, instance classes and reasons, room used with its plot and
 * instance, the targeted search, coverage, probes, controls, decompositions, figures and health
 * warnings; the operator × axiom table and the numerics survey. Wide tables scroll inside their
 * box, never the page.
 */
const esc = escapeXml;
const STATUS_COLOUR: Record<string, string> = { holds: '#2e7d32', sharp: '#1565c0', violated: '#c62828', undecided: '#ef6c00', error: '#6a1b9a' };
const FINDING_COLOUR: Record<Finding['kind'], string> = { violated: '#c62828', error: '#6a1b9a', undecided: '#ef6c00', 'probe-refuted': '#ad1457', loose: '#5d4037', 'probe-held': '#00695c', sharp: '#1565c0' };

const badge = (text: string, colour: string) => `<span class="badge" style="background:${colour}">${esc(text)}</span>`;
const table = (cls: string, header: string[], rows: string[][]) =>
  `<div class="scroll"><table class="${cls}"><thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
const codeOf = (x: unknown, max = 400) => `<code>${esc(instanceText(x, max))}</code>`;

function classificationTable(c: Classification): string {
  const mark = { satisfied: ['✓', '#c8e6c9'], violated: ['✗', '#ffcdd2'], undecided: ['?', '#ffe0b2'], 'n/a': ['n/a', '#eeeeee'], error: ['error', '#e1bee7'] } as const;
  const head = c.axioms.map((a) => `<th title="${esc(a.title)}">${esc(a.key)}</th>`).join('');
  const rows = c.operators.map((op) => {
    const cells = c.axioms.map((a) => {
      const cell = c.cells.find((x) => x.operator === op.id && x.axiom === a.key)!;
      const [sym, bg] = mark[cell.status];
      const tip = cell.counterexample ? `counterexample ${JSON.stringify(cell.counterexample.instance)}` : `${cell.instances} instances`;
      return `<td style="background:${bg}" title="${esc(tip)}">${sym}</td>`;
    });
    return `<tr><th>${esc(op.id)}</th><td>${esc(op.role)}</td>${cells.join('')}</tr>`;
  });
  const cx = c.cells.filter((x) => x.counterexample).map((v) => `<li>${esc(v.operator)} × ${esc(v.axiom)}: ${codeOf(v.counterexample!.instance)}, lhs ${esc(enclosureText(v.counterexample!.lhs))}, rhs ${esc(enclosureText(v.counterexample!.rhs))}</li>`);
  return `<div class="scroll"><table class="classification"><tr><th>operator</th><th>role</th>${head}</tr>${rows.join('')}</table></div>${cx.length ? `<p>Counterexamples (certified, shrunk):</p><ul>${cx.join('')}</ul>` : ''}<p class="legend">Axioms: ${c.axioms.map((a) => `<b>${esc(a.key)}</b> (${esc(a.claim)}): ${esc(a.title)}`).join('; ')}.</p>`;
}

const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#00838f'];

/** A decomposition's mean shares per family as stacked horizontal bars on a 0–100 % axis. */
function breakdownBars(p: PropertyResult): string {
  const b = p.breakdown!;
  const W = 560, row = 22, left = 170, right = 16, top = 4;
  const span = W - left - right;
  const bars = b.families.map((f, k) => {
    let x = left;
    const parts = b.terms.map((t, j) => {
      const w = Math.max(0, f.share[t] ?? 0) * span;
      const r = `<rect x="${x.toFixed(1)}" y="${top + k * row + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="${PALETTE[j % PALETTE.length]}"><title>${esc(t)}: ${((f.share[t] ?? 0) * 100).toFixed(1)}%</title></rect>`;
      x += w;
      return r;
    });
    return `<text x="${left - 6}" y="${top + k * row + 16}" text-anchor="end">${esc(f.family.length > 28 ? f.family.slice(0, 27) + '…' : f.family)}</text>${parts.join('')}`;
  });
  const axisY = top + b.families.length * row + 2;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => `<line x1="${left + t * span}" y1="${axisY}" x2="${left + t * span}" y2="${axisY + 4}" stroke="#333"/><text x="${left + t * span}" y="${axisY + 15}" text-anchor="middle">${t * 100}%</text>`);
  const H = axisY + 34;
  const legend = b.terms.map((t, j) => `<span class="key" style="background:${PALETTE[j % PALETTE.length]}"></span>${esc(t)}`).join(' ');
  return `<figure><svg class="breakdown" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="decomposition of ${esc(p.id)}" font-family="sans-serif" font-size="11">${bars.join('')}<line x1="${left}" y1="${axisY}" x2="${W - right}" y2="${axisY}" stroke="#333"/>${ticks.join('')}<text x="${left + span / 2}" y="${H - 3}" text-anchor="middle">mean share of the bound (coefficients included)</text></svg><figcaption>${esc(p.id)}: mean share of each term in the bound ${esc(b.bound)}. ${legend}</figcaption></figure>`;
}

function breakdownTable(p: PropertyResult): string {
  const { header, rows } = breakdownRows(p.breakdown!);
  return `<p>${esc(breakdownCaption(p.id, p.breakdown!))}</p>${table('decomposition', header.map(esc), rows.map((r) => r.map(esc)))}`;
}

/** The full enclosures of a record, collapsed. */
const fullEnclosures = (x: InstanceRecord) =>
  `<details class="enclosures"><summary>full enclosures</summary><p>Instance: <code>${esc(JSON.stringify(x.instance))}</code></p><p>lhs ∈ [${esc(x.lhs.lo)}, ${esc(x.lhs.hi)}]<br>rhs ∈ [${esc(x.rhs.lo)}, ${esc(x.rhs.hi)}]<br>margin ∈ [${esc(x.margin.lo)}, ${esc(x.margin.hi)}]${x.room ? `<br>room used ∈ [${esc(x.room.lo)}, ${esc(x.room.hi)}]` : ''} (${esc(x.context)} at ${x.digits} digits)</p></details>`;

function roomFigure(p: PropertyResult): string {
  if (!p.room) return `<p class="noroom">No room to measure: ${p.relation === 'eq' ? 'an identity, checked to the working precision' : 'a sign or order condition'}.</p>`;
  const r = p.room;
  const best = r.best ? { lo: Number(r.best.room.lo), hi: Number(r.best.room.hi) } : null;
  const found = p.search?.best?.room ? Number(p.search.best.room.lo) : null;
  const svg = roomPlot({ label: p.id, count: r.count, quantiles: r.quantiles, best, found });
  const q = r.quantiles;
  const caption = q
    ? `Room used over ${r.count} informative instances: 10% ${sig(q.p10, 4)}, median ${sig(q.median, 4)}, 90% ${sig(q.p90, 4)}, largest ${sig(q.max, 4)} (box 10–90 %, line median, red dot largest sampled, purple bar the best instance's certified enclosure, green diamond the targeted search's best, dashed line the bound).`
    : 'No informative instance with a certified room.';
  const bestLine = r.best ? `<p>Best room used ${esc(enclosureText(r.best.room))}${r.sharp ? ' — <b>sharp</b>' : ''} (${r.best.found}, certified at ${r.best.instance.digits} digits) on ${codeOf(r.best.instance.instance, 300)}</p>${fullEnclosures(r.best.instance)}` : '';
  return `<figure class="room">${svg}<figcaption>${esc(caption)}</figcaption></figure>${bestLine}`;
}

function propertyDetail(c: ClaimReport, p: PropertyResult): string {
  const parts: string[] = [];
  parts.push(`<p>${esc(p.title)}.</p>`);
  if (p.checks) parts.push(`<p class="checks"><b>Form checked:</b> ${esc(p.checks)}</p>`);
  if (p.statusReason) parts.push(`<p><b>Status:</b> ${esc(p.status)}: ${esc(p.statusReason)}.</p>`);
  parts.push(
    p.hypotheses.length
      ? `<h4>Hypotheses established</h4>${table('hypotheses', ['hypothesis', 'established on', 'failed on (discarded)'], p.hypotheses.map((h) => [esc(h.name), String(h.established), String(h.failed)]))}`
      : '<p class="hypotheses">Hypotheses established: none needed.</p>',
  );
  const k = p.classes;
  const reasons = Object.entries(p.classReasons).sort((a, b) => b[1] - a[1]);
  parts.push(`<p class="classes"><b>Instances:</b> ${p.instances} checked (${k.informative} informative, ${k.degenerate} degenerate, ${k.vacuous} vacuous), ${p.discarded} discarded; verdicts ${p.verdicts.holds} hold, ${p.verdicts.attained} attained, ${p.verdicts.undecided} undecided; ${p.screened} decided in doubles, up to ${p.maxDigitsUsed} digits, ${(p.durationMs / 1000).toFixed(1)} s.</p>`);
  if (reasons.length) parts.push(`<p><b>Not informative:</b></p><ul>${reasons.map(([r, n]) => `<li>${esc(r)} (${n})</li>`).join('')}</ul>`);
  parts.push(roomFigure(p));
  if (p.search) parts.push(`<p class="search">${esc(searchLine(p.search).replace(/`/g, ""))}</p>`);
  const cov = Object.entries(p.coverage).sort((a, b) => b[1] - a[1]);
  if (cov.length) parts.push(`<details class="coverage"><summary>Coverage classes (${cov.length})</summary>${table('coverage', ['class', 'instances'], cov.map(([name, n]) => [esc(name), String(n)]))}</details>`);
  if (p.error) parts.push(`<p class="error"><b>Error:</b> ${esc(p.error)}</p>`);
  if (p.cutShort) parts.push(`<p class="error"><b>Not verified</b>: ${esc(p.statusReason ?? 'cut short')}, after ${p.instances} instances (undecided).</p>`);
  if (p.undecidedExample) parts.push(`<p><b>Undecided</b> at ${p.undecidedExample.digits} digits: ${codeOf(p.undecidedExample.instance)}, margin ${esc(enclosureText(p.undecidedExample.margin))}</p>`);
  if (p.warnings.length) parts.push(`<ul class="warnings">${p.warnings.map((w) => `<li>⚠ ${esc(w)}</li>`).join('')}</ul>`);
  const head = `${esc(p.id)}${p.id === c.headline ? ' (headline)' : ''} · ${badge(p.status, STATUS_COLOUR[p.status])} · room used ${esc(roomCell(p.room, p.relation))}`;
  return `<details class="property" open><summary>${head}</summary>${parts.join('')}</details>`;
}

const controlRow = (k: ControlResult) => [
  `${esc(k.id)} — ${esc(k.description)}`,
  k.refuted ? '✓ refuted' : k.degenerateRefutations ? `<b>✗ NOT refuted</b> (violated only on ${k.degenerateRefutations} degenerate instances)` : '<b>✗ NOT refuted</b>',
  String(k.instances),
  k.witness ? esc(enclosureText(k.witness.margin)) : '—',
];

function claimSection(r: Report, c: ClaimReport, figures: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  parts.push(`<h2>${esc(c.id)}: ${esc(c.title)} ${badge(c.status, STATUS_COLOUR[c.status])}</h2>`);
  parts.push(`<p><i>${esc(c.source)}</i> · provenance: <b>${esc(c.provenance)}</b> — ${esc(PROVENANCE[c.provenance] ?? '')}. ${esc(c.provenanceNote)}</p>`);
  parts.push(`<p class="statement"><b>Statement:</b> ${esc(c.statement)}</p>`);
  parts.push(c.hypotheses.length ? `<div class="claim-hypotheses"><b>Hypotheses:</b><ul>${c.hypotheses.map((h) => `<li>${esc(h)}</li>`).join('')}</ul></div>` : '');
  if (c.flags.length) parts.push(`<div><b>Flags in the catalogue:</b><ul>${c.flags.map((f) => `<li>${esc(f)}</li>`).join('')}</ul></div>`);
  parts.push(`<p><b>Verdict: ${esc(c.status)}</b> (headline property ${esc(c.headline ?? '—')}) on ${c.instances} instances: ${c.classes.informative} informative, ${c.classes.degenerate} degenerate, ${c.classes.vacuous} vacuous.</p>`);
  const findings = r.findings.filter((f) => f.claim === c.id);
  if (findings.length) parts.push(`<ul class="claim-findings">${findings.map((f) => `<li>${badge(FINDING_LABEL[f.kind], FINDING_COLOUR[f.kind])} ${esc(f.sentence)}</li>`).join('')}</ul>`);
  parts.push(
    table(
      'props',
      ['property', 'relation', 'status', 'instances (inf. / deg. / vac.)', 'best room used'],
      c.properties.map((p) => [`${esc(p.id)}${p.id === c.headline ? ' (headline)' : ''}`, p.relation, `<span style="color:${STATUS_COLOUR[p.status]}">${p.status}</span>`, `${p.instances} (${p.classes.informative} / ${p.classes.degenerate} / ${p.classes.vacuous})`, `${esc(roomCell(p.room, p.relation))} ${fractionBar(roomFraction(p.room), `room used by ${p.id}`)}`]),
    ),
  );
  parts.push(...c.properties.map((p) => propertyDetail(c, p)));
  if (c.tightest) {
    const t = c.tightest;
    parts.push(`<p><b>Sharpest informative instance</b> (${esc(t.property)}, room used ${esc(enclosureText(t.room))}): lhs ${esc(enclosureText(t.lhs))}, rhs ${esc(enclosureText(t.rhs))}, margin ${esc(enclosureText(t.margin))}; ${codeOf(t.instance, 300)}</p>${fullEnclosures(t)}`);
  }
  if (c.counterexample) {
    const x = c.counterexample;
    parts.push(`<p class="cx"><b>Counterexample</b> (${esc(x.property)}, seed ${x.seed}, path ${esc(x.path)}): lhs ${esc(enclosureText(x.lhs))} against rhs ${esc(enclosureText(x.rhs))}, margin ${esc(enclosureText(x.margin))}; ${codeOf(x.instance, 300)}. Replay: <code>${esc(x.replay)}</code></p>${fullEnclosures(x)}`);
  }
  const scripts = r.scripts.filter((s) => s.claim === c.id);
  if (scripts.length) parts.push(`<p><b>Re-check without kd-verify</b> (Python 3 + mpmath):</p><ul class="scripts">${scripts.map((s) => `<li>${esc(s.subject)} of ${esc(s.variant ?? s.property)} (kd-verify: ${esc(s.verdict)}): ${s.file ? `<code>python3 ${esc(s.file)}</code>` : `no script — ${esc(s.note ?? '')}`}</li>`).join('')}</ul>`);
  for (const p of c.properties.filter((x) => x.breakdown)) parts.push(breakdownTable(p), breakdownBars(p));
  parts.push(...r.figures.filter((f) => f.claim === c.id && figures.has(f.file)).map((f) => `<figure class="figure">${figures.get(f.file)}<figcaption>${esc(f.caption)}</figcaption></figure>`));
  parts.push(`<h3>Negative controls (${c.controls.filter((k) => k.refuted).length}/${c.controls.length} refuted)</h3>${table('controls', ['control', 'refuted', 'instances drawn', 'witness margin'], c.controls.map(controlRow))}`);
  const probes = c.properties.flatMap((p) => p.probes);
  if (probes.length) parts.push(`<h3>Probes</h3><p class="legend">Variants testing a suspected looseness or gap; either outcome is a finding.</p>${table('probes', ['probe', 'outcome', 'instances drawn', 'witness margin'], probes.map((k) => [`${esc(k.id)} — ${esc(k.description)}`, k.refuted ? '<b>refuted</b>: the variant fails' : 'held on every instance', String(k.instances), k.witness ? esc(enclosureText(k.witness.margin)) : '—']))}`);
  const warnings = c.properties.flatMap((p) => p.warnings.map((w) => `<li>${esc(p.id)}: ${esc(w)}</li>`));
  if (warnings.length) parts.push(`<h3>Health warnings</h3><ul class="warnings">${warnings.join('')}</ul>`);
  return `<section id="${esc(c.id)}" class="claim">${parts.join('\n')}</section>`;
}

function findingsSection(r: Report): string {
  const items = r.findings.map(
    (f) =>
      `<li class="finding">${badge(FINDING_LABEL[f.kind], FINDING_COLOUR[f.kind])} ${esc(f.sentence)} <a href="${esc(f.section)}">${esc(f.claim)}</a>${f.witness ? `<div class="witness">Witness: <code>${esc(f.witness)}</code></div>` : ''}<div>Reproduce: <code>${esc(f.replay)}</code>${f.script ? `; re-check without kd-verify: <code>python3 ${esc(f.script)}</code>` : ''}</div></li>`,
  );
  return `<section id="findings"><h2>Findings</h2>${items.length ? `<ol class="findings">${items.join('')}</ol>` : '<p>None: every claim holds without a probe, looseness or sharpness to report.</p>'}</section>`;
}

function overviewSection(r: Report): string {
  const rows = r.claims.map((c) => {
    const o = overviewCells(c, r.findings);
    return [`<a href="#${esc(c.id)}">${esc(c.id)}</a>`, `<span style="color:${STATUS_COLOUR[c.status]}">${c.status}</span>`, esc(c.provenance), o.informative, `<span class="room-cell">${esc(o.room)}</span> ${fractionBar(o.roomFraction, `best room used by ${c.id}`)}`, o.degenerate, o.vacuous, o.controls, String(o.findings)];
  });
  return `<section id="overview"><h2>Overview</h2>${table('overview', ['claim', 'status', 'provenance', 'informative', 'best room used', 'degenerate', 'vacuous', 'controls refuted', 'findings'], rows)}<p class="legend">${esc(STATUS_LEGEND)}</p></section>`;
}

function numericsSection(n: NonNullable<Report['numerics']>): string {
  const { header, rows } = numericsRows(n);
  return `<section id="numerics"><h2>${esc(NUMERICS_TITLE)}</h2><p>${esc(numericsSummary(n))}</p>${table('numerics', header.map(esc), rows.map((x) => x.map(esc)))}</section>`;
}

const CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;max-width:1180px;margin:0 auto;padding:0 16px 2em;color:#222;line-height:1.4;overflow-wrap:anywhere}
h1{font-size:1.6em}h2{font-size:1.3em;margin-top:1.2em}h3{font-size:1.05em}h4{font-size:.95em;margin:.6em 0 .2em}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #ddd;padding:2px 6px;font-size:13px;vertical-align:middle;text-align:left;overflow-wrap:normal}
@media (max-width:900px){td,th{font-size:12px;padding:2px 4px}}
th{background:#f5f5f5}
.badge{color:white;padding:1px 6px;border-radius:3px;font-size:12px;white-space:nowrap}
.key{display:inline-block;width:10px;height:10px;margin:0 3px 0 8px}
code{font-size:12px;word-break:break-all;white-space:pre-wrap;background:#f6f6f6;padding:0 2px}
section.claim{border-top:2px solid #bbb;margin-top:1.6em}
details.property{border-left:3px solid #90caf9;padding:0 0 0 10px;margin:.6em 0}
details.property>summary{font-weight:600;cursor:pointer}
details.enclosures{font-size:12px;margin:.2em 0 .6em}
svg{max-width:100%;height:auto}svg.bar{vertical-align:middle}
figure{margin:.5em 0}figcaption{font-size:12px;color:#444}
ol.findings li{margin:.5em 0}.witness{font-size:12px}
.legend{font-size:12px;color:#444}
.warnings li{color:#8d4e00}.error{color:#b71c1c}
`;

export function renderHtml(r: Report, figures: ReadonlyMap<string, string> = new Map()): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>kd-verify report</title>
<style>${CSS}</style></head><body>
<h1>kd-verify verification report</h1>
<p>kd-verify ${esc(r.tool.version)} · seed ${r.config.seed} · ${r.config.runs} instances per property · ${r.config.digits} digits (up to ${r.config.maxDigits}) · ${r.complete ? 'complete' : '<b>incomplete</b>'} · ${(r.timing.durationMs / 1000).toFixed(1)} s</p>
<p><b>Summary:</b> ${esc(summaryLine(r))}</p>
${findingsSection(r)}
${overviewSection(r)}
${r.classification ? `<section id="classification"><h2>Softening operators: operator × axiom</h2>${classificationTable(r.classification)}</section>` : ''}
${r.claims.map((c) => claimSection(r, c, figures)).join('\n')}
${r.numerics ? numericsSection(r.numerics) : ''}
</body></html>
`;
}
