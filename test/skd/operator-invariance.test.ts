import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPERATORS, type Operator } from '../../src/skd/operators.ts';
import { intervalField } from '../../src/numerics/interval-decimal-field.ts';
import { axiomInstanceArb } from '../../src/gen/simplex.ts';

/**
 * `invariant(w)` declares that F_T(w) does not depend on T: the entropy order (AX3) is then an
 * identity, classified degenerate. Checked both ways on the axiom instances: where an operator
 * declares it, F_T(w) and F_T′(w) agree to 60 digits at temperatures across its domain; where it
 * does not, some pair of temperatures moves the output (a declaration that is too broad, e.g.
 * uniform on the support for the mixing operators, is caught).
 */
const I = intervalField(60);
const temperatures = (op: Operator) => [0.3, 0.9, 1, 1.7, 4, 50].filter((T) => T >= op.domain.min && T <= op.domain.max);
/** The largest certified gap between two outputs, as a double (0 when every enclosure overlaps). */
const gap = (op: Operator, w: number[], T: number, U: number) => {
  const a = op.apply(I, w, T), b = op.apply(I, w, U);
  return Math.max(...a.map((x, k) => Math.max(x.lo.minus(b[k].hi).toNumber(), b[k].lo.minus(x.hi).toNumber(), 0)));
};
const moves = (op: Operator, w: number[]) => temperatures(op).some((T, k, Ts) => Ts.slice(k + 1).some((U) => gap(op, w, T, U) > 0));

describe.each(OPERATORS.filter((op) => op.invariant).map((op) => [op.id, op] as const))('%s: invariant weights', (_id, op) => {
  it('declared invariant: the output is the same law at every temperature; otherwise it moves', () => {
    let declared = 0, undeclared = 0;
    for (const inst of fc.sample(axiomInstanceArb, { numRuns: 300, seed: 17 })) {
      if (op.invariant!(inst.w)) {
        declared++;
        expect(moves(op, inst.w), `${JSON.stringify(inst.w)}`).toBe(false);
      } else if (inst.w.filter((x) => x > 0).length > 1 && new Set(inst.w.filter((x) => x > 0)).size > 1 && inst.w.every((x) => x === 0 || x > 1e-200)) {
        // several distinct positive weights within double range: every operator here moves them
        undeclared++;
        expect(moves(op, inst.w), `${JSON.stringify(inst.w)}`).toBe(true);
      }
    }
    expect(declared).toBeGreaterThan(10);
    expect(undeclared).toBeGreaterThan(10);
  });
});

it('the mixing operators fix only the uniform law on all classes, not one uniform on a smaller support', () => {
  for (const id of ['mixing', 'complement-mixing']) {
    const op = OPERATORS.find((o) => o.id === id)!;
    expect(op.invariant!([2, 2, 0])).toBe(false);
    expect(moves(op, [2, 2, 0])).toBe(true);
    expect(op.invariant!([2, 2, 2])).toBe(true);
  }
});
