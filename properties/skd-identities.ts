import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { sum } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { gridReal, signedLogReal } from '../src/gen/reals.ts';
import { weightsOf } from '../src/gen/weights.ts';
import { logSumExp, weightedVariance } from '../src/prob/moments.ts';
import { mixing, power, powerByExponent, topKSet, truncate } from '../src/skd/operators.ts';
import { entropyOf, klOf, l1, normalise } from '../src/skd/simplex.ts';

/**
 * The identities and constructions of the softening-operator paper as the catalogue states them
 * (formulas [X] unless noted): SKD-EQ-POWER, SKD-TOPK, SKD-BV, SKD-NONEQUIV, SKD-EQUIV, SKD-CONV-1N.
 */
const positiveWeights = (n: number) => fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: n, maxLength: n });
const temperature = fc.oneof(fc.constantFrom(1, 0.5, 2, 10), gridReal(0.05, 20, 2).filter((t) => t > 0));

// ---------------------------------------------------------------- SKD-EQ-POWER
interface LogitInstance {
  z: number[];
  T: number;
}
const logitArb: fc.Arbitrary<LogitInstance> = fc.record({
  z: fc.array(fc.oneof(gridReal(-10, 10, 2), signedLogReal(-3, 4), fc.constantFrom(1e4, -1e4, 800, -800)), { minLength: 1, maxLength: 8 }),
  T: temperature,
});

const softmax = <T>(F: Field<T>, a: T[]) => {
  const lse = logSumExp(F, a);
  return a.map((x) => F.exp(F.sub(x, lse)));
};

const eqPowerSides = (variant: 'exact' | 'T-for-1/T' | 'unnormalised') => <T>(F: Field<T>, i: LogitInstance) => {
  const z = i.z.map((x) => F.fromNumber(x));
  const t = F.fromNumber(i.T);
  const p = softmax(F, z); // the teacher's probabilities, as numbers
  const exponent = variant === 'T-for-1/T' ? t : F.div(F.fromNumber(1), t);
  const powered = p.map((x) => F.mul(F.log(x), exponent)); // log p^{1/T}
  const lhs = variant === 'unnormalised' ? powered.map((x) => F.exp(x)) : softmax(F, powered);
  const rhs = softmax(F, z.map((x) => F.div(x, t)));
  return { lhs: l1(F, lhs, rhs), rhs: F.fromNumber(0) };
};

export const eqPower = defineProperty<LogitInstance>({
  id: 'SKD-EQ-POWER/softmax-of-scaled-logits',
  claim: 'SKD-EQ-POWER',
  title: 'p = softmax(z) ⇒ p^{1/T}/Σ p^{1/T} = softmax(z/T), with logits up to ±1e4 (naive exp overflows doubles)',
  relation: 'eq',
  arbitrary: logitArb,
  sides: eqPowerSides('exact'),
  classify: (i) => [Math.max(...i.z.map(Math.abs)) > 709 ? 'logits:beyond-double-exp' : 'logits:moderate', `V:${i.z.length}`],
  controls: [
    { id: 'SKD-EQ-POWER/softmax-of-scaled-logits~t-for-inverse-t', description: 'p^T in place of p^{1/T}', sides: eqPowerSides('T-for-1/T') },
    { id: 'SKD-EQ-POWER/softmax-of-scaled-logits~unnormalised', description: 'p^{1/T} without normalisation', sides: eqPowerSides('unnormalised') },
  ],
});

// ---------------------------------------------------------------- SKD-TOPK
interface TopKInstance {
  w: number[];
  k: number;
  T: number;
}
const topkArb: fc.Arbitrary<TopKInstance> = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({ w: weightsOf(n).map((x) => x.weights), k: fc.integer({ min: 1, max: n }), T: temperature }),
);

const topkSides = (op: typeof power) => <T>(F: Field<T>, i: TopKInstance) => {
  const keep = topKSet(i.w, i.k); // the same set before and after softening: AX1 (checked separately)
  const softened = op.apply(F, i.w, i.T);
  const kept = softened.map((x, j) => (keep[j] ? x : F.fromNumber(0)));
  const mass = sum(F, kept);
  const afterwards = kept.map((x) => F.div(x, mass));
  return { lhs: l1(F, op.apply(F, truncate(i.w, i.k), i.T), afterwards), rhs: F.fromNumber(0) };
};

