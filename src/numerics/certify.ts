import type { Field } from './field.ts';
import { intervalDoubleField } from './interval-double-field.ts';
import { intervalField } from './interval-decimal-field.ts';
import { intervalDoubleXField } from './interval-double-x-field.ts';
import { inMpfr } from './high-precision.ts';
import { mpfrReady } from './mpfr.ts';
import { InsufficientPrecision } from './insufficient-precision.ts';

/**
 * The two sides of a claimed relation, as computed by one formula in some arithmetic context, with
 * what the verdict needs to say how much the bound tells:
 * - `base`: the baseline the bound adds to or subtracts from (T8: gen_T; T10: c·gen_T; default 0),
 *   so that the room used is (lhs − base)/(rhs − base); the rhs value itself as base declares a
 *   bound with no room by construction (a degenerate instance);
 * - `trivial`: the bound that holds for free (for `le` a trivial upper bound of lhs, for `ge` a
 *   trivial lower bound): a bound at or beyond it is vacuous;
 * - `scale`: the magnitude of terms that cancel in rhs − lhs, when it exceeds |lhs| and |rhs|
 *   (so that "zero to the working precision" is relative to the computation, not to the result);
 *   for identities (`eq`, and instances declared degenerate) it defaults to 1.
 */
export interface Sides<T> {
  lhs: T;
  rhs: T;
  base?: T;
  trivial?: T;
  scale?: T;
}

/** A formula written once: evaluated in whichever context the certifier hands it. */
export type Formula = <T>(F: Field<T>) => Sides<T>;

/**
 * `le`: lhs ≤ rhs; `ge`: lhs ≥ rhs (a lower bound rhs on the quantity lhs); `lt`: lhs < rhs
 * strictly (the margin must be certified positive); `eq`: lhs = rhs to the working precision.
 * For `le` and `ge`, lhs is the bounded quantity and rhs the bound.
 */
export type Relation = 'le' | 'ge' | 'eq' | 'lt';

/**
 * holds: the margin is certified positive (for `le`/`ge`, however small).
 * attained: the margin is exactly 0, or (after escalation to the maximum precision) its enclosure
 *   lies within ±ε·scale, ε = 10^−(digits−guardDigits) and scale a certified lower bound of the
 *   computation's magnitude; for `eq`, within ±ε·scale at the working precision.
 * violated: the margin is certified negative, however small (for `eq`: certified nonzero).
 * undecided: the enclosure still straddles 0, beyond ±ε·scale, at the maximum precision.
 */
export type InstanceVerdict = 'holds' | 'attained' | 'violated' | 'undecided';

/**
 * What an instance says about a bound. degenerate: the relation is an identity there for a
 * structural reason (declared by the property, both sides exactly equal, or no room: rhs = base).
 * vacuous: the bound says nothing (an infinite side; a bound at or beyond the trivial one).
 * informative: the rest. Only informative instances can show that a bound is sharp.
 */
export type InstanceClass = 'informative' | 'degenerate' | 'vacuous';

/** How far certification may raise the precision, and what counts as zero at the working precision. */
export interface PrecisionPolicy {
  /** Working precision P: "zero to the working precision" means |margin| ≤ scale·10^−(P−guardDigits). */
  digits: number;
  /** Highest precision tried while an enclosure straddles the threshold. */
  maxDigits: number;
  /** First Decimal precision tried after the double screen. */
  startDigits: number;
  guardDigits: number;
  /** Skip the fast paths, the double screens and the MPFR enclosures: Decimal only (the reference the fast paths are checked against). */
  noScreen?: boolean;
  /** Skip only the double screens (tests of the MPFR enclosures on every instance). */
  noDoubleScreen?: boolean;
}

/** The policy for a working precision of `digits`: escalation up to 4× digits, five guard digits. */
export function precisionPolicy(digits: number, overrides: Partial<PrecisionPolicy> = {}): PrecisionPolicy {
  return { digits, maxDigits: 4 * digits, startDigits: Math.min(20, digits), guardDigits: 5, ...overrides };
}

/** An enclosure [lo, hi] of a value, its ends as exact decimal strings. */
export interface Enclosure {
  lo: string;
  hi: string;
}

