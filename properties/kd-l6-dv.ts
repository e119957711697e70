import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { absolutelyContinuous, dist, type FiniteDist } from '../src/prob/distribution.ts';
import { kl } from '../src/prob/divergence.ts';
import { dvFunctional, expectation, logDensityRatio, logExpectationExp } from '../src/prob/donsker-varadhan.ts';
import { atomCount } from '../src/gen/weights.ts';
import { weightPairOf, type WeightPair } from '../src/gen/pairs.ts';
import { valuesOf } from '../src/gen/values.ts';
import { sameDistribution } from '../src/kd/degenerate.ts';

/**
 * KD-L6-DV (App. Lemma 6, eq. (10)): for Q ≪ P and E_P e^g < ∞,
 *   E_Q[g] ≤ KL(Q‖P) + log E_P[e^g],
 * with equality at g = log dQ/dP + c, so KL(Q‖P) = sup_g (E_Q g − log E_P e^g).
 */

/** g on the atoms: explicit values, or log dQ/dP + c, or that plus a small perturbation. */
type GSpec =
  | { kind: 'values'; values: number[] }
  | { kind: 'log-ratio'; c: number }
  | { kind: 'near-log-ratio'; c: number; eps: number; direction: number[] };

interface DVInstance {
  pair: WeightPair;
  g: GSpec;
}

const gOf = (n: number): fc.Arbitrary<GSpec> =>
  fc.oneof(
    { weight: 3, arbitrary: valuesOf(n).map(({ values }) => ({ kind: 'values' as const, values })) },
    { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }).map((c) => ({ kind: 'log-ratio' as const, c })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom(1e-3, 1e-8, 1e-15), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }))
        .map(([c, eps, direction]) => ({ kind: 'near-log-ratio' as const, c, eps, direction })),
    },
  );

const instanceArb: fc.Arbitrary<DVInstance> = atomCount(30).chain((n) => fc.record({ pair: weightPairOf(n), g: gOf(n) }));

/** Only pairs with Q ≪ P: the lemma's hypothesis, made to hold by the generator. */
const acInstanceArb: fc.Arbitrary<{ pair: WeightPair; c: number }> = atomCount(30).chain((n) =>
  fc.record({ pair: weightPairOf(n).filter((pr) => absolutelyContinuous(dist(pr.q), dist(pr.p))), c: fc.integer({ min: -3, max: 3 }) }),
);

function gValues<T>(F: Field<T>, inst: DVInstance): T[] {
  const q = dist(inst.pair.q), p = dist(inst.pair.p);
  const g = inst.g;
  if (g.kind === 'values') return g.values.map((x) => F.fromNumber(x));
  const base = logDensityRatio(F, q, p, F.fromNumber(g.c));
  if (g.kind === 'log-ratio') return base;
  return base.map((v, i) => F.add(v, F.mul(F.fromNumber(g.eps), F.fromNumber(g.direction[i]))));
}

const establishAC = (pair: WeightPair) => {
  const q = dist(pair.q), p = dist(pair.p);
  return { hypotheses: [{ name: 'Q ≪ P (supp Q ⊆ supp P)', established: absolutelyContinuous(q, p) }, { name: 'E_P e^g < ∞ (finite space)', established: true }], derived: { q, p } };
};

const classifyPair = (pair: WeightPair, gKind: string) => [`pair:${pair.relation}`, `weights:${pair.kinds[0]}`, `g:${gKind}`, pair.q.length === 1 ? 'atoms:1' : pair.q.length > 12 ? 'atoms:>12' : 'atoms:2-12'];

type Dists = { q: FiniteDist; p: FiniteDist };

/**
 * lhs = E_Q[g] (+ a planted offset); rhs from `rhs`, for the g of the instance. The base is
 * log E_P[e^g], so room used = (E_Q g − log E_P e^g)/KL(Q‖P): the share of KL the DV functional of g
 * reaches (1 at g = log dQ/dP + c; no room when Q = P).
 */