export const topk = defineProperty<TopKInstance>({
  id: 'SKD-TOPK/power-commutes',
  claim: 'SKD-TOPK',
  title: 'power softening commutes with top-k truncation: F_T(trunc_k p) = trunc_k(F_T(p))',
  relation: 'eq',
  arbitrary: topkArb,
  sides: topkSides(power),
  classify: (i) => [i.k >= i.w.filter((x) => x > 0).length ? 'nothing-truncated' : 'truncated'],
  controls: [{ id: 'SKD-TOPK/power-commutes~mixing', description: 'the same commutation claimed for mixing (T ≥ 1): it puts mass ε/V on the truncated classes', sides: (F, i) => topkSides(mixing)(F, { ...i, T: Math.max(i.T, 1) + 1 }) }],
});

// ---------------------------------------------------------------- SKD-BV
interface BvInstance {
  target: number[];
  students: number[][];
}
const bvArb: fc.Arbitrary<BvInstance> = fc.integer({ min: 2, max: 6 }).chain((V) =>
  fc.record({
    target: weightsOf(V).map((x) => x.weights),
    students: fc.array(positiveWeights(V), { minLength: 2, maxLength: 6 }),
  }),
);

/** The student average E_D, the normalised geometric mean q̂ ∝ exp(E_D log q_D), and the pieces of both decompositions. */
function bvPieces<T>(F: Field<T>, i: BvInstance) {
  const p = normalise(F, i.target);
  const qs = i.students.map((w) => normalise(F, w));
  const m = F.fromNumber(qs.length);
  const mean = (xs: T[]) => F.div(sum(F, xs), m);
  const qbar = p.map((_, y) => mean(qs.map((q) => q[y])));
  const meanLog = p.map((_, y) => mean(qs.map((q) => F.log(q[y]))));
  const lse = logSumExp(F, meanLog);
  const qhat = meanLog.map((x) => F.exp(F.sub(x, lse)));
  const sq = (a: T[], b: T[]) => sum(F, a.map((x, y) => F.square(F.sub(x, b[y]))));
  return { p, qs, qbar, qhat, lse, mean, sq };
}

const bvSquared = (dropVariance: boolean) => <T>(F: Field<T>, i: BvInstance) => {
  const b = bvPieces(F, i);
  const variance = dropVariance ? F.fromNumber(0) : b.mean(b.qs.map((q) => b.sq(q, b.qbar)));
  return { lhs: b.mean(b.qs.map((q) => b.sq(q, b.p))), rhs: F.add(b.sq(b.qbar, b.p), variance) };
};

const bvKl = (centre: 'geometric' | 'arithmetic') => <T>(F: Field<T>, i: BvInstance) => {
  const b = bvPieces(F, i);
  const c = centre === 'geometric' ? b.qhat : b.qbar;
  return { lhs: b.mean(b.qs.map((q) => klOf(F, b.p, q))), rhs: F.add(klOf(F, b.p, c), b.mean(b.qs.map((q) => klOf(F, c, q)))) };
};

export const bvSquaredLoss = defineProperty<BvInstance>({
  id: 'SKD-BV/squared-loss',
  claim: 'SKD-BV',
  title: 'E_D‖q_D − p*‖² = ‖E q_D − p*‖² + E‖q_D − E q_D‖²',
  relation: 'eq',
  arbitrary: bvArb,
  sides: bvSquared(false),
  controls: [{ id: 'SKD-BV/squared-loss~no-variance', description: 'the variance term dropped', sides: bvSquared(true) }],
});

export const bvKlLoss = defineProperty<BvInstance>({
  id: 'SKD-BV/kl-loss',
  claim: 'SKD-BV',
  title: 'E_D KL(p*‖q_D) = KL(p*‖q̂) + E_D KL(q̂‖q_D) with q̂ ∝ exp(E_D log q_D) (Heskes)',
  relation: 'eq',
  arbitrary: bvArb,
  sides: bvKl('geometric'),
  controls: [{ id: 'SKD-BV/kl-loss~arithmetic-mean', description: 'the arithmetic mean E_D q_D as the centre', sides: bvKl('arithmetic') }],
});

