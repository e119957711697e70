import { Decimal } from 'decimal.js';
import type { ControlResult, InstanceRecord, PropertyResult } from '../engine/run-property.ts';
import type { ClaimReport, Finding, FindingKind, RecheckScript } from './types.ts';
import { enclosureText, instanceText, sig } from './format.ts';

/**
 * The findings of a run, derived from the generic property results alone: every violated, errored
 * or undecided property, every probe (refuted or held), every bound that leaves room unused on all
 * the informative instances drawn and searched (loose), every bound whose room is used entirely
 * (sharp). And the re-check scripts they need: counterexamples, refuted probes' witnesses and the
 * instances using the most room.
 */

/** A bound is reported loose when no informative instance used this share of its room. */
export const LOOSE_BELOW = 0.9;
/** … over at least this many informative instances (fewer say little about where the bound is tight). */
export const LOOSE_MIN_COUNT = 20;

const ORDER: FindingKind[] = ['violated', 'error', 'undecided', 'probe-refuted', 'loose', 'probe-held', 'sharp'];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** The variant part of a control or probe id: 'KD-X/p~name' → 'name'. */
const variantName = (id: string) => id.slice(id.indexOf('~') + 1);

/** Script file of a subject: findings/<property>--<subject>.py. */
export const scriptFile = (property: string, subject: RecheckScript['subject'], variant: string | null) =>
  `findings/${slug(property)}--${subject === 'counterexample' ? 'counterexample' : subject === 'probe witness' ? slug(variantName(variant ?? '')) : 'best'}.py`;

/** kd-verify's verdict on a recorded instance, from its certified margin (records hold decided instances only). */
export const recordVerdict = (r: InstanceRecord): string => {
  // exact decimal comparison: a margin of 3e-350 is positive, though Number() makes it 0
  const lo = new Decimal(r.margin.lo), hi = new Decimal(r.margin.hi);
  return lo.gt(0) ? 'holds' : hi.lt(0) ? 'violated' : 'attained';
};

/** The witness in a line: the sides and margin at 5 digits, the instance cut short. */
export const witnessText = (r: InstanceRecord): string =>
  `lhs ${enclosureText(r.lhs)}, rhs ${enclosureText(r.rhs)}, margin ${enclosureText(r.margin)}${r.room ? `, room used ${enclosureText(r.room)}` : ''} on ${instanceText(r.instance, 200)}`;

interface Subject {
  claim: string;
  property: PropertyResult;
  variant: string | null;
  subject: RecheckScript['subject'];
  record: InstanceRecord;
}

/** Whether a Python formula for a property (or a variant id) exists. */
export type FormulaLookup = (propertyOrVariant: string) => boolean;

export const NO_FORMULA_NOTE = 'no Python formula for this property yet: re-check it with kd-verify (the replay command)';