/** The certified verdict on one instance: the enclosures of both sides and of the margin, and the context and precision that decided. */
export interface Certificate {
  verdict: InstanceVerdict;
  class: InstanceClass;
  /** Why the instance is degenerate or vacuous (null when informative). */
  reason: string | null;
  /** Context that decided: 'interval-double', 'interval-double-x' (extended exponent), 'interval-mpfr' or 'interval-decimal'. */
  context: string;
  /** Significant digits of the deciding context. */
  digits: number;
  lhs: Enclosure;
  rhs: Enclosure;
  /** Enclosure of the margin: rhs − lhs for `le`/`lt`/`eq`, lhs − rhs for `ge` ("Infinity" for an infinite side). */
  margin: Enclosure;
  /** A double near the margin, for ranking instances (never for verdicts). */
  marginApprox: number;
  /** A certified lower bound of max(|lhs|, |rhs|, |scale|): the magnitude "zero" is relative to. */
  scale: number;
  /** (lhs − base)/(rhs − base) on informative instances of an inequality; null otherwise. */
  room: Enclosure | null;
  /** A double near the room used (the midpoint of its enclosure). */
  roomApprox: number | null;
  /** A double at or below the room used (the lower end of its enclosure): instances are ranked by it. */
  roomLo: number | null;
}

type Decision = InstanceVerdict | 'escalate';

/** A side that is NaN is a bug in the formula, not an undecided instance. */
export class NaNSide extends Error {
  override name = 'NaNSide';
}

interface Outcome {
  decision: Decision;
  cert: Certificate;
  /** the enclosures were lost rather than merely too coarse (an infinite end, or very wide) */
  wide: boolean;
}

const nan: Enclosure = { lo: 'NaN', hi: 'NaN' };

interface Stage {
  /** the evaluation at the maximum precision: what is still open is undecided */
  final: boolean;
  /** at or above the working precision */
  working: boolean;
}

/**
 * An instance on which the property declares the relation to be an identity: `degenerate` (for a
 * structural reason, e.g. K_n = 0 because Γ = Δ: never evidence of sharpness) or `attained` (a
 * family built to attain the bound, e.g. a Gaussian mean shift: informative, and its room used is
 * reported). Either is checked as an identity to the working precision; a margin certified beyond
 * that is a bug in the declaration, reported as an error.
 */
export interface DeclaredIdentity {
  class: 'degenerate' | 'informative';
  reason: string;
}

/**
 * Evaluate once in F and classify; 'escalate' when more precision could still decide.
 */