export const bvVarianceTerm = defineProperty<BvInstance>({
  id: 'SKD-BV/kl-variance-closed-form',
  claim: 'SKD-BV',
  title: 'E_D KL(q̂‖q_D) = −log Σ_y exp(E_D log q_D(y)) ≥ 0',
  relation: 'eq',
  arbitrary: bvArb,
  sides: (F, i) => {
    const b = bvPieces(F, i);
    return { lhs: b.mean(b.qs.map((q) => klOf(F, b.qhat, q))), rhs: F.neg(b.lse) };
  },
  controls: [{ id: 'SKD-BV/kl-variance-closed-form~plus-log', description: '+log Σ exp(E log q_D) (sign flipped)', sides: (F, i) => { const b = bvPieces(F, i); return { lhs: b.mean(b.qs.map((q) => klOf(F, b.qhat, q))), rhs: b.lse }; } }],
});

// ---------------------------------------------------------------- SKD-UNIFORM
interface UniformInstance extends BvInstance {
  T: number;
  family: 'power' | 'mixing';
}
const uniformArb: fc.Arbitrary<UniformInstance> = fc.record({ bv: bvArb, T: fc.oneof(gridReal(1, 20, 2), fc.constant(1)), family: fc.constantFrom('power' as const, 'mixing' as const) }).map(({ bv, ...r }) => ({ ...bv, ...r }));

/** Heskes' decomposition with the softened target p* = F_T(target): T enters only through p*. */
const uniformSides = (softenCentre: boolean) => <T>(F: Field<T>, i: UniformInstance) => {
  const op = i.family === 'power' ? power : mixing;
  const b = bvPieces(F, i);
  const target = op.apply(F, i.target, i.T);
  const centre = softenCentre ? op.apply(F, b.qhat.map((x) => F.approx(x)), i.T) : b.qhat;
  return { lhs: b.mean(b.qs.map((q) => klOf(F, target, q))), rhs: F.add(klOf(F, target, centre), b.mean(b.qs.map((q) => klOf(F, centre, q)))) };
};

export const uniformOverOperators = defineProperty<UniformInstance>({
  id: 'SKD-UNIFORM/bias-variance-any-operator',
  claim: 'SKD-UNIFORM',
  title: "the KL bias–variance decomposition holds unchanged whichever operator softens the target (power or mixing, any T ≥ 1)",
  relation: 'eq',
  arbitrary: uniformArb,
  sides: uniformSides(false),
  classify: (i) => [`family:${i.family}`],
  controls: [{ id: 'SKD-UNIFORM/bias-variance-any-operator~softened-centre', description: 'the centre q̂ softened by the operator as well', sides: uniformSides(true) }],
});

// ---------------------------------------------------------------- SKD-BLACKBOX
interface BlackBoxInstance {
  counts: number[];
  T: number;
  alpha: number;
}
const blackBoxArb: fc.Arbitrary<BlackBoxInstance> = fc.integer({ min: 2, max: 8 }).chain((V) =>
  fc.record({
    counts: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: V, maxLength: V }).map((c) => (c.some((x) => x > 0) ? c : c.map((_, i) => (i === 0 ? 1 : 0)))),
    T: fc.constantFrom(1e4, 1e8),
    alpha: fc.constantFrom(0.5, 1),
  }),
);

/** At large T: ‖F_T(p) − uniform on all V‖₁ ≤ e^{(2 + |log p_min|)/T} − 1 (the full reading of AX5). */
const blackBoxSides = (smooth: boolean) => <T>(F: Field<T>, i: BlackBoxInstance) => {
  const w = smooth ? i.counts.map((c) => c + i.alpha) : i.counts;
  const p = normalise(F, w);
  const logMin = p.filter((_, k) => w[k] > 0).map((x) => F.log(x)).reduce((a, b) => F.min(a, b));
  const rate = F.sub(F.exp(F.div(F.sub(F.fromNumber(2), logMin), F.fromNumber(i.T))), F.fromNumber(1));
  const u = w.map(() => F.div(F.fromNumber(1), F.fromNumber(w.length)));
  // an ℓ1 distance of probability vectors never exceeds 2: a rate of 2 or more says nothing
  return { lhs: l1(F, power.apply(F, w, i.T), u), rhs: rate, trivial: F.fromNumber(2) };
};

