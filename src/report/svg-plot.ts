import { escapeXml } from './escape.ts';
/**
 * A minimal SVG line chart (no dependencies): several series over a shared x axis, linear axes
 * with five ticks, optional vertical markers. Enough for the report's figures.
 */
export interface Series {
  label: string;
  points: Array<[number, number]>;
  colour: string;
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  markers?: Array<{ x: number; label: string }>;
}

const W = 640, H = 400, M = { left: 70, right: 20, top: 40, bottom: 60 };
const esc = escapeXml;
const tick = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-2 && x !== 0) ? x.toExponential(1) : Number(x.toPrecision(3)).toString());

export function lineChart(c: Chart): string {
  const xs = c.series.flatMap((s) => s.points.map((p) => p[0])), ys = c.series.flatMap((s) => s.points.map((p) => p[1]));
  if (xs.length === 0 || ![...xs, ...ys].every(Number.isFinite)) throw new RangeError('lineChart needs finite points');
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const pad = (Math.max(...ys) - Math.min(...ys)) * 0.05 || 1;
  const [y0, y1] = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const sx = (x: number) => M.left + ((x - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const sy = (y: number) => H - M.bottom - ((y - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`];
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`, `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${esc(c.title)}</text>`);
  out.push(`<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="black"/>`, `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="black"/>`);
  for (let i = 0; i <= 4; i++) {
    const x = x0 + ((x1 - x0) * i) / 4, y = y0 + ((y1 - y0) * i) / 4;
    out.push(`<text x="${sx(x)}" y="${H - M.bottom + 16}" text-anchor="middle">${tick(x)}</text>`, `<text x="${M.left - 6}" y="${sy(y) + 4}" text-anchor="end">${tick(y)}</text>`);
  }
  out.push(`<text x="${W / 2}" y="${H - 18}" text-anchor="middle">${esc(c.xLabel)}</text>`, `<text x="16" y="${H / 2}" text-anchor="middle" transform="rotate(-90 16 ${H / 2})">${esc(c.yLabel)}</text>`);
  for (const m of c.markers ?? []) out.push(`<line x1="${sx(m.x)}" y1="${M.top}" x2="${sx(m.x)}" y2="${H - M.bottom}" stroke="grey" stroke-dasharray="4 3"/>`, `<text x="${sx(m.x) + 4}" y="${M.top + 12}">${esc(m.label)}</text>`);
  c.series.forEach((s, k) => {
    out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${s.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>`);
    out.push(`<line x1="${W - 200}" y1="${M.top + 8 + 16 * k}" x2="${W - 180}" y2="${M.top + 8 + 16 * k}" stroke="${s.colour}" stroke-width="2"/>`, `<text x="${W - 175}" y="${M.top + 12 + 16 * k}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** What a room-used plot shows: quantiles of informative instances and the best instance (certified ends). */
export interface RoomPlot {
  label: string;
  count: number;
  quantiles: { p10: number; median: number; p90: number; max: number } | null;
  /** the best instance's certified enclosure */
  best: { lo: number; hi: number } | null;
  /** the targeted search's best, when it used more room than sampling */
  found: number | null;
}

const fmtTick = (x: number) => (x === 0 ? '0' : Number(x.toPrecision(2)).toString());

/**
 * Room used on a linear axis from min(0, 10 % quantile) (at most −1) to 1 (or to the largest room
 * used when that exceeds 1: then room used is no share of the bound, and the plot says so), with
 * ticks and an axis label: the 10–90 % box, the median, the largest sampled room (red dot), the
 * best certified instance (its enclosure), the search's best (green diamond) and the bound at 1.
 */
export function roomPlot(r: RoomPlot): string {
  const W = 560, H = 78, L = 14, R = 14, y0 = 14, y1 = 40;
  const q = r.quantiles;
  const lo = q ? Math.max(-1, Math.min(0, q.p10)) : 0;
  const hi = q && Number.isFinite(q.max) ? Math.max(1, q.max) : 1;
  const x = (v: number) => L + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (W - L - R);
  const ticks = Array.from({ length: 5 }, (_, k) => lo + ((hi - lo) * k) / 4);
  const out = [`<svg class="room" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`room used by ${r.label}`)}" font-family="sans-serif" font-size="11">`];
  out.push(`<title>${esc(`room used over ${r.count} informative instances of ${r.label}`)}</title>`);
  out.push(`<line x1="${L}" y1="${y1}" x2="${W - R}" y2="${y1}" stroke="#333"/>`);
  for (const t of ticks) out.push(`<line x1="${x(t).toFixed(1)}" y1="${y1}" x2="${x(t).toFixed(1)}" y2="${y1 + 4}" stroke="#333"/><text x="${x(t).toFixed(1)}" y="${y1 + 15}" text-anchor="middle">${fmtTick(t)}</text>`);
  out.push(`<text x="${W / 2}" y="${H - 4}" text-anchor="middle">room used = (lhs − base)/(rhs − base); 1 = the bound is attained</text>`);
  out.push(`<line x1="${x(1).toFixed(1)}" y1="${y0 - 8}" x2="${x(1).toFixed(1)}" y2="${y1}" stroke="#c62828" stroke-dasharray="3 2"/>`);
  if (!q) {
    out.push(`<text x="${L + 4}" y="${y0 + 12}">no informative instance with a certified room</text>`, '</svg>');
    return out.join('');
  }
  if (q.p10 < lo) out.push(`<text x="${L}" y="${y0 - 2}" fill="#555">◂ below ${fmtTick(lo)}</text>`);
  if (hi > 1) out.push(`<text x="${W - R}" y="${y0 - 2}" text-anchor="end" fill="#bf360c">above 1 while the bound holds: no share of the bound</text>`);
  out.push(`<rect x="${x(q.p10).toFixed(1)}" y="${y0 + 6}" width="${Math.max(1, x(q.p90) - x(q.p10)).toFixed(1)}" height="14" fill="#90caf9" stroke="#1565c0"><title>10–90 % of room used: ${q.p10.toPrecision(4)} … ${q.p90.toPrecision(4)}</title></rect>`);
  out.push(`<line x1="${x(q.median).toFixed(1)}" y1="${y0 + 3}" x2="${x(q.median).toFixed(1)}" y2="${y0 + 23}" stroke="#0d47a1" stroke-width="2"><title>median ${q.median.toPrecision(4)}</title></line>`);
  out.push(`<circle class="max" cx="${x(q.max).toFixed(1)}" cy="${y0 + 13}" r="3.5" fill="#c62828"><title>largest room used sampled: ${q.max.toPrecision(6)}</title></circle>`);
  if (r.best) out.push(`<rect class="best" x="${(x(r.best.lo) - 1).toFixed(1)}" y="${y0 - 2}" width="${Math.max(2, x(r.best.hi) - x(r.best.lo) + 2).toFixed(1)}" height="4" fill="#6a1b9a"><title>best instance, certified: [${r.best.lo.toPrecision(6)}, ${r.best.hi.toPrecision(6)}]</title></rect>`);
  if (r.found !== null) out.push(`<path class="found" d="M${x(r.found).toFixed(1)} ${y0 + 5} l5 8 l-5 8 l-5 -8 z" fill="#2e7d32" stroke="white" stroke-width="0.8"><title>targeted search's best: ${r.found.toPrecision(6)}</title></path>`);
  out.push('</svg>');
  return out.join('');
}

/** A small horizontal bar for room used in [0, 1] (table cells); striped orange when room used exceeds 1. */
export function fractionBar(f: { value: number; above: boolean } | null, title: string): string {
  if (f === null) return '';
  const W = 64;
  const fill = f.above ? '#ef6c00' : f.value >= 0.999 ? '#1565c0' : '#64b5f6';
  const note = f.above ? ': above 1, so no share of the bound (see the property)' : '';
  return `<svg class="bar" viewBox="0 0 ${W} 10" width="${W}" height="10" role="img" aria-label="${esc(title + note)}"><rect width="${W}" height="10" fill="#e3e3e3"/><rect width="${(W * f.value).toFixed(1)}" height="10" fill="${fill}"${f.above ? ' stroke="#bf360c" stroke-dasharray="2 2"' : ''}/><title>${esc(title + note)}</title></svg>`;
}
