import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeClaims, describeClaimsFile, describeImpl, failureOf, implFailureOf } from '../../src/vitest.ts';
import { checkImpl, defineClaim, defineProperty, fc } from '../../src/api.ts';
import { runProperty } from '../../src/engine/run-property.ts';
import { ciBudget } from '../../src/engine/budget.ts';
import { reportProblems } from '../../src/report/validate.ts';
import { claims as pinsker } from '../../examples/claims/pinsker.ts';

const bin = fileURLToPath(new URL('../../bin/kdverify.js', import.meta.url));

// registered through the integration itself: these are real tests of this file
describeClaims(pinsker.filter((c) => c.spec.id === 'USER-PINSKER'), { runs: 60 });
describeClaims(['KD-L6-DV/equality-at-log-ratio'], { runs: 30 });
describeClaimsFile('test/fixtures/claims/ext/typed.mts', { runs: 20 });
describeImpl({ module: 'src/impl/double-path.ts', functions: ['kl_discrete', 'logsumexp'], runs: 40 });

describe('kd-verify/vitest failure messages', () => {
  const out = mkdtempSync(join(tmpdir(), 'kdverify-vitest-'));

  it('a violated property fails with its certified counterexample and a replay line that reproduces it', () => {
    const claim = pinsker.find((c) => c.spec.id === 'USER-PINSKER-NO-ROOT')!;
    const budget = { ...ciBudget(), runs: 200 };
    const o = { reportDir: out, claimsFile: 'examples/claims/pinsker.ts' };
    const message = failureOf(claim.spec, runProperty(claim.properties[0], budget), budget, o)!;
    expect(message).toMatch(/USER-PINSKER-NO-ROOT\/random-pairs is violated \(certified at \d+ digits/);
    expect(message).toMatch(/margin rhs − lhs ∈ \[-/);
    const replay = /replay: npx kdverify replay --report (\S+) --claim (\S+)/.exec(message)!;
    expect(reportProblems(JSON.parse(readFileSync(replay[1], 'utf8')))).toEqual([]);
    // from another directory: the report names its claims file relative to itself
    const r = spawnSync(process.execPath, [bin, 'replay', '--report', replay[1], '--claim', replay[2]], { cwd: tmpdir(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/verdict: violated \(reproduced\)/);
    expect(r.status).toBe(1);
  });

  it('a property whose negative control is not refuted fails, naming the control', () => {
    const claim = defineClaim({
      id: 'USER-TOOTHLESS', title: 'x² ≥ 0', statement: 'x² ≥ 0',
      properties: [defineProperty<number>({
        id: 'USER-TOOTHLESS/square', claim: 'USER-TOOTHLESS', title: '0 ≤ x²', relation: 'le', arbitrary: fc.integer({ min: -5, max: 5 }),
        sides: (F, x) => ({ lhs: F.fromNumber(0), rhs: F.square(F.fromNumber(x)) }),
        // not a wrong variant at all: the same true statement, which no instance refutes
        controls: [{ id: 'USER-TOOTHLESS/square~same', description: '0 ≤ x² again', sides: (F, x) => ({ lhs: F.fromNumber(0), rhs: F.square(F.fromNumber(x)) }) }],
      })],
    });
    const budget = { ...ciBudget(), runs: 20, controlRuns: 50 };
    const message = failureOf(claim.spec, runProperty(claim.properties[0], budget), budget, { reportDir: out });
    expect(message).toMatch(/negative controls not refuted within 50 instances: USER-TOOTHLESS\/square~same/);
  });

  it('a function that disagrees with the reference fails with the shrunk input, what was expected and what came back', async () => {
    const o = { module: 'test/fixtures/adapters/broken-kl-zeros.ts', functions: ['kl_discrete' as const], runs: 100 };
    const message = implFailureOf(await checkImpl(o), 'kl_discrete', o)!;
    expect(message).toMatch(/^kl_discrete disagrees with the reference in \d+ distinct way\(s\): /);
    expect(message).toMatch(/got NaN/);
    expect(message).toMatch(/input: \{"p":\[.*0.*\]/);
    expect(message).toMatch(/replay: npx kdverify check-impl --module test\/fixtures\/adapters\/broken-kl-zeros.ts --functions kl_discrete --seed 42 --runs 100/);
  });
});

