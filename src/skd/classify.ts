import type { Budget, InstanceRecord, PropertyResult } from '../engine/run-property.ts';
import { runProperty } from '../engine/run-property.ts';
import { AXIOMS, type Axiom } from './axioms.ts';
import type { AnyProperty } from '../engine/property.ts';
import { axiomProperty, slug } from './axiom-property.ts';
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

/**
 * Run every axiom on every operator at the budget (each cell stops at its first counterexample).
 * Cells already run as claim properties in the same run (same generator, seed stream and budget,
 * so the same result) are taken from `done` instead of being run again.
 */
export function classifyOperators(budget: Budget, operators: readonly Operator[] = OPERATORS, done: readonly PropertyResult[] = []): Classification {
  const cells = operators.flatMap((op) =>
    AXIOMS.map((ax): ClassificationCell => {
      const r = done.find((x) => x.id.endsWith(cellSuffix(op, ax))) ?? runProperty(cellProperty(op, ax), budget);
      const status: ClassificationCell['status'] =
        r.status === 'holds' || r.status === 'sharp' ? 'satisfied'
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

const cellSuffix = (op: Operator, ax: Axiom) => `/${op.id}-${slug(ax.key)}`;
/** A cell as a property: controls and probes dropped (a cell only classifies). */
const cellProperty = (op: Operator, ax: Axiom): AnyProperty => ({ ...axiomProperty(op, ax), controls: [], probes: [] }) as AnyProperty;

let cells: AnyProperty[] | undefined;
/** Every cell's property, by id: worker threads run the cells a parallel run hands them. */
export function classificationCell(id: string): AnyProperty | undefined {
  cells ??= OPERATORS.flatMap((op) => AXIOMS.map((ax) => cellProperty(op, ax)));
  return cells.find((p) => p.id === id);
}

/** Ids of the cells that `properties` (claim properties of the same run) do not already decide. */
export function pendingCells(properties: readonly { id: string }[]): string[] {
  return OPERATORS.flatMap((op) => AXIOMS.filter((ax) => !properties.some((p) => p.id.endsWith(cellSuffix(op, ax)))).map((ax) => cellProperty(op, ax).id));
}
