import { AXIOMS, type Axiom } from '../src/skd/axioms.ts';
import { axiomProperty } from '../src/skd/axiom-property.ts';
import { additiveSmoothing, complementMixing, mixing, power, powerTopK, sharpening, type Operator } from '../src/skd/operators.ts';

/**
 * SKD-DEF-OP and the five axioms (SKD-AX1 … SKD-AX5) for the two families of the catalogue, power
 * softening (SKD-FAM-POWER, all T > 0) and mixing with the uniform distribution (SKD-FAM-MIX, T ≥ 1),
 * each with the deliberately bad operators that break the axiom as negative controls. The boundary
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

const family = (op: Operator) => [
  axiomProperty(op, ax('simplex'), { controls: [mixingBelowOne] }),
  axiomProperty(op, ax('AX1 strict'), { controls: [complementMixing, top2] }),
  axiomProperty(op, ax('AX1 ties'), { controls: [top2] }),
  axiomProperty(op, ax('AX2 continuity'), { controls: [top2] }),
  axiomProperty(op, ax('AX3 entropy'), { controls: [sharpening] }),
  axiomProperty(op, ax('AX4 identity'), { controls: [additive, top2] }),
];

export const properties = [
  ...family(power),
  ...family(mixing),
  axiomProperty(power, ax('AX5 T→∞ (support)'), { controls: [sharpening, additive], probes: [{ op: power, ax: ax('AX5 T→∞ (all classes)') }] }),
  axiomProperty(power, ax('AX5 T→0⁺'), { controls: [sharpening] }),
  axiomProperty(mixing, ax('AX5 T→∞ (all classes)'), { controls: [sharpening, additive], probes: [{ op: mixing, ax: ax('AX5 T→∞ (support)') }] }),
];
