import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { precisionPolicy } from '../numerics/certify.ts';
import { runProperty, type PropertyResult } from '../engine/run-property.ts';
import type { AnyProperty } from '../engine/property.ts';
import { selectIds } from '../engine/select.ts';
import { loadCatalogue } from '../spec/catalogue.ts';
import { buildReport } from '../report/build.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { Report } from '../report/types.ts';

export interface VerifyOptions {
  claims: string[];
  runs: number;
  controlRuns: number;
  digits: number;
  seed: number;
  out: string;
  log?: (line: string) => void;
}

export const toolVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Run the selected claims' properties and write report.json and report.md into `out`. */
export function verify(properties: readonly AnyProperty[], o: VerifyOptions): Report {
  const startedAt = new Date();
  const t0 = performance.now();
  const specs = loadCatalogue();
  const encoded = specs.map((s) => s.id).filter((id) => properties.some((p) => p.claim === id));
  const chosen = selectIds(encoded, o.claims);
  const policy = precisionPolicy(o.digits);
  const results: PropertyResult[] = [];
  for (const id of chosen) {
    for (const p of properties.filter((q) => q.claim === id)) {
      const r = runProperty(p, { runs: o.runs, controlRuns: o.controlRuns, seed: o.seed, policy });
      results.push(r);
      const refuted = r.controls.filter((c) => c.refuted).length;
      o.log?.(`${r.status.padEnd(9)} ${r.id}  ${r.instances} instances, controls refuted ${refuted}/${r.controls.length}, ${(r.durationMs / 1000).toFixed(1)} s`);
    }
  }
  const report = buildReport({
    version: toolVersion(),
    config: { seed: o.seed, runs: o.runs, controlRuns: o.controlRuns, digits: o.digits, maxDigits: policy.maxDigits, claims: o.claims, shard: null },
    specs: specs.filter((s) => chosen.includes(s.id)),
    results,
    startedAt,
    durationMs: Math.round(performance.now() - t0),
  });
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(o.out, 'report.md'), renderMarkdown(report) + '\n');
  return report;
}