export const blackBox = defineProperty<BlackBoxInstance>({
  id: 'SKD-BLACKBOX/smooth-then-soften',
  claim: 'SKD-BLACKBOX',
  title: 'a text-only teacher estimated from counts: add-α smoothing before power softening reaches the uniform law on all classes as T → ∞ (unseen classes included)',
  relation: 'le',
  arbitrary: blackBoxArb,
  sides: blackBoxSides(true),
  classify: (i) => [i.counts.some((c) => c === 0) ? 'unseen-classes' : 'all-seen'],
  controls: [{ id: 'SKD-BLACKBOX/smooth-then-soften~unsmoothed', description: 'the raw count estimate softened directly: the power family keeps unseen classes at 0', sides: blackBoxSides(false) }],
});

// ---------------------------------------------------------------- SKD-NONEQUIV
interface FamilyInstance {
  w: number[];
  T: number;
}
const nonUniformArb: fc.Arbitrary<FamilyInstance> = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({ w: weightsOf(n).map((x) => x.weights), T: fc.oneof(gridReal(1, 20, 2), fc.constantFrom(1 + 1e-9, 1.001, 100)) }),
);

export const nonEquivalent = defineProperty<FamilyInstance>({
  id: 'SKD-NONEQUIV/families-differ',
  claim: 'SKD-NONEQUIV',
  title: 'power and mixing differ at every p other than the uniform law on all classes, for every T > 1: ‖F^pow_T(p) − F^mix_T(p)‖₁ > 0 (certified strictly)',
  relation: 'lt',
  arbitrary: nonUniformArb,
  establish: (i) => ({ hypotheses: [{ name: 'p is not uniform on all V classes, T > 1', established: i.w.some((x) => x !== i.w[0]) && i.T > 1 }], derived: undefined }),
  sides: (F, i) => ({ lhs: F.fromNumber(0), rhs: l1(F, power.apply(F, i.w, i.T), mixing.apply(F, i.w, i.T)) }),
  classify: (i) => [i.w.some((x) => x === 0) ? 'sparse' : 'full-support', i.T < 1.01 ? 'T:near-1' : 'T:>1.01'],
  controls: [{ id: 'SKD-NONEQUIV/families-differ~at-t-1', description: 'the same strict difference claimed at T = 1, where both are the identity', sides: (F, i) => ({ lhs: F.fromNumber(0), rhs: l1(F, power.apply(F, i.w, 1), mixing.apply(F, i.w, 1)) }) }],
});

/** The catalogue's worked example p = (0.7, 0.2, 0.1), T = 2, to the five decimals it prints. */
const WITNESS = { w: [0.7, 0.2, 0.1], T: 2, power: [0.52288, 0.27949, 0.19763], mix: [0.51667, 0.26667, 0.21667], Hpower: 1.0158, Hmix: 1.025, Hp: 0.8018 };
const witnessSides = (swap: boolean) => <T>(F: Field<T>) => {
  const pw = power.apply(F, WITNESS.w, WITNESS.T), mx = mixing.apply(F, WITNESS.w, WITNESS.T);
  const [a, b] = swap ? [mx, pw] : [pw, mx];
  const dev = [
    ...a.map((x, j) => F.abs(F.sub(x, F.fromNumber(WITNESS.power[j])))),
    ...b.map((x, j) => F.abs(F.sub(x, F.fromNumber(WITNESS.mix[j])))),
  ];
  const hdev = [F.abs(F.sub(entropyOf(F, a), F.fromNumber(WITNESS.Hpower))), F.abs(F.sub(entropyOf(F, b), F.fromNumber(WITNESS.Hmix))), F.abs(F.sub(entropyOf(F, normalise(F, WITNESS.w)), F.fromNumber(WITNESS.Hp)))];
  return { lhs: F.max(F.div(dev.reduce((x, y) => F.max(x, y)), F.fromNumber(5e-6)), F.div(hdev.reduce((x, y) => F.max(x, y)), F.fromNumber(5e-5))), rhs: F.fromNumber(1) };
};

export const catalogueWitness = defineProperty<null>({
  id: 'SKD-NONEQUIV/catalogue-witness',
  claim: 'SKD-NONEQUIV',
  title: "the catalogue's example (p = (0.7, 0.2, 0.1), T = 2): the printed vectors and entropies, to their last printed digit",
  relation: 'le',
  arbitrary: fc.constant(null),
  budgetShare: 0.001,
  sides: (F) => witnessSides(false)(F),
  controls: [{ id: 'SKD-NONEQUIV/catalogue-witness~swapped', description: "the power values attributed to mixing and vice versa", sides: (F) => witnessSides(true)(F) }],
});

