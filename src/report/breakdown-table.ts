import type { BreakdownResult } from '../engine/breakdown.ts';

/** Three significant digits; |x| < 1e-15 is rounding noise of a term that is zero (e.g. Cov when Σ_S = Σ_T). */
const fmt = (x: number) => (Math.abs(x) < 1e-15 ? '0' : Number.isFinite(x) ? (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : x.toPrecision(3)) : '—');

/** The sentence that introduces a decomposition table. */
export const breakdownCaption = (propertyId: string, b: BreakdownResult) =>
  `Decomposition (${propertyId}): mean of each term per instance family, with its mean share of the bound ${b.bound} (coefficient included) in parentheses; the last columns compare the bound with the exact ${b.reference}.`;

/** A decomposition as header and rows of cells: per family, the mean reference, each term's mean and share, and bound/reference. */
export function breakdownRows(b: BreakdownResult): { header: string[]; rows: string[][] } {
  const header = ['family', 'instances', b.reference, ...b.terms, 'bound', `bound / ${b.reference} (min, mean, max)`, 'largest term most often'];
  const rows = b.families.map((f) => {
    const top = Object.entries(f.dominant).sort((x, y) => y[1] - x[1])[0];
    const cells = b.terms.map((t) => `${fmt(f.mean[t])} (${Math.round(100 * f.share[t])}%)`);
    return [f.family, String(f.count), fmt(f.mean[b.reference]), ...cells, fmt(f.mean.bound), `${fmt(f.ratio.min)}, ${fmt(f.ratio.mean)}, ${fmt(f.ratio.max)}`, top ? `${top[0]} (${top[1]}/${f.count})` : '—'];
  });
  return { header, rows };
}

/** A decomposition as a markdown table. */
export function breakdownMarkdown(propertyId: string, b: BreakdownResult): string[] {
  const { header, rows } = breakdownRows(b);
  return [`**${breakdownCaption(propertyId, b).replace(/^Decomposition/, 'Decomposition**')}`, '', `| ${header.join(' | ')} |`, `|${'---|'.repeat(header.length)}`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}
