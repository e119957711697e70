import { join } from 'node:path';
import type { Report } from '../report/types.ts';

/** The files a run writes into its report directory (the help text and the end summary name them). */
export const REPORT_FILE_LIST = 'report.html, report.md, report.json, report.tex, junit.xml, the figures (*.svg) and the re-check scripts findings/*.py';

/**
 * The end of a run on the terminal: claim counts, the findings by kind, the re-check scripts, and
 * which file to open.
 */
export function runSummary(report: Report, out: string): string {
  const s = report.summary;
  const lines = [`${report.claims.length} claims: ${s.holds} holds, ${s.sharp} sharp, ${s.violated} violated, ${s.undecided} undecided, ${s.error} error`];
  const byKind = new Map<string, number>();
  for (const f of report.findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  lines.push(`${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}${byKind.size ? ` (${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')})` : ''}`);
  const written = report.scripts.filter((x) => x.file).length;
  if (report.scripts.length) lines.push(`${written} re-check script${written === 1 ? '' : 's'} in ${join(out, 'findings')} (python3 + mpmath, no kd-verify needed)${written < report.scripts.length ? `; ${report.scripts.length - written} without a Python formula yet` : ''}`);
  lines.push(`open ${join(out, 'report.html')} (also report.md, report.json, report.tex, junit.xml)`);
  return lines.join('\n') + '\n';
}