const dvSides = (rhs: <T>(F: Field<T>, d: Dists, g: T[]) => T, plant?: string, roomIsKl = false) =>
  <T>(F: Field<T>, inst: DVInstance, d: Dists) => {
    const g = gValues(F, inst);
    const lhs = expectation(F, d.q, g);
    const base = logExpectationExp(F, d.p, g);
    // Q = P as laws (decided exactly): KL(Q‖P) = 0, so the bound is its base itself. Returned as the
    // same value, the room is exactly 0 (no room) at once, instead of an enclosure of KL + L − L that
    // no precision separates from 0 (such instances climbed to the 700-digit ceiling).
    const same = roomIsKl && sameDistribution(inst.pair.q, inst.pair.p);
    return { lhs: plant ? F.add(lhs, F.fromString(plant)) : lhs, rhs: same ? base : rhs(F, d, g), base };
  };

/** Q = P and g constant on the support: E_Q g = c = log E_P e^c, every side is c (or 0 for the functional). */
const sameLawConstantG = (inst: DVInstance) => {
  if (!sameDistribution(inst.pair.q, inst.pair.p)) return null;
  const support = inst.pair.p.flatMap((w, i) => (w > 0 ? [i] : []));
  const g = inst.g;
  // on the support of Q = P the log-ratio is constant; a perturbation keeps it so only along a constant direction
  const varies = g.kind === 'values' ? g.values : g.kind === 'near-log-ratio' ? g.direction : null;
  const constant = varies === null || support.every((i) => varies[i] === varies[support[0]]);
  return constant ? 'Q = P and g constant on the support' : null;
};

/** g = log dQ/dP + c is the DV equality case: the bound is attained there by construction. */
const logRatioAttains = (inst: DVInstance) => (inst.g.kind === 'log-ratio' ? 'g = log dQ/dP + c: E_Q g = KL(Q‖P) + log E_P e^g (the DV equality)' : null);

const klPlusLogMgf = <T>(F: Field<T>, d: Dists, g: T[]) => F.add(kl(F, d.q, d.p), logExpectationExp(F, d.p, g));

export const dvInequality = defineProperty<DVInstance, Dists>({
  id: 'KD-L6-DV/inequality',
  claim: 'KD-L6-DV',
  title: 'E_Q[g] ≤ KL(Q‖P) + log E_P[e^g] for random g, including g = log dQ/dP + c and near it',
  relation: 'le',
  arbitrary: instanceArb,
  establish: (inst) => establishAC(inst.pair),
  sides: dvSides(klPlusLogMgf, undefined, true),
  // weights of 5e-324 beside 1e-12 give KL and DV values near 1e-312: resolving them takes ~330 digits
  maxDigits: 700,
  degenerate: sameLawConstantG,
  attains: logRatioAttains,
  headline: true,
  classify: (inst) => classifyPair(inst.pair, inst.g.kind),
  controls: [
    {
      id: 'KD-L6-DV/inequality~swapped-kl',
      description: 'KL arguments swapped: E_Q[g] ≤ KL(P‖Q) + log E_P[e^g]',
      sides: dvSides((F, d, g) => F.add(kl(F, d.p, d.q), logExpectationExp(F, d.p, g))),
    },
    {
      id: 'KD-L6-DV/inequality~dropped-kl',
      description: 'KL term dropped: E_Q[g] ≤ log E_P[e^g]',
      sides: dvSides((F, d, g) => logExpectationExp(F, d.p, g)),
    },
    {
      id: 'KD-L6-DV/inequality~half-kl',
      description: 'a factor ½ on the KL term',
      sides: dvSides((F, d, g) => F.add(F.div(kl(F, d.q, d.p), F.fromNumber(2)), logExpectationExp(F, d.p, g))),
    },
    {
      id: 'KD-L6-DV/inequality~jensen-wrong-way',
      description: 'log E_P[e^g] replaced by E_P[g] (Jensen applied in the wrong direction)',
      sides: dvSides((F, d, g) => F.add(kl(F, d.q, d.p), expectation(F, d.p, g))),
    },
    {
      id: 'KD-L6-DV/inequality~planted-1e-30',
      description: 'the left side raised by 1e-30: refutable only at the equality case, and only with more than 30 correct digits',
      sides: dvSides(klPlusLogMgf, '1e-30'),
    },
  ],
});

