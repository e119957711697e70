import type { Report } from './types.ts';

const r2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

type Numerics = NonNullable<Report['numerics']>;

export const NUMERICS_TITLE = 'Numerics: the double path against the Decimal reference';

/** What the survey did and its worst ratios, in one paragraph. */
export function numericsSummary(n: Numerics): string {
  const d = n.doublePath;
  return `The double-precision path (ml-matrix Cholesky log-determinant, inverse and symmetric eigenvalues) was compared with the Decimal reference on ${d.matrices} random SPD matrices B·Bᵀ + εI (seed ${n.seed}, condition numbers up to ${d.maxCondition.toExponential(1)}). Log-det and inverse errors are divided by κ·ε (κ the Frobenius condition number, ε = 2⁻⁵²), eigenvalue errors by λ_max·ε: a ratio of order 1–100 means the double path loses only what the conditioning forces. Worst: log-det ${r2(d.worst.logdetRatio)}·κε (at κ = ${d.worst.logdetCondition.toExponential(1)}), inverse ${r2(d.worst.inverseRatio)}·κε (at κ = ${d.worst.inverseCondition.toExponential(1)}), eigenvalues ${r2(d.worst.eigenRatio)}·λ_max·ε.`;
}

/** The survey per condition band, as header and rows of cells. */
export function numericsRows(n: Numerics): { header: string[]; rows: string[][] } {
  return {
    header: ['condition band', 'matrices', 'worst log-det error / κε', 'worst inverse error / κε', 'worst eigenvalue error / λ_max·ε'],
    rows: n.doublePath.bands.map((b) => [b.band, String(b.matrices), r2(b.worstLogdetRatio), r2(b.worstInverseRatio), r2(b.worstEigenRatio)]),
  };
}

/** The double-path survey as a markdown section. */
export function numericsMarkdown(n: Numerics): string[] {
  const { header, rows } = numericsRows(n);
  return [`## ${NUMERICS_TITLE}`, '', numericsSummary(n), '', `| ${header.join(' | ')} |`, `|${'---|'.repeat(header.length)}`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}
