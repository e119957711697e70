import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { builtinProperties } from '../../properties/index.ts';
import { atWorkingPrecision, record } from '../../src/engine/check-instance.ts';
import { precisionPolicy } from '../../src/numerics/certify.ts';
import { pythonFormula, formulaIds } from '../../src/report/recheck/formulas.ts';
import { pythonData, pythonSource, scriptData, type ScriptData } from '../../src/report/recheck/scripts.ts';
import { recordVerdict } from '../../src/report/findings.ts';

/**
 * The Python formulas of the re-check scripts against kd-verify's certified enclosures: for every
 * property and probe that has one, a few instances drawn by the property's own generator (seeded),
 * their sides computed by both and compared to 30 significant digits.
 */
const python = spawnSync('python3', ['-c', 'import mpmath'], { stdio: 'ignore' }).status === 0;
const PER_FORMULA = 2;
const policy = precisionPolicy(40);

function samples(id: string): ScriptData[] {
  const propId = id.split('~')[0];
  const prop = builtinProperties.find((p) => p.id === propId)!;
  const variant = id.includes('~') ? prop.probes!.find((k) => k.id === id)! : undefined;
  const out: ScriptData[] = [];
  for (const instance of fc.sample(prop.arbitrary, { seed: 11, numRuns: 40 })) {
    if (out.length >= PER_FORMULA) break;
    const cert = atWorkingPrecision(prop, instance, policy, variant);
    if (!cert || cert.verdict === 'undecided') continue;
    const rec = record(instance, cert);
    out.push(scriptData(prop, variant ? id : null, rec, { id: `${id}#${out.length}`, claim: prop.claim, subject: 'test', verdict: recordVerdict(rec) }));
  }
  return out;
}

describe.skipIf(!python)('Python re-check formulas against kd-verify (skipped without python3 and mpmath)', () => {
  const ids = formulaIds();
  const data = ids.flatMap(samples);
  const templates = [...new Set(ids.flatMap((id) => pythonFormula(id)!.templates))];
  const program = [
    pythonSource(templates),
    pythonData('DATAS', data),
    // within kd-verify's enclosure, widened by 1e-30 relative (infinite sides equal)
    'def inside(v, e):',
    '    lo, hi = dec(e["lo"]), dec(e["hi"])',
    '    if not mpmath.isfinite(v): return v == lo == hi',
    '    tol = mpf(10) ** -30 * max(abs(v), abs(lo), abs(hi))',
    '    return lo - tol <= v <= hi + tol',
    'for d in DATAS:',
    '    r = evaluate(d)',
    '    k = d["kdverify"]',
    '    print(json.dumps({"id": d["id"], "lhs": mpmath.nstr(r["lhs"], 30), "rhs": mpmath.nstr(r["rhs"], 30), "lhsInside": bool(inside(r["lhs"], k["lhs"])), "rhsInside": bool(inside(r["rhs"], k["rhs"])),',
    '                      "computed": r["computed"], "hypotheses": [[h[0], bool(h[1])] for h in r["hypotheses"]]}))',
  ].join('\n');
  const run = spawnSync('python3', ['-'], { input: program, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 600_000 });
  const results = new Map<string, { lhs: string; rhs: string; lhsInside: boolean; rhsInside: boolean; computed: string; hypotheses: Array<[string, boolean]> }>(
    run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.id, r]),
  );

  it('every formula is tried on instances of its property', () => {
    expect(run.stderr).toBe('');
    for (const id of ids) expect(data.some((d) => d.formula === id), id).toBe(true);
  });

  it.each(ids)('%s: both sides agree with kd-verify to 30 digits, and so does the verdict', (id) => {
    for (const d of data.filter((x) => x.formula === id)) {
      const r = results.get(d.id)!;
      const k = d.kdverify as { lhs: { lo: string; hi: string }; rhs: { lo: string; hi: string }; verdict: string };
      expect(r.lhsInside, `${d.id} lhs ${r.lhs} vs [${k.lhs.lo}, ${k.lhs.hi}]`).toBe(true);
      expect(r.rhsInside, `${d.id} rhs ${r.rhs} vs [${k.rhs.lo}, ${k.rhs.hi}]`).toBe(true);
      expect(r.hypotheses.filter((h) => !h[1]), d.id).toEqual([]);
      expect(r.computed === k.verdict || (k.verdict === 'violated' && d.relation === 'eq' && r.computed !== 'attained'), `${d.id}: ${r.computed} vs ${k.verdict}`).toBe(true);
    }
  });
});
