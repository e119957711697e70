import { describe, expect, it } from 'vitest';
import type { ControlResult, InstanceRecord, PropertyResult } from '../../src/engine/run-property.ts';
import type { ClaimReport } from '../../src/report/types.ts';
import { deriveFindings, NO_FORMULA_NOTE, recordVerdict } from '../../src/report/findings.ts';
import { reportFileNames } from '../../src/report/files.ts';
import { texEscape } from '../../src/report/tex.ts';
import { enclosureText, sig } from '../../src/report/format.ts';

const enc = (lo: string, hi = lo) => ({ lo, hi });
const rec = (margin: string, room: string | null = null, reason: string | null = null): InstanceRecord => ({
  instance: { x: 1 },
  lhs: enc('1'),
  rhs: enc('2'),
  margin: enc(margin),
  digits: 40,
  context: 'interval-decimal',
  class: 'informative',
  reason,
  room: room === null ? null : enc(room),
});

function prop(over: Partial<PropertyResult> & { id: string }): PropertyResult {
  return {
    claim: over.id.split('/')[0], title: 't', relation: 'le', headline: false, checks: null, status: 'holds', statusReason: null, seed: 1, instances: 100, discarded: 0,
    verdicts: { holds: 100, attained: 0, violated: 0, undecided: 0 }, classes: { informative: 100, degenerate: 0, vacuous: 0 }, classReasons: {}, room: null, slack: null, screened: 0, maxDigitsUsed: 40,
    hypotheses: [], coverage: {}, minMargin: null, tightest: null, counterexample: null, undecidedExample: null, error: null, controls: [], probes: [], breakdown: null, search: null, cutShort: false, warnings: [], durationMs: 1,
    ...over,
  };
}

const room = (hi: string, count = 50, sharp = false, reason: string | null = null) => ({
  count, sharp, sup: enc(hi), quantiles: { p10: 0.1, median: 0.3, p90: Number(hi), max: Number(hi) },
  best: { room: enc(hi), instance: rec(sharp ? '0' : '0.5', hi, reason), found: 'sampled' as const },
});

const probe = (id: string, refuted: boolean): ControlResult => ({ id, description: `probe ${id}`, refuted, instances: refuted ? 3 : 100, degenerateRefutations: 0, seed: 1, witness: refuted ? rec('-0.25') : null });

const claim = (id: string, properties: PropertyResult[], status: ClaimReport['status'] = 'holds'): ClaimReport => ({
  id, title: 't', source: 's', provenance: 'recovered', provenanceNote: '', statement: 'st', hypotheses: [], flags: [], status, headline: properties[0].id, room: properties[0].room,
  classes: { informative: 1, degenerate: 0, vacuous: 0 }, instances: 1, minMargin: null, tightest: null, counterexample: null, controls: [], properties,
});