function decide<T>(F: Field<T>, formula: Formula, relation: Relation, policy: PrecisionPolicy, stage: Stage, declared: DeclaredIdentity | null, noRoom: boolean): Outcome {
  let sides: Sides<T>;
  const context = { context: F.name, digits: Math.round(F.digits) };
  const open = (wide: boolean, lhs = nan, rhs = nan): Outcome => ({
    decision: stage.final ? 'undecided' : 'escalate',
    wide,
    cert: { ...context, verdict: 'undecided', class: 'informative', reason: null, lhs, rhs, margin: nan, marginApprox: NaN, scale: NaN, room: null, roomApprox: null, roomLo: null },
  });
  try {
    sides = formula(F);
  } catch (e) {
    // decimal.js knows ln 10 and π to about 1025 digits: beyond that, as undecidable as a straddling pivot
    const limit = e instanceof Error && /Precision limit exceeded/.test(e.message);
    if (!(e instanceof InsufficientPrecision) && !limit) throw e;
    return open(false);
  }
  // `ge` is `le` with the sides' roles in the margin exchanged: a = the side that must be smaller
  const [a, b] = relation === 'ge' ? [sides.rhs, sides.lhs] : [sides.lhs, sides.rhs];
  const lhsB = F.bounds(sides.lhs), rhsB = F.bounds(sides.rhs);
  for (const [name, x] of [['lhs', lhsB], ['rhs', rhsB]] as const) {
    if (x.lo === 'NaN' || x.hi === 'NaN') throw new NaNSide(`the ${name} evaluated to NaN in ${F.name}`);
    // the whole line at the highest precision: ∞ − ∞, 0·∞, or a division by an enclosure of 0
    if (stage.final && x.lo === '-Infinity' && x.hi === 'Infinity') throw new NaNSide(`the ${name} is undefined at ${Math.round(F.digits)} digits (NaN: ∞ − ∞, 0·∞, or a division by 0)`);
  }
  const base = { ...context, lhs: lhsB, rhs: rhsB };
  const done = (verdict: InstanceVerdict, cls: InstanceClass, reason: string | null, margin: Enclosure, marginApprox: number): Outcome => ({
    decision: verdict,
    wide: false,
    cert: { ...base, verdict, class: cls, reason, margin, marginApprox, scale: Infinity, room: null, roomApprox: null, roomLo: null },
  });

  // Infinite sides, decided only when certain (an enclosure that may reach ∞ asks for more precision).
  const aB = F.bounds(a), bB = F.bounds(b);
  const aPos = aB.lo === 'Infinity', bPos = bB.lo === 'Infinity', aNeg = aB.hi === '-Infinity', bNeg = bB.hi === '-Infinity';
  const finite = (x: Enclosure) => !/Infinity/.test(x.lo + x.hi);
  if (aPos || bPos || aNeg || bNeg) {
    const same = 'both sides are the same infinity';
    if ((aPos && bPos) || (aNeg && bNeg)) return done(relation === 'lt' ? 'violated' : relation === 'eq' ? 'attained' : 'holds', 'vacuous', same, nan, NaN);
    if (aNeg || bPos) {
      // −∞ ≤ x or x ≤ +∞: true, and says nothing (a bound of +∞; a lower side of −∞)
      if (relation === 'eq') return finite(aNeg ? bB : aB) || (aNeg && bPos) ? done('violated', 'informative', null, { lo: 'Infinity', hi: 'Infinity' }, Infinity) : open(true, lhsB, rhsB);
      return done('holds', 'vacuous', aNeg && bPos ? '−∞ ≤ +∞' : bPos ? 'the bound is +∞' : 'the smaller side is −∞', { lo: 'Infinity', hi: 'Infinity' }, Infinity);
    }
    // +∞ ≤ x with x < +∞, or x ≤ −∞ with x > −∞: violated once the other side is certainly not that infinity
    const other = aPos ? bB : aB;
    return finite(other) || (aPos && bNeg) ? done('violated', 'informative', null, { lo: '-Infinity', hi: '-Infinity' }, -Infinity) : open(true, lhsB, rhsB);
  }
  if (!finite(aB) || !finite(bB)) return open(true, lhsB, rhsB);

  const margin = F.sub(b, a);
  const sgn = F.sign(margin);
  // the magnitude "zero" is measured against: a certified lower bound of the largest term. An
  // identity's sides are often both 0 while the terms behind them are not, so identities (and
  // declared ones) measure against the declared scale, by default 1 (the size of probabilities
  // and losses); an inequality has no such default: it escalates instead.
  const identity = relation === 'eq' || declared !== null;
  let magnitude = F.max(F.abs(sides.lhs), F.abs(sides.rhs));
  const declaredScale = sides.scale ?? (identity ? F.fromNumber(1) : undefined);
  if (declaredScale !== undefined) magnitude = F.max(magnitude, F.abs(declaredScale));
  const scaleLo = F.lower(magnitude);
  const thr = F.mul(scaleLo, F.fromString(`1e-${policy.digits - policy.guardDigits}`));
  // |margin| ≤ thr, certified
  const gap = F.sign(F.sub(thr, F.abs(margin)));
  const within = gap === 0 || gap === 1;
  const marginLo = F.lowerNumber(margin), marginHi = F.upperNumber(margin);
  const wide = !(Number.isFinite(marginLo) && Number.isFinite(marginHi)) || marginHi - marginLo > 1e-6 * Math.max(F.upperNumber(magnitude), Number.MIN_VALUE);
  const cert = (verdict: InstanceVerdict, cls: InstanceClass, reason: string | null, room: T | null = null): Certificate => ({
    ...base, verdict, class: cls, reason, margin: F.bounds(margin), marginApprox: F.approx(margin), scale: F.approx(scaleLo),
    room: room === null ? null : F.bounds(room), roomApprox: room === null ? null : F.approx(room), roomLo: room === null ? null : F.lowerNumber(room),
  });
  const out = (decision: Decision, c: Certificate): Outcome => ({ decision, wide, cert: c });
  const escalate = () => out(stage.final ? 'undecided' : 'escalate', cert('undecided', 'informative', null));

  /**
   * rhs − base, exactly 0 where the bound adds nothing to its base on this instance; a base that
   * is the rhs itself declares that by construction (e.g. K_n = 0 because Γ = Δ), even where its
   * enclosure is not a point.
   */
  const roomWidth = () => (sides.base !== undefined && sides.base === sides.rhs ? F.fromNumber(0) : F.sub(sides.rhs, sides.base ?? F.fromNumber(0)));
  const noRoomHere = () => !noRoom && F.sign(roomWidth()) === 0;
  /** The class of a satisfied inequality instance, with its room used. */
  const classify = (verdict: InstanceVerdict, reason: string | null): Outcome => {
    // the bound at or beyond the trivial one says nothing
    if (sides.trivial !== undefined) {
      const beyond = F.sign(relation === 'ge' ? F.sub(sides.trivial, sides.rhs) : F.sub(sides.rhs, sides.trivial));
      if (beyond === 0 || beyond === 1) return out(verdict, cert(verdict, 'vacuous', 'the bound is no better than the trivial one'));
    }
    if (noRoom) return out(verdict, cert(verdict, 'informative', reason));
    // room used: (lhs − base)/(rhs − base); no room (rhs = base) is an identity, not a sharp bound
    const zero = F.fromNumber(0);
    const den = roomWidth();
    const denSign = F.sign(den);
    if (denSign === 0) return out(verdict, cert(verdict, 'degenerate', 'no room: the bound equals its base'));
    if (denSign === undefined) {
      if (!stage.final) return out('escalate', cert('undecided', 'informative', null));
      return out(verdict, cert(verdict, 'degenerate', `no room to ${Math.round(F.digits)} digits: rhs − base is not separated from 0`));
    }
    const room = F.div(F.sub(sides.lhs, sides.base ?? zero), den);
    return out(verdict, cert(verdict, 'informative', reason, room));
  };

  if (declared !== null) {
    // an identity declared by the property: checked as one, to the working precision
    if (sgn === -1 || (relation === 'eq' && sgn === 1)) return out('violated', cert('violated', declared.class, declared.reason));
    if (sgn === 0 || (stage.working && within)) {
      if (declared.class === 'degenerate' || relation === 'eq') return out('attained', cert('attained', declared.class, declared.reason));
      return classify('attained', declared.reason);
    }
    if (sgn === 1 && stage.working) throw new Error(`instance declared an identity (${declared.reason}) but its margin is certified positive, beyond the working precision: [${F.bounds(margin).lo}, ${F.bounds(margin).hi}]`);
    return escalate();
  }

  if (relation === 'eq') {
    if (sgn === 1 || sgn === -1) return out('violated', cert('violated', 'informative', null));
    if (sgn === 0 || (stage.working && within)) return out('attained', cert('attained', 'informative', null));
    return escalate();
  }

  if (sgn === -1 || (relation === 'lt' && sgn === 0)) return out('violated', cert('violated', 'informative', null));
  // exactly equal sides: attained; degenerate only when the bound has no room there (rhs = base)
  if (sgn === 0) return classify('attained', null);
  if (sgn === 1) return classify('holds', null);
  // a straddling margin is attained only at the maximum precision, and only within ±ε·scale;
  // where the bound has no room (rhs = base exactly) the relation is lhs ≤ base, an identity when
  // it is attained: degenerate, checked to the working precision like a declared identity
  if (relation !== 'lt' && within && (stage.final || (stage.working && noRoomHere()))) return classify('attained', null);
  return escalate();
}

