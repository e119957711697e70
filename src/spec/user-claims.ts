import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { AnyProperty, PropertyDef } from '../engine/property.ts';
import type { Relation } from '../numerics/certify.ts';
import { exported, importUserModule } from '../user-module.ts';
import type { ClaimSpec } from './catalogue.ts';

/** A claim defined in a claims file: its catalogue entry and its properties. */
export interface UserClaim {
  spec: ClaimSpec;
  properties: AnyProperty[];
}

/** Build a user claim. Ids start with USER- (they never collide with the catalogue's). */
export function defineClaim(c: {
  id: string;
  title: string;
  statement: string;
  source?: string;
  hypotheses?: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  properties: PropertyDef<any, any>[];
}): UserClaim {
  return {
    spec: {
      id: c.id,
      title: c.title,
      kind: 'user claim',
      source: c.source ?? 'claims file',
      provenance: 'user',
      provenanceNote: 'Defined by the user in a claims file.',
      hypotheses: c.hypotheses ?? [],
      conclusion: c.statement,
      flags: [],
      checks: '',
    },
    properties: c.properties,
  };
}

export class ClaimsFileError extends Error {
  override name = 'UsageError';
}

// every relation the certifier knows (a new one must be added here too: the type check says so)
const RELATIONS = Object.keys({ le: true, ge: true, eq: true, lt: true } satisfies Record<Relation, true>);

/** Check one exported claim; the message names the claim and what is wrong. */
function problems(c: unknown, k: number): string | null {
  const where = `claim ${k + 1}`;
  if (typeof c !== 'object' || c === null || !('spec' in c) || !('properties' in c)) return `${where} is not a defineClaim(...) result`;
  const { spec, properties } = c as UserClaim;
  if (typeof spec?.id !== 'string' || !/^USER-[A-Z0-9-]+$/.test(spec.id)) return `${where}: id ${JSON.stringify(spec?.id)} must match USER-[A-Z0-9-]+`;
  if (typeof spec.title !== 'string' || spec.title === '') return `${spec.id}: a title is required`;
  if (!Array.isArray(properties) || properties.length === 0) return `${spec.id}: at least one property is required`;
  for (const p of properties) {
    if (typeof p !== 'object' || p === null) return `${spec.id}: a property is not an object`;
    if (p.claim !== spec.id) return `${spec.id}: property ${p.id} belongs to claim ${p.claim}`;
    if (typeof p.sides !== 'function') return `${spec.id}: property ${p.id} has no sides(F, instance) function`;
    if (!RELATIONS.includes(p.relation)) return `${spec.id}: property ${p.id} has relation ${JSON.stringify(p.relation)} (${RELATIONS.join(', ')})`;
    if (typeof (p.arbitrary as { generate?: unknown })?.generate !== 'function') return `${spec.id}: property ${p.id} has no fast-check arbitrary`;
    if (!Array.isArray(p.controls)) return `${spec.id}: property ${p.id} needs a controls array (it may be empty)`;
  }
  return null;
}

/**
 * Load and check a claims file exporting `claims` (.js, .mjs, .cjs, .ts, .mts or .cts, loaded
 * exactly as named), resolved against `base` (default: the working directory).
 */
export async function loadClaimsFile(file: string, base = process.cwd()): Promise<UserClaim[]> {
  const path = resolve(base, file);
  if (!existsSync(path)) throw new ClaimsFileError(`--claims-file ${file}: no such file`);
  let mod: Record<string, unknown>;
  try {
    mod = await importUserModule(path);
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new ClaimsFileError(`--claims-file ${file} could not be loaded: ${first}`);
  }
  const claims = exported(mod, 'claims') ?? mod.default;
  if (!Array.isArray(claims) || claims.length === 0) throw new ClaimsFileError(`--claims-file ${file} must export a non-empty array 'claims' of defineClaim(...) results`);
  return checkClaims(claims, `--claims-file ${file}`);
}

/** Check claims built with defineClaim (from a claims file, or passed to verify); `where` starts the error message. */
export function checkClaims(claims: readonly unknown[], where: string): UserClaim[] {
  for (const [k, c] of claims.entries()) {
    const p = problems(c, k);
    if (p) throw new ClaimsFileError(`${where}: ${p}`);
  }
  const ids = (claims as UserClaim[]).flatMap((c) => c.properties.map((p) => p.id));
  const dup = ids.find((id, k) => ids.indexOf(id) !== k);
  if (dup) throw new ClaimsFileError(`${where}: property id ${dup} appears twice`);
  return claims as UserClaim[];
}

/** Load several claims files (resolved against `base`); a claim id defined twice is an error. */
export async function loadClaimsFiles(files: readonly string[], base = process.cwd()): Promise<UserClaim[]> {
  const all: UserClaim[] = [];
  for (const f of files) all.push(...(await loadClaimsFile(f, base)));
  const ids = all.map((c) => c.spec.id);
  const dup = ids.find((id, k) => ids.indexOf(id) !== k);
  if (dup) throw new ClaimsFileError(`claim ${dup} is defined twice in the claims files`);
  return all;
}

/**
 * How a report records a claims file: relative to the report's directory (report and claims can
 * move together, and replay works from any directory), absolute when no report file is written.
 */
export function recordedClaimsFile(file: string, reportDir?: string): string {
  const path = resolve(file);
  return reportDir === undefined ? path : relative(resolve(reportDir), path).split(sep).join('/');
}

/**
 * The claims files a report recorded, as paths: relative ones against the report's directory
 * (reports written before paths were recorded so were relative to the working directory: that
 * is tried when the first does not exist).
 */
export function claimsFilesOfReport(recorded: readonly string[], reportFile: string): string[] {
  return recorded.map((f) => {
    if (isAbsolute(f)) return f;
    const beside = resolve(dirname(reportFile), f);
    return existsSync(beside) || !existsSync(resolve(f)) ? beside : resolve(f);
  });
}
