import type { Report } from './types.ts';

const r2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

/** The double-path survey as a markdown section. */
export function numericsMarkdown(n: NonNullable<Report['numerics']>): string[] {
  const d = n.doublePath;
  const out = ['## Numerics: the double path against the Decimal reference', ''];
  out.push(
    `The double-precision path (ml-matrix Cholesky log-determinant, inverse and symmetric eigenvalues) was compared with the Decimal reference on ${d.matrices} random SPD matrices B·Bᵀ + εI (seed ${n.seed}, condition numbers up to ${d.maxCondition.toExponential(1)}). Log-det and inverse errors are divided by κ·ε (κ the Frobenius condition number, ε = 2⁻⁵²), eigenvalue errors by λ_max·ε: a ratio of order 1–100 means the double path loses only what the conditioning forces. Worst: log-det ${r2(d.worst.logdetRatio)}·κε (at κ = ${d.worst.logdetCondition.toExponential(1)}), inverse ${r2(d.worst.inverseRatio)}·κε (at κ = ${d.worst.inverseCondition.toExponential(1)}), eigenvalues ${r2(d.worst.eigenRatio)}·λ_max·ε.`,
    '',
  );
  out.push('| condition band | matrices | worst log-det error / κε | worst inverse error / κε | worst eigenvalue error / λ_max·ε |', '|---|---|---|---|---|');
  for (const b of d.bands) out.push(`| ${b.band} | ${b.matrices} | ${r2(b.worstLogdetRatio)} | ${r2(b.worstInverseRatio)} | ${r2(b.worstEigenRatio)} |`);
  out.push('');
  return out;
}
