import type { ClaimReport, Finding, Report } from './types.ts';
import type { ControlResult, InstanceRecord, PropertyResult } from '../engine/run-property.ts';
import { breakdownMarkdown } from './breakdown-table.ts';
import { numericsMarkdown } from './numerics-section.ts';
import { classificationMarkdown } from './classification-section.ts';
import { enclosureText, instanceText, roomCell, roomFraction, share, sig } from './format.ts';

export const PROVENANCE: Record<string, string> = {
  recovered: 'recovered from the paper (stored pages)',
  'seed-text': "stated in the seed copy of the paper's appendix",
  reconstructed: "reconstructed by derivation: not the paper's own statement",
  user: 'defined by the user in a claims file',
};

export const FINDING_LABEL: Record<Finding['kind'], string> = {
  violated: 'violated',
  error: 'error',
  undecided: 'undecided',
  'probe-refuted': 'probe refuted',
  'probe-held': 'probe held',
  loose: 'loose',
  sharp: 'sharp',
};

export const STATUS_LEGEND =
  'Statuses (of the headline property, unless another property is violated, undecided or in error): *holds* — every instance satisfies the relation, and some informative instance shows it; *sharp* — and on an informative instance the bound uses its whole room (room used = 1 to the working precision); *violated* — a certified counterexample; *undecided* — an enclosure still straddles 0 at the maximum precision, the run was cut short, or no instance was informative. Room used = (lhs − base)/(rhs − base) on informative instances: how much of what the bound allows beyond its base the quantity takes. Degenerate instances (an identity for a structural reason, such as K_n = 0) and vacuous ones (an infinite side, a bound no better than the trivial one) are counted but never show a bound sharp.';

/** A room-used fraction as a text bar of 10 cells. */
const textBar = (r: { value: number; above: boolean } | null) => (r === null ? '' : r.above ? ' (above 1: no share of the bound)' : ` ${'█'.repeat(Math.round(10 * r.value))}${'░'.repeat(10 - Math.round(10 * r.value))}`);

const code = (x: unknown, max = 400) => '`' + instanceText(x, max) + '`';

/** The summary line: claim statuses, findings, scripts. */
export function summaryLine(r: Report): string {
  const s = r.summary;
  const written = r.scripts.filter((x) => x.file).length;
  return `${s.holds} holds · ${s.sharp} sharp · ${s.violated} violated · ${s.undecided} undecided · ${s.error} error · ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} · ${written} re-check script${written === 1 ? '' : 's'} in findings/${written < r.scripts.length ? ` (${r.scripts.length - written} without a Python formula yet)` : ''}`;
}

/** One overview row's cells (shared by report.md and report.html). */
export function overviewCells(c: ClaimReport, findings: Finding[]) {
  const k = c.classes, n = k.informative + k.degenerate + k.vacuous;
  return {
    informative: `${k.informative}/${n}`,
    room: roomCell(c.room, c.properties.find((p) => p.id === c.headline)?.relation),
    roomFraction: roomFraction(c.room),
    degenerate: share(k.degenerate, n),
    vacuous: share(k.vacuous, n),
    controls: `${c.controls.filter((x) => x.refuted).length}/${c.controls.length}`,
    findings: findings.filter((f) => f.claim === c.id).length,
  };
}

function findingMarkdown(f: Finding, k: number): string[] {
  const out = [`${k}. **${FINDING_LABEL[f.kind]}** — ${f.sentence} ([${f.claim}](${f.section}))`];
  if (f.witness) out.push(`   Witness: ${f.witness}`);
  out.push(`   Reproduce: \`${f.replay}\`${f.script ? `; re-check without kd-verify: \`python3 ${f.script}\`` : ''}`);
  return out;
}

/** The full enclosures of a record, in an expandable detail. */
function fullEnclosures(x: InstanceRecord): string[] {
  return [
    '<details><summary>full enclosures</summary>',
    '',
    `Instance: \`${JSON.stringify(x.instance)}\``,
    '',
    `lhs ∈ [${x.lhs.lo}, ${x.lhs.hi}]`,
    `rhs ∈ [${x.rhs.lo}, ${x.rhs.hi}]`,
    `margin ∈ [${x.margin.lo}, ${x.margin.hi}]${x.room ? `\nroom used ∈ [${x.room.lo}, ${x.room.hi}]` : ''} (${x.context} at ${x.digits} digits)`,
    '',
    '</details>',
    '',
  ];
}

const witnessMargin = (k: ControlResult) => (k.witness ? enclosureText(k.witness.margin) : '—');

