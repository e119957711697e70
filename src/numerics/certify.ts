import type { Field } from './field.ts';
import { intervalDoubleField } from './interval-double-field.ts';
import { intervalField } from './interval-decimal-field.ts';
import { intervalDoubleXField } from './interval-double-x-field.ts';
import { InsufficientPrecision } from './insufficient-precision.ts';

/** The two sides of a claimed relation, as computed by one formula in some arithmetic context. */
export interface Sides<T> {
  lhs: T;
  rhs: T;
}

/** A formula written once: evaluated in whichever context the certifier hands it. */
export type Formula = <T>(F: Field<T>) => Sides<T>;

/** `le`: lhs ≤ rhs (margin rhs − lhs ≥ 0). `eq`: lhs = rhs. */
/** lhs ≤ rhs, lhs = rhs (to the working precision), or lhs < rhs (strict: the margin must be certified positive). */
export type Relation = 'le' | 'eq' | 'lt';

/**
 * holds: certified margin > 0 (for `le`). attained: |margin| is zero to the working precision.
 * violated: certified margin < 0 (or, for `eq`, certified nonzero beyond the working precision).
 * undecided: the enclosure still straddles the threshold at the maximum precision.
 */
export type InstanceVerdict = 'holds' | 'attained' | 'violated' | 'undecided';

export interface PrecisionPolicy {
  /** Working precision P: "zero to the working precision" means |margin| ≤ scale·10^−(P−guardDigits). */
  digits: number;
  /** Highest precision tried while an enclosure straddles the threshold. */
  maxDigits: number;
  /** First Decimal precision tried after the double screen. */
  startDigits: number;
  guardDigits: number;
  /** Skip the double screen (used to check that the screen never changes a verdict). */
  noScreen?: boolean;
}

export function precisionPolicy(digits: number, overrides: Partial<PrecisionPolicy> = {}): PrecisionPolicy {
  return { digits, maxDigits: 4 * digits, startDigits: Math.min(20, digits), guardDigits: 5, ...overrides };
}

export interface Enclosure {
  lo: string;
  hi: string;
}

export interface Certificate {
  verdict: InstanceVerdict;
  /** Context that decided: 'interval-double', 'interval-double-x' (extended exponent) or 'interval-decimal'. */
  context: string;
  /** Significant digits of the deciding context. */
  digits: number;
  lhs: Enclosure;
  rhs: Enclosure;
  /** Enclosure of rhs − lhs ("Infinity" when the right side is +∞). */
  margin: Enclosure;
  /** A double near the margin, for ranking instances. */
  marginApprox: number;
  /** max(1, |lhs|, |rhs|): the scale of the zero threshold. */
  scale: number;
}

type Decision = InstanceVerdict | 'escalate';

function isPosInf<T>(F: Field<T>, x: T): boolean {
  return F.bounds(x).lo === 'Infinity';
}
function isNegInf<T>(F: Field<T>, x: T): boolean {
  return F.bounds(x).hi === '-Infinity';
}

/**
 * Evaluate once in F and classify; 'escalate' when more precision could still decide. `wide`: the
 * enclosures were lost rather than merely too coarse (an end may be infinite, or the margin's
 * width exceeds 10⁻⁶ of the scale), the mark of doubles under- or overflowing.
 */
