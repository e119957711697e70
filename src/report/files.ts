/**
 * The files a report directory holds besides report.json, as an earlier report.json lists them: the
 * fixed files, the figures and the re-check scripts. Writing a new report removes exactly these
 * (never other files a user put there). Names are checked against the shapes kd-verify writes, so a
 * tampered report.json cannot point outside the directory.
 */
export const FIXED_REPORT_FILES = ['report.json', 'report.md', 'report.html', 'report.tex', 'junit.xml', 'report.png', 'report-800.png'] as const;

const FIGURE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.svg$/;
const SCRIPT = /^findings\/[a-z0-9][a-z0-9-]*\.py$/;

/** The files of the report described by a parsed report.json (of any schema version; unknown shapes give the fixed names only). */
export function reportFileNames(report: unknown): string[] {
  const r = (report ?? {}) as { figures?: unknown; scripts?: unknown };
  const named = (list: unknown, re: RegExp) => (Array.isArray(list) ? list.map((x) => (x as { file?: unknown })?.file).filter((f): f is string => typeof f === 'string' && re.test(f)) : []);
  return [...FIXED_REPORT_FILES, ...named(r.figures, FIGURE), ...named(r.scripts, SCRIPT)];
}
