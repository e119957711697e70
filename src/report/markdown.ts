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

/** A room-used enclosure at 4 significant digits (the full enclosure stays in report.json). */
export const roomText = (room: { lo: string; hi: string } | null | undefined): string => {
  if (!room) return '—';
  const lo = Number(room.lo), hi = Number(room.hi);
  const a = lo.toPrecision(4), b = hi.toPrecision(4);
  return a === b ? a : `[${a}, ${b}]`;
};

const code = (x: unknown) => '`' + JSON.stringify(x).slice(0, 400) + (JSON.stringify(x).length > 400 ? '…' : '') + '`';

/** A readable verification report. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push('# kd-verify verification report', '');
  out.push(`kd-verify ${r.tool.version} · seed ${r.config.seed} · ${r.config.runs} instances per property · working precision ${r.config.digits} digits (up to ${r.config.maxDigits}) · ${r.complete ? 'complete' : r.config.shard ? `**shard ${r.config.shard.index} of ${r.config.shard.count}** (incomplete: merge the shards)` : '**incomplete: cut short by the time limit or a signal**'} · ${(r.timing.durationMs / 1000).toFixed(1)} s`, '');
  const s = r.summary;
  out.push(`**Summary:** ${s.holds} holds · ${s.sharp} sharp · ${s.violated} violated · ${s.undecided} undecided · ${s.error} error`, '');
  out.push('| claim | status | provenance | instances (informative / degenerate / vacuous) | best room used (headline) | controls refuted |', '|---|---|---|---|---|---|');
  for (const c of r.claims) {
    const refuted = c.controls.filter((k) => k.refuted).length;
    out.push(`| ${c.id} | **${c.status}** | ${c.provenance} | ${c.instances} (${c.classes.informative} / ${c.classes.degenerate} / ${c.classes.vacuous}) | ${roomText(c.room?.best?.room)} | ${refuted}/${c.controls.length} |`);
  }
  out.push('', 'Statuses (of the headline property, unless another property is violated, undecided or in error): *holds* — every instance satisfies the relation, and some informative instance shows it; *sharp* — and on an informative instance the bound uses its whole room (room used = 1 to the working precision); *violated* — a certified counterexample; *undecided* — an enclosure still straddles 0 at the maximum precision, the run was cut short, or no instance was informative. Room used = (lhs − base)/(rhs − base) on informative instances: how much of what the bound allows beyond its base the quantity takes. Degenerate instances (an identity for a structural reason, such as K_n = 0) and vacuous ones (an infinite side, a bound no better than the trivial one) are counted but never show a bound sharp.', '');
  for (const c of r.claims) {
    out.push(`## ${c.id}: ${c.title}`, '');
    out.push(`*Source:* ${c.source}. *Provenance:* ${PROVENANCE[c.provenance]}. ${c.provenanceNote}`, '');
    out.push(`*Statement:* ${c.statement}`, '');
    if (c.hypotheses.length) out.push('*Hypotheses:*', ...c.hypotheses.map((h) => `- ${h}`), '');
    if (c.flags.length) out.push('*Flags in the catalogue:*', ...c.flags.map((f) => `- ${f}`), '');
    out.push(`**Verdict: ${c.status}** (headline property ${c.headline ?? '—'}) on ${c.instances} instances: ${c.classes.informative} informative, ${c.classes.degenerate} degenerate, ${c.classes.vacuous} vacuous.`, '');
    out.push('| property | relation | status | instances (inf. / deg. / vac.) | discarded | holds / attained / undecided | best room used | screened in doubles | max digits | time |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const p of c.properties) {
      const v = p.verdicts, k = p.classes;
      out.push(`| ${p.id}${p.headline || p.id === c.headline ? ' (headline)' : ''} | ${p.relation} | ${p.status} | ${p.instances} (${k.informative} / ${k.degenerate} / ${k.vacuous}) | ${p.discarded} | ${v.holds} / ${v.attained} / ${v.undecided} | ${p.room ? roomText(p.room.best?.room) : 'identity'} | ${p.screened} | ${p.maxDigitsUsed} | ${(p.durationMs / 1000).toFixed(1)} s |`);
    }
    out.push('');
    for (const p of c.properties) {
      out.push(`- **${p.id}** — ${p.title}.`);
      if (p.checks) out.push(`  *Checked form:* ${p.checks}`);
      if (p.statusReason) out.push(`  *Status:* ${p.status}: ${p.statusReason}.`);
      out.push(`  Hypotheses established: ${p.hypotheses.map((h) => `${h.name} (${h.established}${h.failed ? `; failed on ${h.failed} discarded instances` : ''})`).join('; ') || 'none needed'}.`);
      const reasons = Object.entries(p.classReasons).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${n})`).join('; ');
      if (reasons) out.push(`  Not informative: ${reasons}.`);
      if (p.room) {
        const q = p.room.quantiles, f = (x: number) => x.toPrecision(4);
        out.push(`  Room used over ${p.room.count} informative instances${q ? `: 10% ${f(q.p10)}, median ${f(q.median)}, 90% ${f(q.p90)}, largest ${f(q.max)}` : ''}${p.room.best ? `; best, certified at ${p.room.best.instance.digits} digits (${p.room.best.found}): ${roomText(p.room.best.room)} on ${code(p.room.best.instance.instance)}` : ''}${p.room.sharp ? ' — **sharp**' : ''}.`);
      }
      if (p.slack) {
        const f = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : '—');
        out.push(`  Relative slack margin/magnitude over ${p.slack.count} informative instances: min ${f(p.slack.min)}, 10% ${f(p.slack.p10)}, median ${f(p.slack.median)}, 90% ${f(p.slack.p90)}, max ${f(p.slack.max)}${p.slack.infinite ? `; ${p.slack.infinite} with an infinite side` : ''}.`);
      }
      if (p.search) out.push(`  ${searchLine(p.search)}`);
      const cov = Object.entries(p.coverage).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
      if (cov) out.push(`  Coverage: ${cov}.`);
      if (p.error) out.push(`  **Error:** ${p.error}`);
      for (const w of p.warnings) out.push(`  ⚠ Health: ${w}.`);
      if (p.cutShort) out.push(`  **Not verified**: ${p.statusReason ?? 'cut short'}, after ${p.instances} instances (undecided).`);
      if (p.undecidedExample) out.push(`  Undecided at ${p.undecidedExample.digits} digits: ${code(p.undecidedExample.instance)}, margin ∈ [${p.undecidedExample.margin.lo}, ${p.undecidedExample.margin.hi}]`);
    }
    out.push('');
    if (c.tightest) {
      out.push(`**Tightest informative instance** (${c.tightest.property}, ${c.tightest.context} at ${c.tightest.digits} digits): ${code(c.tightest.instance)}`);
      out.push(`lhs ∈ [${c.tightest.lhs.lo}, ${c.tightest.lhs.hi}], rhs ∈ [${c.tightest.rhs.lo}, ${c.tightest.rhs.hi}], margin ∈ [${c.tightest.margin.lo}, ${c.tightest.margin.hi}]${c.tightest.room ? `, room used ∈ [${c.tightest.room.lo}, ${c.tightest.room.hi}]` : ''}`, '');
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
    for (const k of c.controls) out.push(`| ${k.id} — ${k.description} | ${k.refuted ? 'yes' : k.degenerateRefutations ? `**NO** (violated only on ${k.degenerateRefutations} degenerate instances)` : '**NO**'} | ${k.instances} | ${k.witness ? `[${short(k.witness.margin.lo)}, ${short(k.witness.margin.hi)}]` : '—'} |`);
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
  const found = s.best ? ` Found: ${code(s.best.instance)}, room used ${roomText(s.best.room)}.` : '';
  return `Targeted search: ${s.evaluations} instances climbed from the ${s.starts} sampled instances using the most room (${s.accepted} moves kept, ${s.discarded} discarded; ${v.holds} hold, ${v.attained} attain, ${v.violated} violate, ${v.undecided} undecided; ${s.classes.informative} informative)${s.interrupted ? ', cut short by the time limit' : ''}; unused room 1 − room used: sampled ${f(s.sampledGap)}, after search ${f(s.foundGap)}.${found}`;
}
