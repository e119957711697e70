import { Worker } from 'node:worker_threads';
import { loadClaimsFile, ClaimsFileError, type UserClaim } from '../spec/user-claims.ts';
import { workerEntry } from './parallel.ts';
import { oneLine } from '../cli/output.ts';
import type { WorkerRequest } from './worker.ts';
import type { ClaimSpec } from '../spec/catalogue.ts';
import type { Figure } from './property.ts';
import type { PropertyStub } from './run-property.ts';

/** A claims-file property as the main thread knows it: its identity and its figures, already rendered. */
export interface UserPropertyStub extends PropertyStub {
  figures: Figure[];
}

/** What the claims files define, as plain data (it crosses from the worker that loaded them). */
export interface ClaimsFilesDescription {
  specs: ClaimSpec[];
  properties: Array<PropertyStub & { figures: Array<{ file: string; caption: string; svg: string }> }>;
}

/** Load the claims files (in this thread), refusing a claim defined twice. */
export async function loadClaimsFiles(files: readonly string[], onFile?: (file: string) => void): Promise<UserClaim[]> {
  const all: UserClaim[] = [];
  for (const f of files) {
    onFile?.(f);
    all.push(...(await loadClaimsFile(f)));
  }
  const ids = all.map((c) => c.spec.id);
  const dup = ids.find((id, k) => ids.indexOf(id) !== k);
  if (dup) throw new ClaimsFileError(`claim ${dup} is defined twice in the claims files`);
  return all;
}

export function describeClaims(claims: readonly UserClaim[]): ClaimsFilesDescription {
  return {
    specs: claims.map((c) => c.spec),
    properties: claims.flatMap((c) => c.properties.map((p) => ({ id: p.id, claim: p.claim, title: p.title, relation: p.relation, seedKey: p.seedKey, headline: p.headline, checks: p.checks, figures: (p.figures ?? []).map((f) => ({ file: f.file, caption: f.caption, svg: f.render() })) }))),
  };
}

/** The stubs of a description, with figures that render to what the claims file rendered. */
export const userStubs = (d: ClaimsFilesDescription): UserPropertyStub[] =>
  d.properties.map((p) => ({ ...p, figures: p.figures.map((f) => ({ file: f.file, caption: f.caption, render: () => f.svg })) }));

/** The run was interrupted (a signal, or the time limit while loading) before it started: nothing to report. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

/**
 * Send one request to a worker thread (that loads the claims files, if any), and wait for its
 * answer. The files' code runs there: a file that calls process.exit, or throws, is a one-line
 * ClaimsFileError (exit status 2), as is any failure unless `failed` makes another error of it;
 * an abort (a signal, a deadline) terminates the thread.
 */
export function askWorker<T>(files: readonly string[], request: WorkerRequest, what: string, signal?: AbortSignal, failed: (message: string) => Error = (m) => new ClaimsFileError(m)): Promise<T> {
  return new Promise((resolve, reject) => {
    const entry = workerEntry();
    const worker = new Worker(entry.url, { execArgv: entry.execArgv, workerData: { claimsFiles: files } });
    let loading: string | null = files[0] ?? null;
    let failure: Error | undefined;
    let outcome: (() => void) | undefined;
    const onAbort = () => {
      outcome ??= () => reject(new InterruptedError(`interrupted (${String(signal!.reason)}) while ${loading === null ? what : 'loading the claims files'}: no report written`));
      void worker.terminate();
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: { loading?: string | null; value?: T; error?: string; usage?: boolean }) => {
      if (m.loading !== undefined) return void (loading = m.loading);
      outcome ??= m.error === undefined ? () => resolve(m.value!) : () => reject(m.usage ? new ClaimsFileError(m.error!) : failed(`${what} failed: ${oneLine(m.error!)}`));
      void worker.terminate();
    });
    worker.on('error', (e) => void (failure = e));
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', onAbort);
      const how = failure ? `failed (${oneLine(failure.message)})` : `ended the process (exit code ${code})`;
      outcome ??= () => reject(loading === null ? failed(`the thread ${how} during ${what}`) : new ClaimsFileError(`--claims-file ${loading} ${how} while loading: a claims file must only define claims`));
      outcome();
    });
    worker.postMessage(request);
  });
}

/** Load the claims files on a worker thread and describe what they define (see askWorker). */
export const describeClaimsFiles = (files: readonly string[], signal?: AbortSignal): Promise<ClaimsFilesDescription> =>
  files.length === 0 ? Promise.resolve({ specs: [], properties: [] }) : askWorker(files, { type: 'describe' }, 'describing the claims', signal);
