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