export interface CertifyOptions {
  /** the property declares the relation an identity on this instance (degenerate, or attained by design) */
  identity?: DeclaredIdentity | null;
  /** a sign or order condition (0 ≤ Cov, entropy non-decreasing, a strict ranking), not a bound: no room */
  noRoom?: boolean;
}

/**
 * Certify a relation between two sides computed by `formula`.
 * A rigorous double-interval screen decides most instances at once; otherwise enclosures are
 * evaluated at increasing precision (MPFR, then Decimal where MPFR leaves the instance open), raised while the enclosure of the margin straddles 0 (or
 * the bound's room is not separated from 0), up to the policy's maximum.
 */
export function certify(formula: Formula, relation: Relation, policy: PrecisionPolicy, options: CertifyOptions = {}): Certificate {
  const declared = options.identity ?? null;
  const noRoom = options.noRoom ?? relation === 'lt';
  const early: Stage = { final: false, working: false };
  if (!policy.noScreen && !policy.noDoubleScreen) {
    // plain doubles first; then, when their enclosures were lost (tiny probabilities underflow,
    // huge weights overflow), doubles with an extended exponent
    const plain = decide(intervalDoubleField, formula, relation, policy, early, declared, noRoom);
    if (plain.decision !== 'escalate') return plain.cert;
    if (plain.wide) {
      const extended = decide(intervalDoubleXField, formula, relation, policy, early, declared, noRoom);
      if (extended.decision !== 'escalate') return extended.cert;
    }
  }
  // identities can only be attained at the working precision: equalities start there
  const identity = relation === 'eq' || declared !== null;
  let digits = Math.min(identity ? Math.max(policy.startDigits, policy.digits) : policy.startDigits, policy.maxDigits);
  for (;;) {
    const stage = { final: digits >= policy.maxDigits, working: digits >= policy.digits };
    if (!policy.noScreen && mpfrReady()) {
      // MPFR enclosures at this precision first (several times cheaper than Decimal), with the
      // same decision rule: holds and violated as certified signs, attained only where the rule
      // allows it at this stage (an exact zero, a declared or no-room identity at the working
      // precision, ±ε·scale at the maximum). What they leave open, and whatever they throw on, is
      // decided by the Decimal enclosures: decimal rounding can meet an exact zero where binary
      // rounding does not, so MPFR straddling says nothing about Decimal at the same precision.
      // Below the working precision Decimal could only settle holds or violated as well, with
      // wider enclosures (136 bits ≈ 41 digits at 40): there the next precision is tried directly.
      const fast = inMpfr(digits, (M) => decide(M, formula, relation, policy, stage, declared, noRoom))?.value;
      if (fast && fast.decision !== 'escalate' && fast.decision !== 'undecided') return fast.cert;
      if (!stage.working && !stage.final) {
        digits = policy.digits;
        continue;
      }
      // merely too coarse at this precision (finite, narrow ends): Decimal's enclosures here are no
      // narrower, so the next precision is tried directly; Decimal still has the maximum precision
      // (an exact zero it may meet there), and every precision where MPFR lost the enclosure or threw
      if (fast && fast.decision === 'escalate' && !fast.wide && !stage.final) {
        digits = Math.min(2 * digits, policy.maxDigits);
        continue;
      }
    }
    const { decision, cert } = decide(intervalField(digits), formula, relation, policy, stage, declared, noRoom);
    if (decision !== 'escalate') return cert;
    digits = digits < policy.digits ? policy.digits : Math.min(2 * digits, policy.maxDigits);
  }
}