function planScript(s: Subject, hasFormula: FormulaLookup): RecheckScript {
  const id = s.variant ?? s.property.id;
  const ok = hasFormula(id);
  return {
    file: ok ? scriptFile(s.property.id, s.subject, s.variant) : null,
    claim: s.claim,
    property: s.property.id,
    variant: s.variant,
    subject: s.subject,
    verdict: recordVerdict(s.record),
    note: ok ? null : NO_FORMULA_NOTE,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const runCommand = (claim: string, seed: number) => `kdverify run --claims ${claim} --seed ${seed}`;

/** Derive the findings and the re-check scripts of a report's claims. */
export function deriveFindings(claims: ClaimReport[], config: { seed: number }, hasFormula: FormulaLookup): { findings: Finding[]; scripts: RecheckScript[] } {
  const findings: Finding[] = [];
  const scripts = new Map<string, RecheckScript>();
  const script = (s: Subject) => {
    const key = `${s.property.id}|${s.variant ?? ''}|${s.subject}`;
    if (!scripts.has(key)) scripts.set(key, planScript(s, hasFormula));
    return scripts.get(key)!.file;
  };
  const add = (f: Omit<Finding, 'id' | 'section'> & { idPart?: string }) => {
    const { idPart, ...rest } = f;
    findings.push({ ...rest, id: `${f.kind}--${slug(f.property)}${idPart ? `--${slug(idPart)}` : ''}`, section: `#${f.claim}` });
  };
  for (const c of claims) {
    const replayCx = `kdverify replay --report report.json --claim ${c.id}`;
    for (const p of c.properties) {
      const rerun = runCommand(c.id, config.seed);
      if (p.status === 'violated' && p.counterexample) {
        const x = p.counterexample;
        add({
          kind: 'violated', claim: c.id, property: p.id, probe: null,
          sentence: `${p.id} is violated: ${x.path === 'targeted-search' ? 'the targeted search reached' : 'a generated instance is'} a certified counterexample, lhs ${enclosureText(x.lhs)} against rhs ${enclosureText(x.rhs)} (margin ${enclosureText(x.margin)}).`,
          witness: witnessText(x),
          replay: replayCx,
          script: script({ claim: c.id, property: p, variant: null, subject: 'counterexample', record: x }),
        });
      } else if (p.status === 'error') {
        add({ kind: 'error', claim: c.id, property: p.id, probe: null, sentence: `${p.id} could not be evaluated: ${p.error ?? p.statusReason ?? 'an error'}.`, witness: null, replay: rerun, script: null });
      } else if (p.status === 'undecided') {
        const u = p.undecidedExample;
        const why = p.statusReason ?? (u ? `an instance stays undecided at ${u.digits} digits (margin ${enclosureText(u.margin)})` : 'undecided');
        add({ kind: 'undecided', claim: c.id, property: p.id, probe: null, sentence: `${p.id} is undecided: ${why}.`, witness: u ? witnessText(u) : null, replay: rerun, script: null });
      }
      for (const k of p.probes) probeFinding(c, p, k, rerun, add, script);
      const room = p.room;
      if (!room?.best || (p.status !== 'holds' && p.status !== 'sharp')) continue;
      const best = room.best;
      if (room.sharp) {
        const built = best.instance.reason;
        add({
          kind: 'sharp', claim: c.id, property: p.id, probe: null,
          sentence: built
            ? `${p.id} is attained on a family built to attain it (${built}): room used ${enclosureText(best.room)}.`
            : `${p.id} is sharp: an informative ${best.found === 'search' ? 'instance found by the targeted search' : 'generated instance'} uses its whole room (room used ${enclosureText(best.room)}).`,
          witness: witnessText(best.instance),
          replay: rerun,
          script: script({ claim: c.id, property: p, variant: null, subject: 'best room used', record: best.instance }),
        });
      } else if (room.count >= LOOSE_MIN_COUNT && room.sup && Number(room.sup.hi) < LOOSE_BELOW) {
        const s = p.search;
        const ceiling = s && s.evaluations > 0
          ? s.best
            ? `; the targeted search raised it from ${sig(1 - (s.sampledGap ?? 1), 4)} and found none higher`
            : `; the targeted search (${plural(s.evaluations, 'instance')}) found none higher, a ceiling`
          : '';
        add({
          kind: 'loose', claim: c.id, property: p.id, probe: null,
          sentence: `${p.id} uses at most ${sig(room.sup.hi, 4)} of its room on ${plural(room.count, 'informative instance')}${ceiling}: what the bound adds to its base could be multiplied by ${sig(room.sup.hi, 4)} and still hold on every instance reached.`,
          witness: witnessText(best.instance),
          replay: rerun,
          script: script({ claim: c.id, property: p, variant: null, subject: 'best room used', record: best.instance }),
        });
      }
    }
    // the claim's sharpest instance is re-checked even when it is no finding
    const headline = c.properties.find((p) => p.id === c.headline);
    if (headline?.room?.best && (c.status === 'holds' || c.status === 'sharp')) script({ claim: c.id, property: headline, variant: null, subject: 'best room used', record: headline.room.best.instance });
    const cx = c.counterexample;
    if (cx) {
      const prop = c.properties.find((p) => p.id === cx.property);
      if (prop) script({ claim: c.id, property: prop, variant: null, subject: 'counterexample', record: cx });
    }
  }
  findings.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return { findings, scripts: [...scripts.values()] };
}

function probeFinding(
  c: ClaimReport,
  p: PropertyResult,
  k: ControlResult,
  rerun: string,
  add: (f: Omit<Finding, 'id' | 'section'> & { idPart?: string }) => void,
  script: (s: Subject) => string | null,
) {
  if (p.cutShort || k.instances === 0) return;
  if (k.refuted && k.witness) {
    add({
      kind: 'probe-refuted', claim: c.id, property: p.id, probe: k.id, idPart: variantName(k.id),
      sentence: `${p.id}, probe “${k.description}”: refuted — the variant fails on a certified witness (margin ${enclosureText(k.witness.margin)}), found after ${plural(k.instances, 'instance')}.`,
      witness: witnessText(k.witness),
      replay: rerun,
      script: script({ claim: c.id, property: p, variant: k.id, subject: 'probe witness', record: k.witness }),
    });
  } else if (!k.refuted) {
    add({
      kind: 'probe-held', claim: c.id, property: p.id, probe: k.id, idPart: variantName(k.id),
      sentence: `${p.id}, probe “${k.description}”: held on all ${plural(k.instances, 'instance')} drawn${k.degenerateRefutations ? ` (violated only on ${k.degenerateRefutations} degenerate ones)` : ''} — the stronger statement survives the generator.`,
      witness: null,
      replay: rerun,
      script: null,
    });
  }
}
