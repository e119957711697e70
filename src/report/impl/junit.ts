import type { ImplReport } from '../../impl/run.ts';
import { escapeXml as esc } from '../escape.ts';

/** JUnit XML: one test case per protocol function; a disagreement is a failure, an adapter failure an error. */
export function renderImplJunit(r: ImplReport): string {
  const cases = r.functions.map((f) => {
    const time = (f.durationMs / 1000).toFixed(3);
    const witnesses = f.groups.flatMap((g) => (g.witness ? [`${g.verdict} (${g.inputClass}, ${g.form}, ${g.count}×): input ${JSON.stringify(g.witness.args)}\nexpected ${g.witness.expected}\ngot ${JSON.stringify(g.witness.got)}\n${g.witness.judgement.detail}`] : []));
    const message = `${f.groups.length + f.unshrunkGroups.length} distinct disagreements: ${f.groups.map((g) => `${g.verdict} (${g.inputClass}, ${g.form})`).join('; ')}`;
    const body = f.status === 'skipped' ? `<skipped message="${esc(f.skipped ?? '')}"/>`
      : f.status === 'adapter-failure' ? `<error message="${esc(`${f.failure!.kind}: ${f.failure!.detail}`)}">${esc(JSON.stringify(f.failure!.args))}</error>`
      : f.status === 'fail' ? `<failure message="${esc(message)}">${esc(witnesses.join('\n\n'))}</failure>`
      : '';
    return `    <testcase classname="check-impl.${esc(r.implementation.name)}" name="${f.fn}" time="${time}">${body}</testcase>`;
  });
  const s = r.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kd-verify check-impl" tests="${r.functions.length}" failures="${s.fail}" errors="${s.adapterFailure}" skipped="${s.skipped}" time="${(r.timing.durationMs / 1000).toFixed(3)}">\n  <testsuite name="${esc(r.implementation.name)}" tests="${r.functions.length}" failures="${s.fail}" errors="${s.adapterFailure}" skipped="${s.skipped}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