function propertyBullets(p: PropertyResult): string[] {
  const out = [`- **${p.id}** — ${p.title}.`];
  if (p.checks) out.push(`  *Checked form:* ${p.checks}`);
  if (p.statusReason) out.push(`  *Status:* ${p.status}: ${p.statusReason}.`);
  out.push(`  Hypotheses established: ${p.hypotheses.map((h) => `${h.name} (${h.established}${h.failed ? `; failed on ${h.failed} discarded instances` : ''})`).join('; ') || 'none needed'}.`);
  const reasons = Object.entries(p.classReasons).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${n})`).join('; ');
  if (reasons) out.push(`  Not informative: ${reasons}.`);
  if (p.room) {
    const q = p.room.quantiles;
    const best = p.room.best;
    out.push(`  Room used over ${p.room.count} informative instances${q ? `: 10% ${sig(q.p10, 4)}, median ${sig(q.median, 4)}, 90% ${sig(q.p90, 4)}, largest ${sig(q.max, 4)}` : ''}${best ? `; best ${enclosureText(best.room)} (${best.found}, certified at ${best.instance.digits} digits) on ${code(best.instance.instance, 300)}` : ''}${p.room.sharp ? ' — **sharp**' : ''}.`);
  }
  if (p.slack && p.slack.count > 0) out.push(`  Relative slack margin/magnitude over ${p.slack.count} informative instances: min ${sig(p.slack.min, 3)}, 10% ${sig(p.slack.p10, 3)}, median ${sig(p.slack.median, 3)}, 90% ${sig(p.slack.p90, 3)}, max ${sig(p.slack.max, 3)}${p.slack.infinite ? `; ${p.slack.infinite} with an infinite side` : ''}.`);
  if (p.search) out.push(`  ${searchLine(p.search)}`);
  const cov = Object.entries(p.coverage).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  if (cov) out.push(`  Coverage: ${cov}.`);
  if (p.error) out.push(`  **Error:** ${p.error}`);
  for (const w of p.warnings) out.push(`  ⚠ Health: ${w}.`);
  if (p.cutShort) out.push(`  **Not verified**: ${p.statusReason ?? 'cut short'}, after ${p.instances} instances (undecided).`);
  if (p.undecidedExample) out.push(`  Undecided at ${p.undecidedExample.digits} digits: ${code(p.undecidedExample.instance)}, margin ${enclosureText(p.undecidedExample.margin)}`);
  return out;
}

function claimMarkdown(r: Report, c: ClaimReport): string[] {
  const out: string[] = [];
  out.push(`<a id="${c.id}"></a>`, '', `## ${c.id}: ${c.title}`, '');
  out.push(`*Source:* ${c.source}. *Provenance:* ${PROVENANCE[c.provenance]}. ${c.provenanceNote}`, '');
  out.push(`*Statement:* ${c.statement}`, '');
  if (c.hypotheses.length) out.push('*Hypotheses:*', ...c.hypotheses.map((h) => `- ${h}`), '');
  if (c.flags.length) out.push('*Flags in the catalogue:*', ...c.flags.map((f) => `- ${f}`), '');
  out.push(`**Verdict: ${c.status}** (headline property ${c.headline ?? '—'}) on ${c.instances} instances: ${c.classes.informative} informative, ${c.classes.degenerate} degenerate, ${c.classes.vacuous} vacuous.`, '');
  const findings = r.findings.filter((f) => f.claim === c.id);
  if (findings.length) out.push('**Findings:**', ...findings.map((f) => `- *${FINDING_LABEL[f.kind]}*: ${f.sentence}`), '');
  out.push('| property | relation | status | instances (inf. / deg. / vac.) | discarded | holds / attained / undecided | best room used | screened in doubles | max digits | time |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const p of c.properties) {
    const v = p.verdicts, k = p.classes;
    out.push(`| ${p.id}${p.id === c.headline ? ' (headline)' : ''} | ${p.relation} | ${p.status} | ${p.instances} (${k.informative} / ${k.degenerate} / ${k.vacuous}) | ${p.discarded} | ${v.holds} / ${v.attained} / ${v.undecided} | ${roomCell(p.room, p.relation)} | ${p.screened} | ${p.maxDigitsUsed} | ${(p.durationMs / 1000).toFixed(1)} s |`);
  }
  out.push('');
  for (const p of c.properties) out.push(...propertyBullets(p));
  out.push('');
  if (c.tightest) {
    const t = c.tightest;
    out.push(`**Sharpest informative instance** (${t.property}, room used ${enclosureText(t.room)}): lhs ${enclosureText(t.lhs)}, rhs ${enclosureText(t.rhs)}, margin ${enclosureText(t.margin)}.`, '', ...fullEnclosures(t));
  }
  if (c.counterexample) {
    const x = c.counterexample;
    out.push(`**Counterexample** (${x.property}, seed ${x.seed}, path ${x.path}): lhs ${enclosureText(x.lhs)} against rhs ${enclosureText(x.rhs)}, margin ${enclosureText(x.margin)}. Replay: \`${x.replay}\``, '', ...fullEnclosures(x));
  }
  const scripts = r.scripts.filter((s) => s.claim === c.id);
  if (scripts.length) {
    out.push('**Re-check without kd-verify** (Python 3 + mpmath):', '');
    for (const s of scripts) out.push(`- ${s.subject} of ${s.variant ?? s.property} (kd-verify: ${s.verdict}): ${s.file ? `\`python3 ${s.file}\`` : `no script — ${s.note}`}`);
    out.push('');
  }
  for (const p of c.properties) if (p.breakdown) out.push(...breakdownMarkdown(p.id, p.breakdown));
  for (const f of r.figures.filter((x) => x.claim === c.id)) out.push(`![${f.caption}](${f.file})`, '', `*${f.caption}*`, '');
  out.push('**Negative controls** (planted wrong variants; each must be refuted by the same generator):', '');
  out.push('| control | refuted | instances drawn | witness margin |', '|---|---|---|---|');
  for (const k of c.controls) out.push(`| ${k.id} — ${k.description} | ${k.refuted ? 'yes' : k.degenerateRefutations ? `**NO** (violated only on ${k.degenerateRefutations} degenerate instances)` : '**NO**'} | ${k.instances} | ${witnessMargin(k)} |`);
  out.push('');
  const probes = c.properties.flatMap((p) => p.probes);
  if (probes.length) {
    out.push('**Probes** (variants testing a suspected looseness or gap; either outcome is a finding):', '');
    out.push('| probe | outcome | instances drawn | witness margin |', '|---|---|---|---|');
    for (const k of probes) out.push(`| ${k.id} — ${k.description} | ${k.refuted ? 'refuted: the variant fails' : 'held on every instance'} | ${k.instances} | ${witnessMargin(k)} |`);
    out.push('');
  }
  return out;
}

/** A readable verification report: findings first, the overview, then one section per claim. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push('# kd-verify verification report', '');
  out.push(`kd-verify ${r.tool.version} · seed ${r.config.seed} · ${r.config.runs} instances per property · working precision ${r.config.digits} digits (up to ${r.config.maxDigits}) · ${r.complete ? 'complete' : r.config.shard ? `**shard ${r.config.shard.index} of ${r.config.shard.count}** (incomplete: merge the shards)` : '**incomplete: cut short by the time limit or a signal**'} · ${(r.timing.durationMs / 1000).toFixed(1)} s`, '');
  out.push(`**Summary:** ${summaryLine(r)}`, '');
  out.push('## Findings', '');
  if (r.findings.length === 0) out.push('None: every claim holds without a probe, looseness or sharpness to report.', '');
  r.findings.forEach((f, k) => out.push(...findingMarkdown(f, k + 1)));
  out.push('');
  out.push('## Overview', '');
  out.push('| claim | status | provenance | informative | best room used (headline) | degenerate | vacuous | controls refuted | findings |', '|---|---|---|---|---|---|---|---|---|');
  for (const c of r.claims) {
    const o = overviewCells(c, r.findings);
    out.push(`| [${c.id}](#${c.id}) | **${c.status}** | ${c.provenance} | ${o.informative} | ${o.room}${textBar(o.roomFraction)} | ${o.degenerate} | ${o.vacuous} | ${o.controls} | ${o.findings} |`);
  }
  out.push('', STATUS_LEGEND, '');
  for (const c of r.claims) out.push(...claimMarkdown(r, c));
  if (r.classification) out.push(...classificationMarkdown(r.classification));
  if (r.numerics) out.push(...numericsMarkdown(r.numerics));
  return out.join('\n');
}

/** One line on the targeted search: what it tried and how much tighter it got than sampling. */
export function searchLine(s: NonNullable<PropertyResult['search']>): string {
  const f = (x: number | null) => (x === null ? '−∞' : sig(x, 3));
  const v = s.verdicts;
  const found = s.best ? ` Found: ${code(s.best.instance, 300)}, room used ${enclosureText(s.best.room)}.` : '';
  return `Targeted search: ${s.evaluations} instances climbed from the ${s.starts} sampled instances using the most room (${s.accepted} moves kept, ${s.discarded} discarded; ${v.holds} hold, ${v.attained} attain, ${v.violated} violate, ${v.undecided} undecided; ${s.classes.informative} informative)${s.interrupted ? ', cut short by the time limit' : ''}; unused room 1 − room used: sampled ${f(s.sampledGap)}, after search ${f(s.foundGap)}.${found}`;
}
