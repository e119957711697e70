import { AXIOMS, type Axiom } from '../src/skd/axioms.ts';
import { axiomProperty } from '../src/skd/axiom-property.ts';
import { additiveSmoothing, complementMixing, mixing, power, powerTopK, sharpening, softmaxLogits, type Operator } from '../src/skd/operators.ts';

/**
 * SKD-DEF-OP and the five axioms (SKD-AX1 … SKD-AX5) on power softening; the same checks for the two
 * families of the catalogue, power softening computed in the logit domain (SKD-FAM-POWER, all T > 0)
 * and mixing with the uniform distribution (SKD-FAM-MIX, T ≥ 1); each with the deliberately bad
 * operators that break the axiom as negative controls. The boundary
 * axiom is checked in the reading each family satisfies; the other reading is a probe, so the
 * flagged failure (power on sparse inputs does not tend to the uniform law on all V classes) is
 * reported with its counterexample.
 */
const ax = (key: string): Axiom => {
  const a = AXIOMS.find((x) => x.key === key);
  if (!a) throw new Error(`no axiom ${key}`);
  return a;
};
const top2 = powerTopK(2), additive = additiveSmoothing(0.01);
/** mixing used below T = 1, where (1/T)·p + (1 − 1/T)·u has negative entries */
const mixingBelowOne: Operator = { ...mixing, id: 'mixing-below-1', description: 'mixing used at T < 1', domain: { min: 0, max: Infinity } };

/** The definition and AX1–AX4 for one operator, under the axioms' claims or under a family claim. */
const family = (op: Operator, claim?: string) => [
  axiomProperty(op, ax('simplex'), { controls: [mixingBelowOne], claim }),
  axiomProperty(op, ax('AX1 strict'), { controls: [complementMixing, top2], claim }),
  axiomProperty(op, ax('AX1 ties'), { controls: [top2], claim }),
  axiomProperty(op, ax('AX2 continuity'), { controls: [top2], claim }),
  axiomProperty(op, ax('AX3 entropy'), { controls: [sharpening], claim }),
  axiomProperty(op, ax('AX4 identity'), { controls: [additive, top2], claim }),
];

export const properties = [
  // the axioms, checked on the canonical family (power softening)
  ...family(power),
  axiomProperty(power, ax('AX5 T→∞ (support)'), { controls: [sharpening, additive], probes: [{ op: power, ax: ax('AX5 T→∞ (all classes)') }] }),
  axiomProperty(power, ax('AX5 T→0⁺'), { controls: [sharpening] }),
  // SKD-FAM-POWER: the same family computed in the logit domain, softmax(z/T) of z = log p
  ...family(softmaxLogits, 'SKD-FAM-POWER'),
  axiomProperty(softmaxLogits, ax('AX5 T→∞ (support)'), { controls: [sharpening, additive], probes: [{ op: softmaxLogits, ax: ax('AX5 T→∞ (all classes)') }], claim: 'SKD-FAM-POWER' }),
  axiomProperty(softmaxLogits, ax('AX5 T→0⁺'), { controls: [sharpening], claim: 'SKD-FAM-POWER' }),
  // SKD-FAM-MIX: mixing with the uniform law, on T ≥ 1, with the full reading of the boundary axiom
  ...family(mixing, 'SKD-FAM-MIX'),
  axiomProperty(mixing, ax('AX5 T→∞ (all classes)'), { controls: [sharpening, additive], probes: [{ op: mixing, ax: ax('AX5 T→∞ (support)') }], claim: 'SKD-FAM-MIX' }),
];
