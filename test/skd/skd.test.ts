import { describe, expect, it } from 'vitest';
import { doubleField } from '../../src/numerics/double-field.ts';
import { precisionPolicy } from '../../src/numerics/certify.ts';
import { classifyOperators } from '../../src/skd/classify.ts';
import { axiomProperty } from '../../src/skd/axiom-property.ts';
import { AXIOMS } from '../../src/skd/axioms.ts';
import { runProperty } from '../../src/engine/run-property.ts';
import { compositions, plugInRisks } from '../../src/skd/plug-in.ts';
import { power, sharpening } from '../../src/skd/operators.ts';
import { softmaxOn } from '../../src/skd/simplex.ts';
import { decimalField } from '../../src/numerics/decimal-field.ts';

describe('softening operators', () => {
  it('softmax through log-sum-exp survives logits where the naive double formula overflows', () => {
    const z = [1e4, 0, -1e4];
    const naive = z.map((x) => Math.exp(x) / z.reduce((s, y) => s + Math.exp(y), 0));
    expect(naive.some(Number.isNaN)).toBe(true);
    const stable = softmaxOn(doubleField, z, [true, true, true]);
    expect(stable[0]).toBe(1);
    expect(stable.every(Number.isFinite)).toBe(true);
  });

  it('keeps zeros structural: an unseen class stays exactly 0 at every temperature', () => {
    for (const T of [0.01, 1, 1e8]) expect(power.apply(decimalField(40), [3, 0, 1], T)[1].isZero()).toBe(true);
  });
});

describe('plug-in estimators', () => {
  it('enumerates every composition of N into V parts once', () => {
    const c = compositions(6, 4);
    expect(c.length).toBe(84); // C(9, 3)
    expect(new Set(c.map(String)).size).toBe(84);
    expect(c.every((x) => x.reduce((a, b) => a + b, 0) === 6)).toBe(true);
  });
  it('with k = V − 1 on a two-class problem the risks are those of the hand-computed estimator', () => {
    // p = (1/2, 1/2), N = 1, α = 1: the dense estimate is (2/3, 1/3) or (1/3, 2/3), risk (1/6)² · 2 = 1/18
    const r = plugInRisks(decimalField(40), { p: [1, 1], N: 1, k: 1, alpha: 1 });
    expect(r.dense.risk.times(18).minus(1).abs().lt(1e-30)).toBe(true);
    expect(r.dense.bias.abs().lt(1e-30)).toBe(true);
    // the sparse estimate is one-hot on the observed class: risk (1/2)² · 2 = 1/2
    expect(r.sparse.risk.minus(0.5).abs().lt(1e-30)).toBe(true);
  });
});

describe('operator × axiom classification', () => {
  it('marks an axiom an operator breaks as violated, with a shrunk counterexample, and the rest satisfied', () => {
    const c = classifyOperators({ runs: 40, controlRuns: 40, seed: 1, policy: precisionPolicy(30) }, [power, sharpening]);
    const cell = (op: string, ax: string) => c.cells.find((x) => x.operator === op && x.axiom === ax)!;
    expect(cell('sharpening', 'AX3 entropy').status).toBe('violated');
    expect(cell('sharpening', 'AX3 entropy').counterexample?.instance).toBeDefined();
    expect(cell('power', 'AX3 entropy').status).toBe('satisfied');
    expect(cell('power', 'AX5 T→∞ (all classes)').status).toBe('violated');
  });
  it('takes a cell already run as a claim property from that result, unchanged', () => {
    const budget = { runs: 40, controlRuns: 40, seed: 1, policy: precisionPolicy(30) };
    const claimRun = runProperty(axiomProperty(sharpening, AXIOMS.find((a) => a.key === 'AX3 entropy')!), budget);
    const fresh = classifyOperators(budget, [sharpening]).cells.find((x) => x.axiom === 'AX3 entropy')!;
    const reused = classifyOperators(budget, [sharpening], [claimRun]).cells.find((x) => x.axiom === 'AX3 entropy')!;
    expect(reused).toEqual(fresh);
  });
});
