import { defineProperty, type PropertyDef } from '../engine/property.ts';
import { axiomInstanceArb, type AxiomInstance } from '../gen/simplex.ts';
import { inDomain, type Axiom } from './axioms.ts';
import type { Operator } from './operators.ts';

export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const establish = (op: Operator, ax: Axiom) => (i: AxiomInstance) => ({
  hypotheses: [
    { name: `the axiom is not vacuous on the instance (${ax.key})`, established: ax.applicable(i) },
    { name: `every temperature used lies in the operator's domain [${op.domain.min}, ${op.domain.max}]`, established: inDomain(op, ax, i) },
  ],
  derived: undefined,
});

const classify = (i: AxiomInstance) => [`weights:${i.kind}`, `V:${i.w.length}`, i.w.some((x) => x === 0) ? 'has-zeros' : 'full-support'];

/**
 * One axiom applied to one operator, as a property (id `<claim>/<operator>-<axiom>`; the claim is the
 * axiom's, or a family claim), with planted
 * bad operators as negative controls and other readings as probes.
 */
export function axiomProperty(op: Operator, ax: Axiom, o: { controls?: Operator[]; probes?: Array<{ op: Operator; ax: Axiom }>; claim?: string } = {}): PropertyDef<AxiomInstance> {
  const claim = o.claim ?? ax.claim;
  return defineProperty<AxiomInstance>({
    id: `${claim}/${op.id}-${slug(ax.key)}`,
    claim,
    title: `${op.description}: ${ax.title}`,
    relation: ax.relation,
    arbitrary: axiomInstanceArb,
    seedKey: 'skd/axiom-instances',
    // masses as small as 1e-624 next to O(1) ones: a difference of outputs can need ~640 digits (decimal.js knows ln 10 and π to about 1025 digits, hence 1000)
    maxDigits: 1000,
    establish: establish(op, ax),
    // the outputs are probability vectors: "zero" is measured against their total mass 1
    sides: (F, i) => ({ scale: F.fromNumber(1), ...ax.sides(F, op, i) }),
    // ranking and entropy order are sign conditions, not bounds with room
    bound: ax.bound ?? ax.relation !== 'lt',
    ...(ax.degenerate ? { degenerate: (i: AxiomInstance) => ax.degenerate!(op, i) } : {}),
    classify,
    controls: (o.controls ?? []).map((bad) => ({
      id: `${claim}/${op.id}-${slug(ax.key)}~${bad.id}`,
      description: `the same axiom claimed for ${bad.description}`,
      relation: ax.relation,
      sides: (F, i) => ax.sides(F, bad, i),
      establish: establish(bad, ax),
    })),
    probes: (o.probes ?? []).map((p) => ({
      id: `${claim}/${op.id}-${slug(ax.key)}~${p.op.id}-${slug(p.ax.key)}`,
      description: `${p.op.description}: ${p.ax.title}`,
      relation: p.ax.relation,
      sides: (F, i) => p.ax.sides(F, p.op, i),
      establish: establish(p.op, p.ax),
    })),
  });
}
