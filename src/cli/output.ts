import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A bad argument or unreadable input: one line on stderr, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Fail early (before any work) when `dir` cannot be created or written. Creates nothing. */
export function checkWritableDir(dir: string, option = '--out'): void {
  let probe = resolve(dir);
  if (existsSync(probe)) {
    if (!statSync(probe).isDirectory()) throw new UsageError(`${option} ${dir} is a file, not a directory`);
  } else {
    while (!existsSync(probe)) probe = dirname(probe);
    if (!statSync(probe).isDirectory()) throw new UsageError(`${option} ${dir} cannot be created: ${probe} is a file`);
  }
  try {
    accessSync(probe, constants.W_OK);
    // permission bits are not the whole story (read-only mounts, /proc): create and remove a probe
    rmdirSync(mkdtempSync(join(probe, '.kdverify-probe-')));
  } catch (e) {
    throw new UsageError(`${option} ${dir} is not writable (${probe}: ${e instanceof Error && 'code' in e ? (e as NodeJS.ErrnoException).code : 'no write permission'})`);
  }
}

/**
 * Write every file or none: each goes to a temporary name first and is renamed into place only
 * when all were written, so a failure leaves no partial report behind.
 */
export function writeAll(dir: string, files: ReadonlyArray<readonly [string, string]>): void {
  mkdirSync(dir, { recursive: true });
  const temps: string[] = [];
  try {
    for (const [name, content] of files) {
      // a name may lie in a subdirectory (findings/<id>.py): its temporary file goes beside it
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      const tmp = join(dir, dirname(name), `.${basename(name)}.${process.pid}.tmp`);
      writeFileSync(tmp, content);
      temps.push(tmp);
    }
    files.forEach(([name], i) => renameSync(temps[i], join(dir, name)));
  } catch (e) {
    for (const t of temps) if (existsSync(t)) unlinkSync(t);
    throw new UsageError(`cannot write the report into ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