/**
 * The certified sign of one quantity, with the same escalation: −1, 0 (exactly zero) or +1, or
 * undefined when its enclosure still straddles 0 at the maximum precision. For hypotheses such as
 * "K_n > 0, certified".
 */
export function certifiedSign(quantity: <T>(F: Field<T>) => T, policy: PrecisionPolicy): -1 | 0 | 1 | undefined {
  // each context: its certified sign, undefined while it straddles 0, or null when it cannot evaluate
  const contexts: Array<() => -1 | 0 | 1 | undefined | null> = [];
  const signIn = <T>(F: Field<T>) => () => {
    try {
      return F.sign(quantity(F));
    } catch (e) {
      if (e instanceof InsufficientPrecision) return null;
      throw e;
    }
  };
  if (!policy.noScreen) contexts.push(signIn(intervalDoubleField), signIn(intervalDoubleXField));
  for (let digits = policy.startDigits; ; digits = Math.min(2 * digits, policy.maxDigits)) {
    // MPFR first at each precision (a certified sign, or an exact zero, is as good from either
    // context), then Decimal, as before, for what MPFR leaves open or cannot evaluate
    const d = digits;
    if (!policy.noScreen) contexts.push(() => inMpfr(d, (M) => signIn(M)())?.value ?? null);
    contexts.push(signIn(intervalField(digits)));
    if (digits >= policy.maxDigits) break;
  }
  for (const sign of contexts) {
    const s = sign();
    if (s !== undefined && s !== null) return s;
  }
  return undefined;
}
