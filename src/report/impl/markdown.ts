import type { ImplReport } from '../../impl/run.ts';
import type { FunctionResult } from '../../impl/check.ts';

const code = (x: unknown) => {
  const s = JSON.stringify(x);
  return '`' + (s.length > 500 ? s.slice(0, 500) + '…' : s) + '`';
};
const sig = (x: number | null | undefined, p = 3) => (x === null || x === undefined ? '—' : Number.isFinite(x) ? x.toPrecision(p) : String(x));
const share = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '—');
const cell = (s: string) => s.replace(/\|/g, '\\|');
const total = (r: FunctionResult) => Object.values(r.disagreements).reduce((a, b) => a + b, 0);

/** The check-impl report for a reader: a summary table, then one section per function. */
export function renderImplMarkdown(r: ImplReport): string {
  const out: string[] = [];
  const src = r.config.module ? `module \`${r.config.module}\`` : `command \`${r.config.cmd}\``;
  out.push(`# check-impl: ${r.implementation.name}`, '', `Implementation: ${src}. ${r.config.runs} generated inputs per function, seed ${r.config.seed}, per-request timeout ${r.config.timeoutMs} ms, judged in ${r.config.precision} with ${r.config.validation} validation. kd-verify ${r.tool.version}, ${r.timing.startedAt}, ${(r.timing.durationMs / 1000).toFixed(1)} s.`, '');
  out.push(`**${r.summary.pass} pass, ${r.summary.fail} fail, ${r.summary.adapterFailure} adapter failures, ${r.summary.skipped} skipped.**`, '');
  out.push('| function | status | requests | disagreements | worst error / tolerance | worst ulps | worst relative error |', '|---|---|---|---|---|---|---|');
  for (const f of r.functions) out.push(`| ${f.fn} | **${f.status}** | ${f.requests} | ${f.status === 'skipped' ? '—' : total(f)} | ${sig(f.worst?.ratio)} | ${sig(f.worst?.ulps)} | ${sig(f.worst?.relError)} |`);
  out.push('', 'Errors are measured against the reference at 60 digits on the exact input doubles. The tolerance of each function follows its conditioning (below): an implementation is not blamed for what the problem\'s conditioning forces, and is blamed for losing accuracy a careful implementation keeps.', '');
  if (r.implementation.unknown.length) out.push(`Functions listed by the implementation but not in the protocol (ignored): ${r.implementation.unknown.join(', ')}.`, '');
  for (const f of r.functions) {
    out.push(`## ${f.fn}: ${f.status}`, '');
    if (f.skipped) {
      out.push(`Skipped: ${f.skipped}.`, '');
      continue;
    }
    out.push(`*Tolerance:* ${f.tolerance}.`, '', `*Special values and invalid input:* ${f.specials}.`, '');
    const d = f.disagreements;
    out.push(`${f.requests} requests, ${f.agreements} agree (${f.rejectedInvalid} of them invalid inputs rejected with an error). Disagreements: ${d.inaccurate} beyond tolerance, ${d.special} special values (NaN, ±∞), ${d['invalid-accepted']} invalid inputs answered with a finite value, ${d['error-on-valid']} errors on valid input, ${d.shape} wrong shapes, ${d['singular-unsignalled']} unsignalled singular inputs.${r.config.validation === 'lenient' && f.invalidFinite ? ` ${f.invalidFinite} invalid inputs answered with a finite value (not judged: --validation lenient).` : ''}`, '');
    if (f.worst) out.push(`Worst error: ${sig(f.worst.absError)} absolute, ${sig(f.worst.relError)} relative, ${sig(f.worst.ulps)} ulps, ${sig(f.worst.ratio)} × the tolerance ${sig(f.worst.tol)} (class ${f.worst.label}), on ${code(f.worst.args)}.`, '');
    const classes = Object.entries(f.classes).map(([k, v]) => `${k} ${v.requests} (${share(v.requests, f.requests)})${v.disagreements ? `, ${v.disagreements} disagree` : ''}`).join('; ');
    if (classes) out.push(`Input classes (requests, share of the function's requests): ${classes}.`, '');
    if (f.failure) out.push(`**Adapter failure (${f.failure.kind}):** ${f.failure.detail}, on ${code(f.failure.args)} (class ${f.failure.label}). Testing of this function stopped there; the run went on with the others.`, '');
    if (f.groups.length) {
      out.push(`**${f.groups.length + f.unshrunkGroups.length} distinct disagreement${f.groups.length + f.unshrunkGroups.length > 1 ? 's' : ''}** (by kind, input class and form of the answer), each with its shrunk witness:`, '');
      out.push('| # | kind | input class | answer | count | witness |', '|---|---|---|---|---|---|');
      f.groups.forEach((g, i) => out.push(`| ${i + 1} | ${g.verdict} | ${g.inputClass} | ${cell(g.form)} | ${g.count} | ${g.witness ? `${cell(code(g.witness.args))} → ${cell(code(g.witness.got))}` : 'no longer disagreed when replayed'} |`));
      out.push('');
      f.groups.forEach((g, i) => {
        if (g.witness) out.push(`${i + 1}. (shrunk in ${g.witness.shrinkSteps} steps) ${code(g.witness.args)}: expected ${g.witness.expected}; got ${code(g.witness.got)}: ${g.witness.judgement.detail}`);
      });
      out.push('');
      if (f.unshrunkGroups.length) out.push(`Further groups, not shrunk: ${f.unshrunkGroups.map((g) => `${g.verdict} / ${g.inputClass} / ${g.form}: ${g.count}`).join('; ')}.`, '');
    }
  }
  if (r.stderr.trim()) out.push('## stderr of the implementation', '', '```', r.stderr.trim().slice(-4000), '```', '');
  return out.join('\n');
}
