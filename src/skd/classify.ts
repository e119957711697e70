import type { Budget, InstanceRecord } from '../engine/run-property.ts';
import { runProperty } from '../engine/run-property.ts';
import { AXIOMS } from './axioms.ts';
import { axiomProperty } from './axiom-property.ts';
import { OPERATORS, type Operator } from './operators.ts';

/** One cell of the operator × axiom table. */
export interface ClassificationCell {
  operator: string;
  axiom: string;
  /** satisfied: every instance certified; violated: a certified, shrunk counterexample; n/a: no instance in the operator's domain */
  status: 'satisfied' | 'violated' | 'undecided' | 'n/a' | 'error';
  instances: number;
  counterexample: (InstanceRecord & { seed: number; path: string; property: string }) | null;
}

export interface Classification {
  operators: Array<{ id: string; description: string; role: Operator['role']; domain: string }>;
  axioms: Array<{ key: string; claim: string; title: string }>;
  cells: ClassificationCell[];
}

/** Run every axiom on every operator at the budget (each cell stops at its first counterexample). */
export function classifyOperators(budget: Budget, operators: readonly Operator[] = OPERATORS): Classification {
  const cells = operators.flatMap((op) =>
    AXIOMS.map((ax): ClassificationCell => {
      const prop = { ...axiomProperty(op, ax), controls: [], probes: [] };
      const r = runProperty(prop, budget);
      const status: ClassificationCell['status'] =
        r.status === 'holds' || r.status === 'tight' ? 'satisfied'
        : r.status === 'violated' ? 'violated'
        : r.status === 'undecided' ? 'undecided'
        : r.instances === 0 ? 'n/a' : 'error';
      return { operator: op.id, axiom: ax.key, status, instances: r.instances, counterexample: r.counterexample ? { ...r.counterexample, property: r.id } : null };
    }),
  );
  return {
    operators: operators.map((o) => ({ id: o.id, description: o.description, role: o.role, domain: o.domain.max === Infinity ? `T ≥ ${o.domain.min}` : `${o.domain.min} ≤ T ≤ ${o.domain.max}` })),
    axioms: AXIOMS.map((a) => ({ key: a.key, claim: a.claim, title: a.title })),
    cells,
  };
}