export const dvEquality = defineProperty<{ pair: WeightPair; c: number }, { q: FiniteDist; p: FiniteDist }>({
  id: 'KD-L6-DV/equality-at-log-ratio',
  claim: 'KD-L6-DV',
  title: 'equality E_Q[g] = KL(Q‖P) + log E_P[e^g] at g = log dQ/dP + c',
  relation: 'eq',
  arbitrary: acInstanceArb,
  establish: (inst) => establishAC(inst.pair),
  // Q = P: g is the constant c and both sides are c, whatever the formula of KL
  degenerate: (inst) => (sameDistribution(inst.pair.q, inst.pair.p) ? 'Q = P: g ≡ c, both sides equal c' : null),
  sides: (F, inst, { q, p }) => {
    const g = logDensityRatio(F, q, p, F.fromNumber(inst.c));
    return { lhs: expectation(F, q, g), rhs: F.add(kl(F, q, p), logExpectationExp(F, p, g)) };
  },
  classify: (inst) => classifyPair(inst.pair, 'log-ratio'),
  controls: [
    {
      id: 'KD-L6-DV/equality-at-log-ratio~doubled-ratio',
      description: 'equality claimed at g = 2·log dQ/dP',
      sides: (F, inst, { q, p }) => {
        const g = logDensityRatio(F, q, p, F.fromNumber(inst.c)).map((v) => F.mul(F.fromNumber(2), v));
        return { lhs: expectation(F, q, g), rhs: F.add(kl(F, q, p), logExpectationExp(F, p, g)) };
      },
    },
    {
      id: 'KD-L6-DV/equality-at-log-ratio~swapped-kl',
      description: 'equality claimed with KL(P‖Q) in place of KL(Q‖P)',
      sides: (F, inst, { q, p }) => {
        const g = logDensityRatio(F, q, p, F.fromNumber(inst.c));
        return { lhs: expectation(F, q, g), rhs: F.add(kl(F, p, q), logExpectationExp(F, p, g)) };
      },
    },
  ],
});

export const dvVariational = defineProperty<DVInstance, { q: FiniteDist; p: FiniteDist }>({
  id: 'KD-L6-DV/variational-sup',
  claim: 'KD-L6-DV',
  title: 'the DV functional E_Q g − log E_P e^g is maximised at g* = log dQ/dP (its value there is KL, see equality-at-log-ratio)',
  relation: 'le',
  arbitrary: instanceArb,
  establish: (inst) => establishAC(inst.pair),
  // room used = DV(g)/DV(g*) = DV(g)/KL(Q‖P); no room when Q = P
  sides: (F, inst, { q, p }) => ({
    lhs: dvFunctional(F, q, p, gValues(F, inst)),
    rhs: dvFunctional(F, q, p, logDensityRatio(F, q, p, F.fromNumber(0))),
  }),
  maxDigits: 700,
  degenerate: sameLawConstantG,
  attains: logRatioAttains,
  classify: (inst) => classifyPair(inst.pair, inst.g.kind),
  controls: [
    {
      id: 'KD-L6-DV/variational-sup~half-log-ratio',
      description: 'maximiser claimed at ½·log dQ/dP',
      sides: (F, inst, { q, p }) => ({
        lhs: dvFunctional(F, q, p, gValues(F, inst)),
        rhs: dvFunctional(F, q, p, logDensityRatio(F, q, p, F.fromNumber(0)).map((v) => F.div(v, F.fromNumber(2)))),
      }),
    },
  ],
});

export const properties = [dvInequality, dvEquality, dvVariational];