// ---------------------------------------------------------------- SKD-EQUIV
interface EquivInstance {
  w: number[];
  T: number;
  theta: number;
}
const equivArb: fc.Arbitrary<EquivInstance> = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({ w: positiveWeights(n), T: fc.oneof(gridReal(1, 20, 2), fc.constant(2)), theta: gridReal(-10, 10, 2) }),
);
const uniqueTop = (w: number[]) => w.filter((x) => x === Math.max(...w)).length === 1;

/** The top-1 capacity student q_θ(y) ∝ exp(θ·1[y = argmax]) with top mass m: (m, (1 − m)/(V − 1), …). */
const student = <T>(F: Field<T>, V: number, top: number, m: T) => Array.from({ length: V }, (_, y) => (y === top ? m : F.div(F.sub(F.fromNumber(1), m), F.fromNumber(V - 1))));
const studentOfTheta = <T>(F: Field<T>, V: number, top: number, theta: T) => {
  const e = F.exp(theta);
  return student(F, V, top, F.div(e, F.add(e, F.fromNumber(V - 1))));
};
/** Moment matching: θ* = log(m(V − 1)/(1 − m)) gives the top mass m. */
const thetaStar = <T>(F: Field<T>, V: number, m: T, dropV = false) => F.log(F.div(F.mul(m, F.fromNumber(dropV ? 1 : V - 1)), F.sub(F.fromNumber(1), m)));

const momentSides = (dropV: boolean) => <T>(F: Field<T>, i: EquivInstance) => {
  const r = power.apply(F, i.w, i.T);
  const top = i.w.indexOf(Math.max(...i.w)), V = i.w.length;
  const best = studentOfTheta(F, V, top, thetaStar(F, V, r[top], dropV));
  return { lhs: klOf(F, r, best), rhs: klOf(F, r, studentOfTheta(F, V, top, F.fromNumber(i.theta))) };
};

export const momentMatching = defineProperty<EquivInstance>({
  id: 'SKD-EQUIV/moment-matching',
  claim: 'SKD-EQUIV',
  title: 'top-1 capacity student: argmin_θ KL(r‖q_θ) matches the top mass, θ* = log(m(V−1)/(1−m)); no θ does better',
  relation: 'le',
  arbitrary: equivArb,
  establish: (i) => ({ hypotheses: [{ name: 'a unique argmax (the capacity feature 1[y = argmax p] is well defined)', established: uniqueTop(i.w) }], derived: undefined }),
  sides: momentSides(false),
  controls: [{ id: 'SKD-EQUIV/moment-matching~without-v-minus-1', description: 'θ* = log(m/(1 − m)), the factor V − 1 dropped', sides: momentSides(true) }],
});

/** Mixing at T′ = (p_max − 1/V)/(m − 1/V) has the power family's top mass m at T, so the fitted students coincide. */
const remapSides = (sameT: boolean) => <T>(F: Field<T>, i: EquivInstance) => {
  const V = i.w.length, top = i.w.indexOf(Math.max(...i.w));
  const m = power.apply(F, i.w, i.T)[top];
  const pmax = normalise(F, i.w)[top], u = F.div(F.fromNumber(1), F.fromNumber(V));
  const tPrime = sameT ? F.fromNumber(i.T) : F.div(F.sub(pmax, u), F.sub(m, u));
  // mixing's top mass at T′: p_max/T′ + (1 − 1/T′)/V
  const mMix = F.add(F.div(pmax, tPrime), F.mul(F.sub(F.fromNumber(1), F.div(F.fromNumber(1), tPrime)), u));
  return { lhs: l1(F, student(F, V, top, m), student(F, V, top, mMix)), rhs: F.fromNumber(0) };
};

export const temperatureRemap = defineProperty<EquivInstance>({
  id: 'SKD-EQUIV/temperature-remap',
  claim: 'SKD-EQUIV',
  title: "power at T and mixing at T′ = (p_max − 1/V)/(m − 1/V) give the same top-1 student (T′ depends on p)",
  relation: 'eq',
  arbitrary: equivArb,
  establish: (i) => ({ hypotheses: [{ name: 'a unique argmax and T > 1 (so m < p_max and T′ is finite)', established: uniqueTop(i.w) && i.T > 1 }], derived: undefined }),
  sides: remapSides(false),
  controls: [{ id: 'SKD-EQUIV/temperature-remap~same-temperature', description: 'mixing at the same temperature T', sides: remapSides(true) }],
});