describe('findings derived from the property results', () => {
  const claims = [
    claim('KD-A', [prop({ id: 'KD-A/p', room: room('0.6'), probes: [probe('KD-A/p~held', false), probe('KD-A/p~fails', true)] })]),
    claim('KD-B', [prop({ id: 'KD-B/p', status: 'violated', counterexample: { ...rec('-1e-3'), seed: 5, path: '0:1' } })], 'violated'),
    claim('KD-C', [prop({ id: 'KD-C/p', status: 'sharp', room: room('1', 50, true, 'a family built to attain it') })], 'sharp'),
    claim('KD-D', [prop({ id: 'KD-D/p', room: room('0.5', 5) }), prop({ id: 'KD-D/q', room: room('0.95') })]),
  ];
  const { findings, scripts } = deriveFindings(claims, { seed: 42 }, (id) => id !== 'KD-A/p~fails');

  it('reports each kind once where it applies, most serious first', () => {
    expect(findings.map((f) => [f.kind, f.property, f.probe])).toEqual([
      ['violated', 'KD-B/p', null],
      ['probe-refuted', 'KD-A/p', 'KD-A/p~fails'],
      ['loose', 'KD-A/p', null],
      ['probe-held', 'KD-A/p', 'KD-A/p~held'],
      ['sharp', 'KD-C/p', null],
    ]);
  });

  it('is loose only over enough informative instances and below 90 % of the room', () => {
    expect(findings.some((f) => f.property.startsWith('KD-D'))).toBe(false);
  });

  it('says each finding in one sentence with its numbers, a link and a reproduction', () => {
    const loose = findings.find((f) => f.kind === 'loose')!;
    expect(loose.sentence).toMatch(/^KD-A\/p uses at most 0\.6 of its room on 50 informative instances.*\.$/);
    expect(loose.section).toBe('#KD-A');
    expect(findings.find((f) => f.kind === 'violated')!.replay).toBe('kdverify replay --report report.json --claim KD-B');
    expect(findings.find((f) => f.kind === 'sharp')!.sentence).toMatch(/built to attain it/);
    for (const f of findings) expect(f.id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it('plans a script for counterexamples, refuted probes and best instances; none without a Python formula', () => {
    expect(findings.find((f) => f.kind === 'violated')!.script).toBe('findings/kd-b-p--counterexample.py');
    expect(findings.find((f) => f.kind === 'probe-refuted')!.script).toBeNull();
    expect(scripts.find((s) => s.variant === 'KD-A/p~fails')).toMatchObject({ file: null, note: NO_FORMULA_NOTE, verdict: 'violated' });
    expect(scripts.find((s) => s.property === 'KD-C/p')).toMatchObject({ file: 'findings/kd-c-p--best.py', verdict: 'attained', subject: 'best room used' });
    expect(findings.find((f) => f.kind === 'probe-held')!.script).toBeNull();
  });
});

describe('report file names', () => {
  it('lists the fixed files, figures and scripts of a report.json, refusing paths outside the directory', () => {
    const names = reportFileNames({ figures: [{ file: 'a.svg' }, { file: '../b.svg' }], scripts: [{ file: 'findings/x-y.py' }, { file: 'findings/../z.py' }, { file: null }] });
    expect(names).toEqual(expect.arrayContaining(['report.json', 'report.tex', 'a.svg', 'findings/x-y.py']));
    expect(names.some((n) => n.includes('..'))).toBe(false);
    expect(reportFileNames('garbage')).toContain('report.html');
  });
});

describe('numbers and LaTeX text', () => {
  it('shows 4–6 significant digits and one number for a narrow enclosure', () => {
    expect(sig('0.99999999999999', 4)).toBe('1');
    expect(sig('-1.23456789e-20')).toBe('−1.2346e-20');
    expect(enclosureText({ lo: '0.612111', hi: '0.612114' })).toBe('0.61211');
    expect(enclosureText({ lo: '-1e-3', hi: '2e-3' })).toBe('[−0.001, 0.002]');
  });
  it('escapes LaTeX specials and the report’s symbols', () => {
    expect(texEscape('σ√(2K_n) ≤ 50% & $x')).toBe('$\\sigma$$\\surd$(2K\\_n) $\\le$ 50\\% \\& \\$x');
  });
});

describe('recordVerdict', () => {
  const tiny = (lo: string, hi: string): InstanceRecord => ({ ...rec('0'), margin: enc(lo, hi), digits: 640 });
  it('reads the sign of margins below the double range exactly (3e-350 is positive, not 0)', () => {
    expect(recordVerdict(tiny('2.89e-350', '2.9e-350'))).toBe('holds');
    expect(recordVerdict(tiny('-2.9e-350', '-2.89e-350'))).toBe('violated');
    expect(recordVerdict(tiny('-1e-400', '1e-400'))).toBe('attained');
  });
});

describe('sig beyond the double range', () => {
  it('prints decimal strings that underflow or overflow a double exactly, never as 0 or ∞', () => {
    expect(sig('2.89491589360105e-350')).toBe('2.8949e-350');
    expect(sig('-1.25e-157')).toBe('−1.25e-157');
    expect(sig('1e400')).toBe('1e+400');
    expect(sig('0')).toBe('0');
    expect(sig('-Infinity')).toBe('−∞');
    expect(enclosureText({ lo: '2.8949158e-350', hi: '2.8949159e-350' })).toBe('2.8949e-350');
  });
});
