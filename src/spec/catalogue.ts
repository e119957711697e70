import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { packagePath } from '../package-root.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** The theory as data: the claim catalogues in spec/, validated against spec/claim.schema.json. */

/** Where a claim's statement comes from; 'user' for claims defined in a --claims-file. */
export type Provenance = 'recovered' | 'seed-text' | 'reconstructed' | 'user';

export interface ClaimSpec {
  id: string;
  title: string;
  kind: string;
  source: string;
  provenance: Provenance;
  provenanceNote: string;
  hypotheses: string[];
  conclusion: string;
  flags: string[];
  checks: string;
  readings?: Array<{ id: string; description: string }>;
}

export interface PaperSpec {
  paper: { id: string; arxiv: string; title: string; authors: string; venue?: string; availability: string };
  claims: ClaimSpec[];
}

export const SPEC_FILES = ['kd-generalization.json', 'sparse-kd.json'] as const;

const specDir = packagePath('spec') + sep;

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}


export function loadPaper(file: string): PaperSpec {
  const schema = JSON.parse(readFileSync(`${specDir}claim.schema.json`, 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CatalogueError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new CatalogueError(`${file}: ${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`);
  }
  return data as PaperSpec;
}

let cached: ClaimSpec[] | undefined;

/** Every claim of both papers, in catalogue order; ids are checked to be unique. */
export function loadCatalogue(): ClaimSpec[] {
  if (cached) return cached;
  const claims = SPEC_FILES.flatMap((f) => loadPaper(`${specDir}${f}`).claims);
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.id)) throw new CatalogueError(`claim id ${c.id} appears twice in spec/`);
    seen.add(c.id);
  }
  cached = claims;
  return claims;
}
