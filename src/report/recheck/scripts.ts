import { readFileSync } from 'node:fs';
import type { AnyProperty, NegativeControl } from '../../engine/property.ts';
import type { InstanceRecord, PropertyResult } from '../../engine/run-property.ts';
import { fromJson, type Json } from '../../engine/serialize.ts';
import type { Relation } from '../../numerics/certify.ts';
import type { RecheckScript, Report } from '../types.ts';
import { pythonFormula } from './formulas.ts';

/**
 * The standalone re-check scripts of a report: for each planned script (report.scripts), the
 * template files of its property's Python formula concatenated with the instance's data, so each
 * script runs alone (Python 3 and mpmath, no kd-verify code).
 */

const template = (name: string) => readFileSync(new URL(`./py/${name}`, import.meta.url), 'utf8');

/** The Python source of the formulas in `templates` with the common head and the re-check runner. */
export const pythonSource = (templates: readonly string[]): string => [template('_head.py'), ...[...new Set(templates)].map(template), template('_run.py')].join('\n');

/** What a script needs about its instance (DATA in the script). */
export interface ScriptData {
  id: string;
  claim: string;
  property: string;
  variant: string | null;
  subject: string;
  /** the property or probe id whose formula computes the sides */
  formula: string;
  relation: Relation;
  instance: Json;
  params: Record<string, Json>;
  kdverify: { verdict: string; lhs: unknown; rhs: unknown; margin: unknown; room: unknown; digits: number };
}

/** The data of one instance of a property (or of its probe `variant`), with the parameters kd-verify resolves for it. */
export function scriptData(prop: AnyProperty, variantId: string | null, record: InstanceRecord, meta: { id: string; claim: string; subject: string; verdict: string }): ScriptData {
  const formulaId = variantId ?? prop.id;
  const formula = pythonFormula(formulaId);
  if (!formula) throw new Error(`no Python formula for ${formulaId}`);
  const variant: NegativeControl<unknown, unknown> | undefined = variantId ? (prop.probes ?? []).find((k) => k.id === variantId) : undefined;
  const instance = fromJson(record.instance);
  const derived = formula.params ? (variant?.establish ?? prop.establish)?.(instance).derived : undefined;
  const { verdict, ...about } = meta;
  return {
    ...about,
    property: prop.id,
    variant: variantId,
    formula: formulaId,
    relation: variant?.relation ?? prop.relation,
    instance: record.instance,
    params: formula.params ? formula.params(instance as never, derived as never) : {},
    kdverify: { verdict, lhs: record.lhs, rhs: record.rhs, margin: record.margin, room: record.room, digits: record.digits },
  };
}

/** A Python string literal holding `text` (a raw triple-quoted string when it can be one). */
const pyString = (text: string) => (text.includes('"""') || text.endsWith('\\') ? JSON.stringify(text) : `r"""${text}"""`);

/** `DATA = …` as a Python statement. */
export const pythonData = (name: string, data: unknown) => `${name} = json.loads(${pyString(JSON.stringify(data, null, 1))})`;

/** The instance record a planned script re-checks. */
export function subjectRecord(p: PropertyResult, s: RecheckScript): InstanceRecord | null {
  if (s.subject === 'counterexample') return p.counterexample;
  if (s.subject === 'probe witness') return p.probes.find((k) => k.id === s.variant)?.witness ?? null;
  return p.room?.best?.instance ?? null;
}

function scriptText(report: Report, s: RecheckScript, prop: AnyProperty, record: InstanceRecord): string {
  const data = scriptData(prop, s.variant, record, { id: s.file!.replace(/^findings\/|\.py$/g, ''), claim: s.claim, subject: s.subject, verdict: s.verdict });
  const finding = report.findings.find((f) => f.script === s.file);
  const doc = [
    `kd-verify re-check: ${s.subject} of ${s.property}${s.variant ? ` (probe ${s.variant})` : ''}, claim ${s.claim}.`,
    ...(finding ? ['', finding.sentence] : []),
    '',
    `Run: python3 ${s.file}   (Python 3 with mpmath: pip install mpmath; add --json for one JSON line)`,
    '',
    'It rebuilds the instance from its exact doubles, recomputes both sides with mpmath at 50 significant',
    'digits (more while the margin is too small to show its sign), prints the margin and room used, and',
    "exits 0 when its verdict agrees with kd-verify's (1 when it does not, 2 without mpmath). The formulas",
    "below are written from the claim's statement and share no code with kd-verify; parameters kd-verify",
    'resolved for the instance (a λ rounded to a double, a certified proxy) are given in DATA["params"] and',
    'their hypotheses re-checked where the formula says so.',
  ].join('\n');
  return [
    '#!/usr/bin/env python3',
    `"""${doc.replace(/\\/g, '\\\\').replace(/"""/g, '\\"""')}\n"""`,
    pythonSource(pythonFormula(data.formula)!.templates),
    pythonData('DATA', data),
    '',
    'if __name__ == "__main__":',
    '    sys.exit(main(DATA))',
    '',
  ].join('\n');
}

/**
 * The files findings/<id>.py of the report's planned scripts. A script that cannot be written here
 * (its property is not defined in this process, e.g. a claims file not loaded) is marked in the
 * report with a note, and its findings lose their script.
 */
export function recheckScripts(report: Report, properties: readonly AnyProperty[]): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  const results = new Map(report.claims.flatMap((c) => c.properties.map((p) => [p.id, p] as const)));
  for (const s of report.scripts) {
    if (!s.file) continue;
    const p = results.get(s.property);
    const prop = properties.find((x) => x.id === s.property);
    const record = p ? subjectRecord(p, s) : null;
    let text: string | null = null;
    let why = 'the property is not defined in this run';
    if (p && prop && record) {
      try {
        text = scriptText(report, s, prop, record);
      } catch (e) {
        why = `could not be generated: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if (text === null) {
      for (const f of report.findings) if (f.script === s.file) f.script = null;
      s.file = null;
      s.note = why;
      continue;
    }
    files.push([s.file, text]);
  }
  return files;
}
