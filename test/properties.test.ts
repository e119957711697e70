import { describe, expect, it } from 'vitest';
import { builtinProperties } from '../properties/index.ts';
import { runProperty } from '../src/engine/run-property.ts';
import { ciBudget, CI_RUNS } from '../src/engine/budget.ts';

/**
 * Every built-in property at the CI budget: the same definitions `kdverify run` uses. A regression
 * in any claim (a violation, an undecided instance, an error) or a negative control that the
 * generator no longer refutes fails CI.
 */
describe.each(builtinProperties.map((p) => [p.id, p] as const))('%s', (_id, prop) => {
  const result = runProperty(prop, ciBudget());

  it('holds (or is sharp) on every instance, shown on informative instances', () => {
    expect({ status: result.status, error: result.error, counterexample: result.counterexample, undecided: result.undecidedExample }).toMatchObject({ status: expect.stringMatching(/^(holds|sharp)$/), error: null, counterexample: null, undecided: null });
    expect(result.instances).toBe(Math.max(1, Math.round(CI_RUNS * (prop.budgetShare ?? 1))));
    expect(result.classes.informative).toBeGreaterThan(0);
  });

  it.each(result.controls.map((c) => [c.id, c] as const))('negative control %s is refuted', (_cid, control) => {
    expect(control.refuted).toBe(true);
    // the witness is certified: its margin enclosure excludes 0 (below it, for an inequality; at or
    // below it, for a strict one)
    const m = control.witness!.margin;
    const relation = prop.controls.find((c) => c.id === control.id)?.relation ?? prop.relation;
    const excluded = m.hi.startsWith('-') || (relation === 'lt' && m.hi === '0') || (relation === 'eq' && !m.lo.startsWith('-') && m.lo !== '0');
    expect(excluded).toBe(true);
  });
});
