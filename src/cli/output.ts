import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A bad argument or unreadable input: one line on stderr, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A message on one line (stderr's one-line contract), its lines joined rather than cut. */
export const oneLine = (message: string): string => message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');

const errno = (e: unknown) => (e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : 'no write permission');

/**
 * Fail early (before any work) when `dir` cannot be created or written. Creates nothing: missing
 * directories are created, probed and removed again, so every name in the path is tried for real
 * (too long, not allowed by the file system).
 */
export function checkWritableDir(dir: string, option = '--out'): void {
  if (dir.trim() === '') throw new UsageError(`${option} must name a directory (got an empty string)`);
  const target = resolve(dir);
  let probe = target;
  if (existsSync(probe)) {
    if (!statSync(probe).isDirectory()) throw new UsageError(`${option} ${dir} is a file, not a directory`);
  } else {
    while (!existsSync(probe)) probe = dirname(probe);
    if (!statSync(probe).isDirectory()) throw new UsageError(`${option} ${dir} cannot be created: ${probe} is a file`);
  }
  try {
    accessSync(probe, constants.W_OK);
  } catch (e) {
    throw new UsageError(`${option} ${dir} is not writable (${probe}: ${errno(e)})`);
  }
  let created: string | undefined;
  try {
    created = makeDirs(target);
  } catch (e) {
    const code = errno(e);
    throw new UsageError(code === 'ENAMETOOLONG' ? `${option} ${basename(dir).slice(0, 40)}…: a name in the path is too long for the file system (ENAMETOOLONG)` : code === 'EACCES' || code === 'EROFS' || code === 'EPERM' || code === 'ENOENT' ? `${option} ${dir} is not writable (${probe}: ${code})` : `${option} ${dir} cannot be created (${code})`);
  }
  try {
    // permission bits are not the whole story (read-only mounts, /proc): create and remove a probe
    rmdirSync(mkdtempSync(join(target, '.kdverify-probe-')));
  } catch (e) {
    throw new UsageError(`${option} ${dir} is not writable (${errno(e)})`);
  } finally {
    if (created !== undefined) for (let d = target; ; d = dirname(d)) {
      rmdirSync(d);
      if (d === created) break;
    }
  }
}

/**
 * mkdir -p, one directory at a time (Node's recursive mkdir never returns where mkdir fails with
 * ENOENT under an existing parent, as in /proc). Returns the first directory created, if any.
 */
function makeDirs(dir: string): string | undefined {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d);
  return missing[0];
}

/**
 * Write every file or none: each goes to a temporary name first and is renamed into place only
 * when all were written, so a failure leaves no partial report behind.
 */
export function writeAll(dir: string, files: ReadonlyArray<readonly [string, string]>, stale: readonly string[] = []): void {
  const temps: string[] = [];
  try {
    makeDirs(dir);
    for (const [name, content] of files) {
      // a name may lie in a subdirectory (findings/<id>.py): its temporary file goes beside it
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      const tmp = join(dir, dirname(name), `.${basename(name)}.${process.pid}.tmp`);
      writeFileSync(tmp, content);
      temps.push(tmp);
    }
    for (const name of stale) if (!files.some(([n]) => n === name) && existsSync(join(dir, name))) unlinkSync(join(dir, name));
    // a subdirectory the stale files leave empty (findings/) goes too
    for (const sub of new Set(stale.map(dirname).filter((d) => d !== '.'))) if (existsSync(join(dir, sub)) && readdirSync(join(dir, sub)).length === 0) rmdirSync(join(dir, sub));
    files.forEach(([name], i) => renameSync(temps[i], join(dir, name)));
  } catch (e) {
    for (const t of temps) if (existsSync(t)) unlinkSync(t);
    throw new UsageError(`cannot write the report into ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The files of a run's report besides its figures and re-check scripts (report.png is check-html's screenshot of report.html). */
export const REPORT_FILES = ['report.json', 'report.md', 'report.html', 'report.tex', 'junit.xml', 'report.png'] as const;

/** A figure file name as a report lists it: a plain .svg name, never a path. */
const FIGURE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.svg$/;
/** A re-check script as a report lists it: findings/<id>.py, nothing else. */
const SCRIPT_NAME = /^findings\/[a-z0-9][a-z0-9-]*\.py$/;

/**
 * The files an earlier report in `dir` consists of: the fixed report files and the figures and
 * re-check scripts its report.json lists. Nothing else in the directory is ever touched.
 */
export function earlierReportFiles(dir: string): string[] {
  const figures: string[] = [];
  try {
    const earlier = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { figures?: unknown; scripts?: unknown };
    if (Array.isArray(earlier.figures)) for (const f of earlier.figures) if (typeof f?.file === 'string' && FIGURE_NAME.test(f.file)) figures.push(f.file);
    if (Array.isArray(earlier.scripts)) for (const f of earlier.scripts) if (typeof f?.file === 'string' && SCRIPT_NAME.test(f.file)) figures.push(f.file);
  } catch {
    // no earlier report, or not one of ours: only the fixed names
  }
  return [...REPORT_FILES, ...figures];
}

/** Write a report into `dir`, replacing the earlier report there as a whole (its stale files removed). */
export function writeReport(dir: string, files: ReadonlyArray<readonly [string, string]>): void {
  writeAll(dir, files, existsSync(dir) ? earlierReportFiles(dir) : []);
}
