import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schemaPath = fileURLToPath(new URL('./report.schema.json', import.meta.url));
const implSchemaPath = fileURLToPath(new URL('./impl/check-impl.schema.json', import.meta.url));

function problems(schema: string, data: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schema, 'utf8')));
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/** Validate a parsed report.json against the schema; returns the list of problems (empty when valid). */
export const reportProblems = (report: unknown): string[] => problems(schemaPath, report);

/** The same for a check-impl report.json. */
export const implReportProblems = (report: unknown): string[] => problems(implSchemaPath, report);
