import type { ImplReport } from '../../impl/run.ts';
import type { FunctionResult } from '../../impl/check.ts';
import { escapeXml as esc } from '../escape.ts';

const COLOUR: Record<FunctionResult['status'], string> = { pass: '#2e7d32', fail: '#c62828', skipped: '#757575', 'adapter-failure': '#6a1b9a' };
const sig = (x: number | null | undefined) => (x === null || x === undefined ? '—' : Number.isFinite(x) ? x.toPrecision(3) : String(x));

const KIND_LABEL: Record<string, string> = { special: 'special values', 'invalid-accepted': 'invalid inputs answered', 'error-on-valid': 'errors on valid input', shape: 'wrong shapes' };

/** The disagreements that are not accuracy (special values, invalid input, errors, shapes), with counts. */
const otherFailures = (f: FunctionResult) =>
  Object.entries(f.disagreements).filter(([k, n]) => k !== 'inaccurate' && n > 0).map(([k, n]) => `${KIND_LABEL[k] ?? k} (${n})`).join(', ');

/**
 * Worst error / tolerance on a log axis 1e-6 … 1e16, with the tolerance (ratio 1) marked. A
 * function that fails for another reason than accuracy gets a grey bar: its accuracy is not what failed.
 */
function ratioPlot(f: FunctionResult): string {
  const W = 300, H = 22, pad = 4;
  const x = (v: number) => pad + Math.min(1, Math.max(0, (Math.log10(Math.max(v, 1e-6)) + 6) / 22)) * (W - 2 * pad);
  const fill = !f.worst ? '' : f.worst.ratio > 1 ? '#ef9a9a' : f.status === 'pass' ? '#a5d6a7' : '#bdbdbd';
  const bar = f.worst ? `<rect class="ratio" x="${pad}" y="5" width="${Math.max(1, x(f.worst.ratio) - pad)}" height="12" fill="${fill}"><title>worst error / tolerance ${sig(f.worst.ratio)}</title></rect>` : '';
  return `<svg width="${W}" height="${H}" role="img" aria-label="worst error relative to tolerance for ${esc(f.fn)}"><line x1="${pad}" y1="11" x2="${W - pad}" y2="11" stroke="#ddd"/>${bar}<line x1="${x(1)}" y1="2" x2="${x(1)}" y2="20" stroke="#c62828" stroke-dasharray="3,2"><title>tolerance</title></line></svg>`;
}

/** Requests per input class, split into agreeing and disagreeing. */
function classBars(f: FunctionResult): string {
  const entries = Object.entries(f.classes);
  if (!entries.length) return '';
  const max = Math.max(...entries.map(([, v]) => v.requests));
  const rows = entries.map(([k, v], i) => {
    const w = (n: number) => (220 * n) / max;
    return `<text x="0" y="${14 + i * 16}" font-size="11">${esc(k)}</text><rect x="150" y="${4 + i * 16}" width="${w(v.requests - v.disagreements)}" height="12" fill="#a5d6a7"/><rect x="${150 + w(v.requests - v.disagreements)}" y="${4 + i * 16}" width="${w(v.disagreements)}" height="12" fill="#ef9a9a"/><text x="${155 + w(v.requests)}" y="${14 + i * 16}" font-size="10">${v.requests} (${((100 * v.requests) / Math.max(1, f.requests)).toFixed(1)} %)${v.disagreements ? `, ${v.disagreements} ✗` : ''}</text>`;
  });
  return `<svg class="classes" width="520" height="${8 + entries.length * 16}" role="img" aria-label="requests per input class for ${esc(f.fn)}">${rows.join('')}</svg>`;
}