function decide<T>(F: Field<T>, formula: Formula, relation: Relation, policy: PrecisionPolicy, final: boolean, workingReached: boolean): { decision: Decision; cert: Certificate; wide?: boolean } {
  let sides: Sides<T>;
  try {
    sides = formula(F);
  } catch (e) {
    // decimal.js knows ln 10 and π to about 1025 digits: beyond that, as undecidable as a straddling pivot
    const limit = e instanceof Error && /Precision limit exceeded/.test(e.message);
    if (!(e instanceof InsufficientPrecision) && !limit) throw e;
    const verdict: InstanceVerdict = 'undecided';
    return { decision: final ? verdict : 'escalate', wide: false, cert: { context: F.name, digits: Math.round(F.digits), lhs: { lo: 'NaN', hi: 'NaN' }, rhs: { lo: 'NaN', hi: 'NaN' }, verdict, margin: { lo: 'NaN', hi: 'NaN' }, marginApprox: NaN, scale: Infinity } };
  }
  const { lhs, rhs } = sides;
  const base = { context: F.name, digits: Math.round(F.digits), lhs: F.bounds(lhs), rhs: F.bounds(rhs) };
  const infinite = (verdict: InstanceVerdict, margin: string, approx: number) => ({
    decision: verdict,
    cert: { ...base, verdict, margin: { lo: margin, hi: margin }, marginApprox: approx, scale: Infinity },
  });
  // Infinite sides: decided only when the other side is certainly infinite or certainly finite;
  // an enclosure that may reach ∞ asks for more precision.
  const lInf = isPosInf(F, lhs), rInf = isPosInf(F, rhs), lNegInf = isNegInf(F, lhs), rNegInf = isNegInf(F, rhs);
  const finite = (x: T) => {
    const b = F.bounds(x);
    return !/Infinity|NaN/.test(b.lo + b.hi);
  };
  const escalate = () => ({ decision: (final ? 'undecided' : 'escalate') as Decision, wide: true, cert: { ...base, verdict: 'undecided' as InstanceVerdict, margin: { lo: 'NaN', hi: 'NaN' }, marginApprox: NaN, scale: Infinity } });
  if ((lInf && rInf) || (lNegInf && rNegInf)) return infinite(relation === 'eq' ? 'attained' : relation === 'lt' ? 'violated' : 'holds', 'NaN', Infinity);
  if (relation !== 'eq' && (rInf || lNegInf)) return infinite('holds', 'Infinity', Infinity);
  if (lInf || rInf || lNegInf || rNegInf) {
    const other = lInf || lNegInf ? rhs : lhs;
    return finite(other) ? infinite('violated', lInf || rNegInf ? '-Infinity' : 'Infinity', lInf || rNegInf ? -Infinity : Infinity) : escalate();
  }

  const margin = F.sub(rhs, lhs);
  const scale = Math.max(1, Math.abs(F.approx(lhs)), Math.abs(F.approx(rhs)));
  const thr = F.mul(F.fromNumber(scale), F.fromString(`1e-${policy.digits - policy.guardDigits}`));
  const aboveThr = F.sign(F.sub(margin, thr)); // margin > thr ?
  const belowNegThr = F.sign(F.add(margin, thr)); // margin < −thr ?
  const sgn = F.sign(margin);
  const cert = (verdict: InstanceVerdict): Certificate => ({ ...base, verdict, margin: F.bounds(margin), marginApprox: F.approx(margin), scale });

  let decision: Decision = 'escalate';
  if (relation === 'lt') {
    // strict: any certified positive margin holds, however small; a margin certified ≤ 0 violates
    if (sgn === 1) decision = 'holds';
    else if (sgn === 0 || sgn === -1) decision = 'violated';
    else if (final) decision = 'undecided';
  } else if (relation === 'le') {
    if (sgn === -1) decision = 'violated';
    else if (aboveThr === 1) decision = 'holds';
    else if (workingReached && aboveThr !== undefined && belowNegThr !== undefined && aboveThr <= 0 && belowNegThr >= 0) decision = 'attained';
    else if (final) decision = sgn === 1 ? 'holds' : 'undecided';
  } else {
    if (aboveThr === 1 || belowNegThr === -1) decision = 'violated';
    else if (workingReached && aboveThr !== undefined && belowNegThr !== undefined && aboveThr <= 0 && belowNegThr >= 0) decision = 'attained';
    else if (final) decision = 'undecided';
  }
  const lo = F.lowerNumber(margin), hi = F.upperNumber(margin);
  const wide = !(Number.isFinite(lo) && Number.isFinite(hi)) || hi - lo > 1e-6 * scale;
  return { decision, wide, cert: cert(decision === 'escalate' ? 'undecided' : decision) };
}

/**
 * Certify a relation between two sides computed by `formula`.
 * A rigorous double-interval screen decides most instances at once; otherwise Decimal enclosures
 * are evaluated at increasing precision, raised only while the enclosure straddles the threshold.
 */
export function certify(formula: Formula, relation: Relation, policy: PrecisionPolicy): Certificate {
  if (!policy.noScreen) {
    // plain doubles first; then, when their enclosures were lost (tiny probabilities underflow,
    // huge weights overflow), doubles with an extended exponent
    const plain = decide(intervalDoubleField, formula, relation, policy, false, false);
    if (plain.decision !== 'escalate') return plain.cert;
    if (plain.wide) {
      const extended = decide(intervalDoubleXField, formula, relation, policy, false, false);
      if (extended.decision !== 'escalate') return extended.cert;
    }
  }
  // an identity is attained only at the working precision: equalities start there
  let digits = Math.min(relation === 'eq' ? Math.max(policy.startDigits, policy.digits) : policy.startDigits, policy.maxDigits);
  for (;;) {
    const final = digits >= policy.maxDigits;
    const { decision, cert } = decide(intervalField(digits), formula, relation, policy, final, digits >= policy.digits);
    if (decision !== 'escalate') return cert;
    digits = digits < policy.digits ? policy.digits : Math.min(2 * digits, policy.maxDigits);
  }
}
