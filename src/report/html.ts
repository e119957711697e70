import type { Report } from './types.ts';
import type { PropertyResult } from '../engine/run-property.ts';
import type { Classification } from '../skd/classify.ts';
import { escapeXml } from './escape.ts';

/**
 * report.html: one self-contained page (inline CSS and inline SVG, no script, no network) with the
 * plots a reader would rather look at than read: each property's relative slack distribution
 * (how tight the bound is where the generator went), the operator × axiom table, the decomposition
 * tables as stacked bars, and the run's figures.
 */
const esc = escapeXml;
const STATUS_COLOUR: Record<string, string> = { holds: '#2e7d32', sharp: '#1565c0', violated: '#c62828', undecided: '#ef6c00', error: '#6a1b9a' };

/** Relative slack quantiles on a log axis from 1e-12 to 1 (0 drawn at the left edge). */
function slackPlot(p: PropertyResult): string {
  const W = 360, H = 26, pad = 4;
  if (!p.slack || p.slack.count === 0) return `<svg class="slack" width="${W}" height="${H}" role="img" aria-label="no finite slack"><text x="4" y="17" font-size="11">no finite sides</text></svg>`;
  const x = (v: number) => {
    const t = v <= 1e-12 ? 0 : Math.min(1, (Math.log10(Math.min(v, 1)) + 12) / 12);
    return pad + t * (W - 2 * pad);
  };
  const s = p.slack;
  // the search maximises room used; its best instance's relative slack, when below the sampled minimum
  const best = p.search?.best;
  const bestSlack = best && Number(best.margin.lo) >= 0 ? Number(best.margin.lo) / Math.max(Math.abs(Number(best.lhs.lo)), Math.abs(Number(best.rhs.lo))) : null;
  const found = bestSlack !== null && Number.isFinite(bestSlack) && bestSlack < s.min ? bestSlack : null;
  return `<svg class="slack" width="${W}" height="${H}" role="img" aria-label="relative slack quantiles of ${esc(p.id)}">
<line x1="${pad}" y1="13" x2="${W - pad}" y2="13" stroke="#ccc"/>
<line x1="${x(s.min)}" y1="13" x2="${x(s.max)}" y2="13" stroke="#555"/>
<rect x="${x(s.p10)}" y="6" width="${Math.max(1, x(s.p90) - x(s.p10))}" height="14" fill="#90caf9" stroke="#1565c0"/>
<line x1="${x(s.median)}" y1="4" x2="${x(s.median)}" y2="22" stroke="#0d47a1" stroke-width="2"/>
<circle cx="${x(s.min)}" cy="13" r="3" fill="#c62828"><title>smallest relative slack sampled ${s.min}</title></circle>
${found === null ? '' : `<path class="found" d="M${x(found)} 6 l4 7 l-4 7 l-4 -7 z" fill="#2e7d32"><title>smallest relative slack after the targeted search ${found}</title></path>`}
</svg>`;
}

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
  return `<table class="classification"><tr><th>operator</th><th>role</th>${head}</tr>${rows.join('')}</table>`;
}

const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#00838f'];

/** A decomposition's mean shares per family as stacked horizontal bars. */
function breakdownBars(p: PropertyResult): string {
  const b = p.breakdown!;
  const W = 520, row = 22, left = 150;
  const bars = b.families.map((f, k) => {
    let x = left;
    const parts = b.terms.map((t, j) => {
      const w = Math.max(0, f.share[t] ?? 0) * (W - left - 10);
      const r = `<rect x="${x}" y="${k * row + 4}" width="${w}" height="${row - 8}" fill="${PALETTE[j % PALETTE.length]}"><title>${esc(t)}: ${((f.share[t] ?? 0) * 100).toFixed(1)}%</title></rect>`;
      x += w;
      return r;
    });
    return `<text x="4" y="${k * row + 16}" font-size="11">${esc(f.family)}</text>${parts.join('')}`;
  });
  const legend = b.terms.map((t, j) => `<span class="key" style="background:${PALETTE[j % PALETTE.length]}"></span>${esc(t)}`).join(' ');
  return `<figure><svg class="breakdown" width="${W}" height="${b.families.length * row + 4}" role="img" aria-label="decomposition of ${esc(p.id)}">${bars.join('')}</svg><figcaption>${esc(p.id)}: mean share of each term in the bound ${esc(b.bound)}. ${legend}</figcaption></figure>`;
}

