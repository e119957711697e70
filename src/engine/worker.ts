import { parentPort, workerData } from 'node:worker_threads';
import { mpfrLoaded } from '../numerics/mpfr.ts';
import { runProperty, type Budget } from './run-property.ts';
import { throttled } from './throttle.ts';
import { describeClaims, loadClaimsFiles } from './claims-files.ts';
import { replay } from '../cli/replay.ts';
import type { Report } from '../report/types.ts';
import type { UserClaim } from '../spec/user-claims.ts';
import type { AnyProperty } from './property.ts';

/**
 * A worker thread. It runs properties by id (built-in ones, the operator classification's cells,
 * and those of the claims files in workerData, loaded here so that their code runs on a thread the
 * main thread can terminate) and posts their results back; or describes the claims files; or
 * replays a report's counterexample; or runs the numerics survey.
 */
export type WorkerRequest =
  | { type: 'run'; id: string; budget: Budget }
  | { type: 'describe' }
  | { type: 'replay'; report: Report; claim: string }
  | { type: 'numerics'; runs: number; seed: number };

const claimsFiles: string[] = (workerData as { claimsFiles?: string[] } | null)?.claimsFiles ?? [];
let user: Promise<UserClaim[]> | undefined;
const userClaims = () =>
  (user ??= loadClaimsFiles(claimsFiles, (file) => parentPort!.postMessage({ loading: file })).then((claims) => {
    parentPort!.postMessage({ loading: null });
    return claims;
  }));

/** The built-in properties, loaded only by a thread that needs them (a claims file's thread starts faster). */
const builtins = async (): Promise<AnyProperty[]> => (await import('../../properties/index.ts')).builtinProperties;

async function propertyById(id: string): Promise<AnyProperty | undefined> {
  const own = claimsFiles.length ? (await userClaims()).flatMap((c) => c.properties).find((p) => p.id === id) : undefined;
  return own ?? (await builtins()).find((p) => p.id === id) ?? (await import('../skd/classify.ts')).classificationCell(id);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Answer a one-off request (describe, replay): its value, or its error and whether it is a usage error. */
async function answer(f: () => Promise<unknown>): Promise<void> {
  try {
    parentPort!.postMessage({ value: await f() });
  } catch (e) {
    parentPort!.postMessage({ error: message(e), usage: e instanceof Error && e.name === 'UsageError' });
  }
}

parentPort!.on('message', async (msg: WorkerRequest) => {
  await mpfrLoaded; // loaded before any certification, so verdicts and contexts never depend on timing
  if (msg.type === 'describe') return answer(async () => describeClaims(await userClaims()));
  if (msg.type === 'numerics') return answer(async () => (await import('../linalg/numerics-survey.ts')).numericsSurvey(msg.runs, msg.seed));
  if (msg.type === 'replay') return answer(async () => replay(msg.report, msg.claim, [...(await builtins()), ...(await userClaims()).flatMap((c) => c.properties)]));
  try {
    const prop = await propertyById(msg.id);
    if (!prop) {
      parentPort!.postMessage({ id: msg.id, error: `unknown property ${msg.id}` });
      return;
    }
    const progress = throttled((phase, done, total) => parentPort!.postMessage({ id: msg.id, progress: { phase, done, total } }));
    parentPort!.postMessage({ id: msg.id, result: runProperty(prop, msg.budget, progress) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: message(e) });
  }
});