/** The catalogue's worked example: p = (0.7, 0.2, 0.1), power at T = 2 has top mass 0.52288; mixing matches it at T′ = 1.93445 (ε = 0.48306). */
const remapExample = (tPrimePrinted: number) => <T>(F: Field<T>) => {
  const w = [0.7, 0.2, 0.1], V = 3;
  const m = power.apply(F, w, 2)[0], pmax = normalise(F, w)[0], u = F.div(F.fromNumber(1), F.fromNumber(V));
  const tPrime = F.div(F.sub(pmax, u), F.sub(m, u));
  const eps = F.sub(F.fromNumber(1), F.div(F.fromNumber(1), tPrime));
  return {
    lhs: F.max(F.max(F.abs(F.sub(m, F.fromNumber(0.52288))), F.abs(F.sub(tPrime, F.fromNumber(tPrimePrinted)))), F.abs(F.sub(eps, F.fromNumber(0.48306)))),
    rhs: F.fromNumber(5e-6),
  };
};

export const remapCatalogue = defineProperty<null>({
  id: 'SKD-EQUIV/catalogue-example',
  claim: 'SKD-EQUIV',
  title: "the catalogue's example: power at T = 2 on (0.7, 0.2, 0.1) has top mass 0.52288, matched by mixing at T′ = 1.93445 (ε = 0.48306)",
  relation: 'le',
  arbitrary: fc.constant(null),
  budgetShare: 0.001,
  sides: (F) => remapExample(1.93445)(F),
  controls: [{ id: 'SKD-EQUIV/catalogue-example~same-temperature', description: 'T′ = T = 2 claimed', sides: (F) => remapExample(2)(F) }],
});

// ---------------------------------------------------------------- SKD-CONV-1N
/**
 * The power path p_b ∝ p_0^b with the inverse temperature linear in t, b(t) = 1 + t(1/T1 − 1) (the
 * parametrisation that reproduces the catalogue's numbers; T linear in t gives a different limit),
 * is an exponential family with
 * sufficient statistic log p_0 and log-partition A(b). A stage KL is a Bregman divergence of A:
 *   KL(p_{b_{k−1}} ‖ p_{b_k}) = ½A″(b_{k−1})Δb_k² + R_k,  |R_k| ≤ sup|A‴|·|Δb_k|³/6,
 * with A″ = Var(log p_0) and |A‴| = |κ₃(log p_0)| ≤ R³/4 (R the range of log p_0). Hence
 * n·Σ_k KL_k = n·Σ_k ½A″(b_{k−1})Δb_k² + O(1/n): a Riemann sum of ½ the Fisher path energy.
 */
interface PathInstance {
  w: number[];
  T1: number;
  n: number;
}
const pathArb: fc.Arbitrary<PathInstance> = fc.integer({ min: 2, max: 5 }).chain((V) =>
  fc.record({ w: positiveWeights(V), T1: fc.constantFrom(2, 5, 10), n: fc.constantFrom(1, 4, 16, 64) }),
);

const exponentAt = (i: PathInstance, n: number, k: number) => 1 + (k / n) * (1 / i.T1 - 1);

/** Σ_k KL(p_{b_{k−1}} ‖ p_{b_k}) over n uniform stages in t (times n when asked). */
const stageSum = <T>(F: Field<T>, i: PathInstance, n: number, times = false): T => {
  const at = (k: number) => powerByExponent(F, i.w, exponentAt(i, n, k));
  let prev = at(0), acc = F.fromNumber(0);
  for (let k = 1; k <= n; k++) {
    const next = at(k);
    acc = F.add(acc, klOf(F, prev, next));
    prev = next;
  }
  return times ? F.mul(F.fromNumber(n), acc) : acc;
};

