import { readFileSync } from 'node:fs';
import { precisionPolicy } from '../numerics/certify.ts';
import { checkInstance } from '../engine/run-property.ts';
import type { AnyProperty } from '../engine/property.ts';
import { fromJson, type Json } from '../engine/serialize.ts';
import { reportProblems } from '../report/validate.ts';
import type { Report } from '../report/types.ts';
import { oneLine, UsageError } from './output.ts';
import { isTruncated } from '../engine/report-json.ts';

export interface ReplayResult {
  property: string;
  instance: Json;
  verdict: string;
  lhs: { lo: string; hi: string };
  rhs: { lo: string; hi: string };
  margin: { lo: string; hi: string };
  digits: number;
  /** the report's verdict is reproduced: the instance is certified violated again */
  reproduced: boolean;
}

/** Read and check a report file; every problem is a one-line usage error. */
export function readReport(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--report ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`--report ${file} is not JSON`);
  }
  const problems = reportProblems(data);
  if (problems.length) throw new UsageError(`--report ${file} is not a kd-verify report: ${problems[0]}`);
  return data as Report;
}

/**
 * Re-run a report's counterexample exactly: the stored instance (serialised bit for bit) through
 * the same property at the report's working precision.
 */
export function replay(report: Report, claim: string, properties: readonly AnyProperty[]): ReplayResult {
  const c = report.claims.find((x) => x.id === claim);
  if (!c) throw new UsageError(`claim ${claim} is not in the report (it has ${report.claims.map((x) => x.id).join(', ') || 'no claims'})`);
  if (!c.counterexample) throw new UsageError(`claim ${claim} has no counterexample in the report (status ${c.status})`);
  const prop = properties.find((p) => p.id === c.counterexample!.property);
  if (!prop) throw new UsageError(`property ${c.counterexample.property} is not defined here (a claims file missing? pass it with --claims-file)`);
  const stored = c.counterexample.instance;
  if (isTruncated(stored)) throw new UsageError(`the counterexample of ${claim} was too large to store whole (the report keeps a hash and its first elements): re-run ${prop.id} with --seed ${report.config.seed} to reproduce it (property seed ${c.counterexample.seed}, path ${c.counterexample.path})`);
  const digits = report.config.digits;
  const policy = { ...precisionPolicy(digits), noScreen: true, startDigits: digits };
  let cert;
  try {
    ({ cert } = checkInstance(prop, fromJson(stored), prop.maxDigits ? { ...policy, maxDigits: Math.max(policy.maxDigits, prop.maxDigits) } : policy));
  } catch (e) {
    throw new UsageError(`the stored counterexample of ${claim} cannot be evaluated by ${prop.id} (a malformed or edited instance?): ${oneLine(e instanceof Error ? e.message : String(e))}`);
  }
  if (!cert) throw new UsageError(`the instance no longer establishes the hypotheses of ${prop.id}`);
  return { property: prop.id, instance: c.counterexample.instance, verdict: cert.verdict, lhs: cert.lhs, rhs: cert.rhs, margin: cert.margin, digits: cert.digits, reproduced: cert.verdict === 'violated' };
}
