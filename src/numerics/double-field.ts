import type { Field } from './field.ts';
import { exactDecimalString } from './exact.ts';

/** Plain IEEE doubles: fast, not certified. Used to screen and to locate, never to decide. */
export const doubleField: Field<number> = {
  name: 'double',
  digits: 15.95,
  certified: false,
  fromNumber: (x) => x,
  fromString: (s) => Number(s),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => (a === 0 || b === 0 ? 0 : a * b),
  div: (a, b) => a / b,
  neg: (a) => -a,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  cos: Math.cos,
  sin: Math.sin,
  square: (a) => a * a,
  abs: Math.abs,
  min: Math.min,
  max: Math.max,
  hull: (a) => a,
  approx: (a) => a,
  sign: (a) => (Number.isNaN(a) ? undefined : (Math.sign(a) as -1 | 0 | 1)),
  bounds: (a) => ({ lo: exactDecimalString(a), hi: exactDecimalString(a) }),
  lower: (a) => a,
  upper: (a) => a,
  lowerNumber: (a) => a,
  upperNumber: (a) => a,
};