type FisherVariant = 'exact' | 'no-half' | 'linear-step';
const fisherSides = (variant: FisherVariant) => <T>(F: Field<T>, i: PathInstance) => {
  const logp = normalise(F, i.w).map((x) => F.log(x));
  const range = F.sub(logp.reduce((a, b) => F.max(a, b)), logp.reduce((a, b) => F.min(a, b)));
  const kappa3 = F.div(F.mul(range, F.square(range)), F.fromNumber(4));
  let riemann = F.fromNumber(0), remainder = F.fromNumber(0);
  for (let k = 1; k <= i.n; k++) {
    const b0 = exponentAt(i, i.n, k - 1);
    const db = F.sub(F.fromNumber(exponentAt(i, i.n, k)), F.fromNumber(b0));
    const fisher = weightedVariance(F, powerByExponent(F, i.w, b0), logp);
    const step = variant === 'linear-step' ? F.abs(db) : F.square(db);
    riemann = F.add(riemann, F.mul(F.mul(fisher, step), F.fromNumber(variant === 'no-half' ? 1 : 0.5)));
    remainder = F.add(remainder, F.div(F.mul(kappa3, F.abs(F.mul(db, F.square(db)))), F.fromNumber(6)));
  }
  const n = F.fromNumber(i.n);
  return { lhs: F.abs(F.sub(stageSum(F, i, i.n, true), F.mul(n, riemann))), rhs: F.mul(n, remainder) };
};

export const convergence = defineProperty<PathInstance>({
  id: 'SKD-CONV-1N/stage-sum-fisher',
  claim: 'SKD-CONV-1N',
  title: 'n·Σ_k KL(stage k) is within n·Σ_k |κ₃|max·|Δb_k|³/6 = O(1/n) of the Riemann sum n·Σ_k ½ Var_{p_{b_{k−1}}}(log p_0)·Δb_k² of ½ the Fisher path energy',
  relation: 'le',
  arbitrary: pathArb,
  sides: fisherSides('exact'),
  // uniform p_0: every softened law is uniform, every stage KL and the variance of log p_0 are 0
  degenerate: (i) => (i.w.every((x) => x === i.w[0]) ? 'uniform p_0: both sides are 0 by construction' : null),
  classify: (i) => [`V:${i.w.length}`, `T1:${i.T1}`, `n:${i.n}`],
  controls: [
    { id: 'SKD-CONV-1N/stage-sum-fisher~no-half', description: 'the Fisher term without the ½', sides: fisherSides('no-half') },
    { id: 'SKD-CONV-1N/stage-sum-fisher~linear-step', description: '|Δb| in place of Δb²', sides: fisherSides('linear-step') },
    {
      id: 'SKD-CONV-1N/stage-sum-fisher~endpoint-by-stages',
      description: 'the flagged form: the teacher-to-final-student KL(p_0‖p_1) bounded by the summed stage KLs, which shrink as O(1/n)',
      sides: (F, i) => ({ lhs: klOf(F, power.apply(F, i.w, 1), power.apply(F, i.w, i.T1)), rhs: stageSum(F, i, Math.max(i.n, 16)) }),
    },
  ],
});

/** The catalogue's numbers for p_0 = (0.6, 0.25, 0.1, 0.05), T from 1 to 5, to the four decimals it prints. */
const CATALOGUE_PATH = { w: [0.6, 0.25, 0.1, 0.05], T1: 5, values: [[1, 0.2177], [2, 0.2271], [8, 0.2337], [64, 0.2356], [256, 0.2358]] as const };
const pathNumbers = (scale: number) => <T>(F: Field<T>) => ({
  lhs: CATALOGUE_PATH.values.map(([n, v]) => F.abs(F.sub(stageSum(F, { w: CATALOGUE_PATH.w, T1: CATALOGUE_PATH.T1, n }, n * scale, true), F.fromNumber(v)))).reduce((a, b) => F.max(a, b)),
  rhs: F.fromNumber(5e-5),
});

export const pathExample = defineProperty<null>({
  id: 'SKD-CONV-1N/catalogue-path',
  claim: 'SKD-CONV-1N',
  title: "the catalogue's path example (b = 1/T linear from 1 to 1/5): n·Σ KL = 0.2177, 0.2271, 0.2337, 0.2356, 0.2358 for n = 1, 2, 8, 64, 256, to the printed digits",
  relation: 'le',
  arbitrary: fc.constant(null),
  budgetShare: 0.001,
  sides: (F) => pathNumbers(1)(F),
  controls: [{ id: 'SKD-CONV-1N/catalogue-path~n-doubled', description: 'the printed values attributed to twice as many stages', sides: (F) => pathNumbers(2)(F) }],
});

export const properties = [eqPower, topk, bvSquaredLoss, bvKlLoss, bvVarianceTerm, nonEquivalent, catalogueWitness, momentMatching, temperatureRemap, remapCatalogue, convergence, pathExample, uniformOverOperators, blackBox];