export function renderHtml(r: Report, figures: ReadonlyMap<string, string> = new Map()): string {
  const s = r.summary;
  const claims = r.claims.map((c) => {
    const props = c.properties.map((p) => `<tr><td>${esc(p.id)}</td><td style="color:${STATUS_COLOUR[p.status]}">${p.status}</td><td>${p.instances}</td><td>${p.maxDigitsUsed}</td><td>${esc(p.minMargin ?? '—')}</td><td>${slackPlot(p)}</td></tr>`).join('');
    const controls = c.controls.map((k) => `<li>${k.refuted ? '✓ refuted' : '<b>✗ NOT refuted</b>'} after ${k.instances}: ${esc(k.id)} — ${esc(k.description)}</li>`).join('');
    const warnings = c.properties.flatMap((p) => p.warnings.map((w) => `<li>${esc(p.id)}: ${esc(w)}</li>`)).join('');
    const cx = c.counterexample ? `<p class="cx"><b>Counterexample</b> (${esc(c.counterexample.property)}): <code>${esc(JSON.stringify(c.counterexample.instance))}</code>, margin ∈ [${esc(c.counterexample.margin.lo)}, ${esc(c.counterexample.margin.hi)}]. Replay: <code>${esc(c.counterexample.replay)}</code></p>` : '';
    const tight = c.tightest ? `<p><b>Tightest instance</b> (${esc(c.tightest.property)}): <code>${esc(JSON.stringify(c.tightest.instance).slice(0, 600))}</code>, margin ∈ [${esc(c.tightest.margin.lo)}, ${esc(c.tightest.margin.hi)}]</p>` : '';
    const bars = c.properties.filter((p) => p.breakdown).map(breakdownBars).join('');
    const figs = r.figures.filter((f) => f.claim === c.id && figures.has(f.file)).map((f) => `<figure>${figures.get(f.file)}<figcaption>${esc(f.caption)}</figcaption></figure>`).join('');
    return `<section id="${esc(c.id)}"><h2>${esc(c.id)}: ${esc(c.title)} <span class="status" style="background:${STATUS_COLOUR[c.status]}">${c.status}</span></h2>
<p><i>${esc(c.source)}</i> · provenance: <b>${esc(c.provenance)}</b>. ${esc(c.provenanceNote)}</p>
<p><b>Statement:</b> ${esc(c.statement)}</p>
${c.hypotheses.length ? `<p><b>Hypotheses:</b></p><ul>${c.hypotheses.map((h) => `<li>${esc(h)}</li>`).join('')}</ul>` : ''}
<table class="props"><tr><th>property</th><th>status</th><th>instances</th><th>max digits</th><th>min margin</th><th>relative slack (log scale 1e-12 … 1; box 10–90 %, line median, red dot sampled min, green diamond targeted-search min)</th></tr>${props}</table>
${tight}${cx}${bars}${figs}
<details><summary>negative controls (${c.controls.filter((k) => k.refuted).length}/${c.controls.length} refuted)</summary><ul>${controls}</ul></details>
${warnings ? `<details open><summary>health warnings</summary><ul>${warnings}</ul></details>` : ''}
</section>`;
  });
  const overview = r.claims.map((c) => `<tr><td><a href="#${esc(c.id)}">${esc(c.id)}</a></td><td style="color:${STATUS_COLOUR[c.status]}">${c.status}</td><td>${esc(c.provenance)}</td><td>${c.instances}</td><td>${esc(c.minMargin ?? '—')}</td><td>${c.controls.filter((k) => k.refuted).length}/${c.controls.length}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kd-verify report</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:1em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:2px 6px;font-size:13px;vertical-align:middle}
.status{color:white;padding:1px 6px;border-radius:3px;font-size:13px}.key{display:inline-block;width:10px;height:10px;margin:0 3px 0 8px}
code{font-size:12px;word-break:break-all}section{border-top:1px solid #ccc;margin-top:1.5em}
</style></head><body>
<h1>kd-verify verification report</h1>
<p>kd-verify ${esc(r.tool.version)} · seed ${r.config.seed} · ${r.config.runs} instances per property · ${r.config.digits} digits (up to ${r.config.maxDigits}) · ${r.complete ? 'complete' : '<b>incomplete</b>'} · ${(r.timing.durationMs / 1000).toFixed(1)} s</p>
<p><b>Summary:</b> ${s.holds} holds · ${s.sharp} sharp · ${s.violated} violated · ${s.undecided} undecided · ${s.error} error</p>
<table class="overview"><tr><th>claim</th><th>status</th><th>provenance</th><th>instances</th><th>min margin</th><th>controls refuted</th></tr>${overview}</table>
${r.classification ? `<h2>Softening operators: operator × axiom</h2>${classificationTable(r.classification)}` : ''}
${claims.join('\n')}
</body></html>
`;
}