/** Each group of disagreements (kind, input class, form of the answer) with its shrunk witness. */
function groupTable(f: FunctionResult): string {
  if (!f.groups.length) return '';
  const rows = f.groups.map((g, i) => `<tr><td>${i + 1}</td><td>${esc(g.verdict)}</td><td>${esc(g.inputClass)}</td><td>${esc(g.form)}</td><td>${g.count}</td><td>${g.witness ? `${code(g.witness.args)} → ${code(g.witness.got)}<br><small>expected ${esc(g.witness.expected)}; ${esc(g.witness.judgement.detail)} (shrunk in ${g.witness.shrinkSteps} steps)</small>` : 'no longer disagreed when replayed'}</td></tr>`);
  const more = f.unshrunkGroups.length ? `<p>Further groups, not shrunk: ${esc(f.unshrunkGroups.map((g) => `${g.verdict} / ${g.inputClass} / ${g.form}: ${g.count}`).join('; '))}</p>` : '';
  return `<table class="groups"><tr><th>#</th><th>kind</th><th>input class</th><th>answer</th><th>count</th><th>shrunk witness</th></tr>${rows.join('')}</table>${more}`;
}

const code = (x: unknown) => `<code>${esc(JSON.stringify(x).slice(0, 600))}</code>`;

/** A self-contained page (inline CSS and SVG, nothing fetched). */
export function renderImplHtml(r: ImplReport): string {
  const rows = r.functions.map((f) => `<tr><td><a href="#${f.fn}">${f.fn}</a></td><td style="color:${COLOUR[f.status]}"><b>${f.status}</b></td><td>${f.requests}</td><td>${sig(f.worst?.ulps)}</td><td>${sig(f.worst?.relError)}</td><td>${f.status === 'skipped' ? '' : ratioPlot(f)}${f.status === 'fail' && otherFailures(f) ? `<br><span class="fails-on" style="color:${COLOUR.fail}">✗ fails on ${esc(otherFailures(f))}</span>` : ''}</td></tr>`).join('');
  const sections = r.functions.filter((f) => f.status !== 'skipped').map((f) => {
    const d = f.disagreements;
    return `<section id="${f.fn}"><h2>${f.fn} <span style="color:${COLOUR[f.status]}">${f.status}</span></h2>
<p><b>Tolerance:</b> ${esc(f.tolerance)}.<br><b>Special values:</b> ${esc(f.specials)}.</p>
<p>${f.requests} requests; disagreements: ${d.inaccurate} beyond tolerance, ${d.special} special values, ${d['invalid-accepted']} invalid inputs answered, ${d['error-on-valid']} errors on valid input, ${d.shape} wrong shapes, ${d['singular-unsignalled']} unsignalled singular inputs.</p>
${classBars(f)}
${f.failure ? `<p><b>Adapter failure (${f.failure.kind}):</b> ${esc(f.failure.detail)} on ${code(f.failure.args)}</p>` : ''}
${groupTable(f)}
</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>check-impl: ${esc(r.implementation.name)}</title>
<style>body{font:14px system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}code{font-size:12px;word-break:break-all}</style></head><body>
<h1>check-impl: ${esc(r.implementation.name)}</h1>
<p>${esc(r.config.module ? `module ${r.config.module}` : `command ${r.config.cmd}`)} · ${r.config.runs} inputs per function · seed ${r.config.seed} · ${r.config.precision}, ${r.config.validation} validation · kd-verify ${esc(r.tool.version)} · ${esc(r.timing.startedAt)}</p>
<p><b>${r.summary.pass} pass, ${r.summary.fail} fail, ${r.summary.adapterFailure} adapter failures, ${r.summary.skipped} skipped.</b></p>
<table class="functions"><tr><th>function</th><th>status</th><th>requests</th><th>worst ulps</th><th>worst relative error</th><th>worst error / tolerance (log 1e-6 … 1e16; dashed: tolerance)</th></tr>${rows}</table>
${sections.join('\n')}
${r.stderr.trim() ? `<h2>stderr of the implementation</h2><pre>${esc(r.stderr.trim().slice(-4000))}</pre>` : ''}
</body></html>
`;
}
