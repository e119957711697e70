import type { Report } from './types.ts';
import type { PropertyResult } from '../engine/run-property.ts';
import { breakdownMarkdown } from './breakdown-table.ts';
import { numericsMarkdown } from './numerics-section.ts';
import { classificationMarkdown } from './classification-section.ts';

const PROVENANCE: Record<string, string> = {
  recovered: 'recovered from the paper (stored pages)',
  'seed-text': "stated in the seed copy of the paper's appendix",
  reconstructed: "reconstructed by derivation: not the paper's own statement",
  user: 'defined by the user in a claims file',
};

const short = (s: string | null | undefined, n = 14) => {
  if (s === null || s === undefined) return '—';
  if (!/e|\./.test(s) || s.length <= n + 6) return s;
  const x = Number(s);
  return Number.isFinite(x) ? x.toPrecision(6) : s;
};

const code = (x: unknown) => '`' + JSON.stringify(x).slice(0, 400) + (JSON.stringify(x).length > 400 ? '…' : '') + '`';

/** A readable verification report. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push('# kd-verify verification report', '');
  out.push(`kd-verify ${r.tool.version} · seed ${r.config.seed} · ${r.config.runs} instances per property · working precision ${r.config.digits} digits (up to ${r.config.maxDigits}) · ${r.complete ? 'complete' : r.config.shard ? `**shard ${r.config.shard.index} of ${r.config.shard.count}** (incomplete: merge the shards)` : '**incomplete: cut short by the time limit**'} · ${(r.timing.durationMs / 1000).toFixed(1)} s`, '');
  const s = r.summary;
  out.push(`**Summary:** ${s.holds} holds · ${s.tight} tight · ${s.violated} violated · ${s.undecided} undecided · ${s.error} error`, '');
  out.push('| claim | status | provenance | instances | min margin | controls refuted |', '|---|---|---|---|---|---|');
  for (const c of r.claims) {
    const refuted = c.controls.filter((k) => k.refuted).length;
    out.push(`| ${c.id} | **${c.status}** | ${c.provenance} | ${c.instances} | ${short(c.minMargin)} | ${refuted}/${c.controls.length} |`);
  }
  out.push('', 'Statuses: *holds* — every instance certified with margin ≥ 0, some > 0; *tight* — the bound is attained (margin zero to the working precision) on some instance, never violated; *violated* — a certified counterexample; *undecided* — an enclosure still straddles 0 at the maximum precision.', '');
  for (const c of r.claims) {
    out.push(`## ${c.id}: ${c.title}`, '');
    out.push(`*Source:* ${c.source}. *Provenance:* ${PROVENANCE[c.provenance]}. ${c.provenanceNote}`, '');
    out.push(`*Statement:* ${c.statement}`, '');
    if (c.hypotheses.length) out.push('*Hypotheses:*', ...c.hypotheses.map((h) => `- ${h}`), '');
    if (c.flags.length) out.push('*Flags in the catalogue:*', ...c.flags.map((f) => `- ${f}`), '');
    out.push(`**Verdict: ${c.status}** on ${c.instances} instances. Smallest margin: ${c.minMargin ?? '—'}.`, '');
    out.push('| property | status | instances | discarded | holds / attained / undecided | screened in doubles | max digits | min margin | time |', '|---|---|---|---|---|---|---|---|---|');
    for (const p of c.properties) {
      const v = p.verdicts;
      out.push(`| ${p.id} | ${p.status} | ${p.instances} | ${p.discarded} | ${v.holds} / ${v.attained} / ${v.undecided} | ${p.screened} | ${p.maxDigitsUsed} | ${short(p.minMargin)} | ${(p.durationMs / 1000).toFixed(1)} s |`);
    }
    out.push('');
    for (const p of c.properties) {
      out.push(`- **${p.id}** — ${p.title}.`);
      out.push(`  Hypotheses established: ${p.hypotheses.map((h) => `${h.name} (${h.established}${h.failed ? `; failed on ${h.failed} discarded instances` : ''})`).join('; ') || 'none needed'}.`);
      if (p.slack) {
        const f = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : '—');
        out.push(`  Relative slack margin/max(|lhs|,|rhs|) over ${p.slack.count} instances: min ${f(p.slack.min)}, 10% ${f(p.slack.p10)}, median ${f(p.slack.median)}, 90% ${f(p.slack.p90)}, max ${f(p.slack.max)}${p.slack.infinite ? `; ${p.slack.infinite} with an infinite side` : ''}.`);
      }
      if (p.search) out.push(`  ${searchLine(p.search)}`);
      const cov = Object.entries(p.coverage).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
      if (cov) out.push(`  Coverage: ${cov}.`);
      if (p.error) out.push(`  **Error:** ${p.error}`);
      for (const w of p.warnings) out.push(`  ⚠ Health: ${w}.`);
      if (p.cutShort) out.push(`  **Cut short by the time limit** after ${p.instances} instances: undecided, not verified.`);
      if (p.undecidedExample) out.push(`  Undecided at ${p.undecidedExample.digits} digits: ${code(p.undecidedExample.instance)}, margin ∈ [${p.undecidedExample.margin.lo}, ${p.undecidedExample.margin.hi}]`);
    }
    out.push('');
    if (c.tightest) {
      out.push(`**Tightest instance** (${c.tightest.property}, ${c.tightest.context} at ${c.tightest.digits} digits): ${code(c.tightest.instance)}`);
      out.push(`lhs ∈ [${c.tightest.lhs.lo}, ${c.tightest.lhs.hi}], rhs ∈ [${c.tightest.rhs.lo}, ${c.tightest.rhs.hi}], margin ∈ [${c.tightest.margin.lo}, ${c.tightest.margin.hi}]`, '');
    }
    if (c.counterexample) {
      const x = c.counterexample;
      out.push(`**Counterexample** (${x.property}, seed ${x.seed}, path ${x.path}): ${code(x.instance)}`);
      out.push(`lhs ∈ [${x.lhs.lo}, ${x.lhs.hi}], rhs ∈ [${x.rhs.lo}, ${x.rhs.hi}], margin ∈ [${x.margin.lo}, ${x.margin.hi}]. Replay: \`${x.replay}\``, '');
    }
    for (const p of c.properties) if (p.breakdown) out.push(...breakdownMarkdown(p.id, p.breakdown));
    for (const f of r.figures.filter((x) => x.claim === c.id)) out.push(`![${f.caption}](${f.file})`, '', `*${f.caption}*`, '');
    out.push('**Negative controls** (planted wrong variants; each must be refuted by the same generator):', '');
    out.push('| control | refuted | instances drawn | witness margin |', '|---|---|---|---|');
    for (const k of c.controls) out.push(`| ${k.id} — ${k.description} | ${k.refuted ? 'yes' : '**NO**'} | ${k.instances} | ${k.witness ? `[${short(k.witness.margin.lo)}, ${short(k.witness.margin.hi)}]` : '—'} |`);
    out.push('');
    const probes = c.properties.flatMap((p) => p.probes);
    if (probes.length) {
      out.push('**Probes** (variants testing a suspected looseness or gap; either outcome is a finding):', '');
      out.push('| probe | refuted | instances drawn | witness margin |', '|---|---|---|---|');
      for (const k of probes) out.push(`| ${k.id} — ${k.description} | ${k.refuted ? 'yes: the variant fails' : 'no: the variant held on every instance'} | ${k.instances} | ${k.witness ? `[${short(k.witness.margin.lo)}, ${short(k.witness.margin.hi)}]` : '—'} |`);
      out.push('');
    }
  }
  if (r.classification) out.push(...classificationMarkdown(r.classification));
  if (r.numerics) out.push(...numericsMarkdown(r.numerics));
  return out.join('\n');
}

/** One line on the targeted search: what it tried and how much tighter it got than sampling. */
export function searchLine(s: NonNullable<PropertyResult['search']>): string {
  const f = (x: number | null) => (x === null ? '−∞' : x.toPrecision(3));
  const v = s.verdicts;
  const found = s.best ? ` Found: ${code(s.best.instance)}, margin ∈ [${s.best.margin.lo}, ${s.best.margin.hi}].` : '';
  return `Targeted search: ${s.evaluations} instances climbed from the ${s.starts} tightest sampled (${s.accepted} moves kept, ${s.discarded} discarded; ${v.holds} hold, ${v.attained} attain, ${v.violated} violate, ${v.undecided} undecided)${s.interrupted ? ', cut short by the time limit' : ''}; smallest relative slack sampled ${f(s.sampledSlack)}, after search ${f(s.foundSlack)}.${found}`;
}
