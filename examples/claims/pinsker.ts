/**
 * A claims file: verify your own inequality with kd-verify, without forking it.
 *
 *   npx kdverify run --claims-file examples/claims/pinsker.ts --claims 'USER-*'
 *
 * Two claims about total variation and KL on random pairs of finite distributions:
 * Pinsker's inequality (true) and the same bound without the square root (false: it fails for
 * nearby distributions, where KL ≈ 2·TV²). kd-verify certifies the first and refutes the second
 * with a shrunk counterexample that `kdverify replay` reproduces.
 */
import { defineClaim, defineProperty, dist, fc, kl, l1, normalise, sameDistribution, weightPairOf, type Field, type WeightPair } from 'kd-verify';

/** Random pairs (q, p) of weight vectors on 2–6 atoms: equal, perturbed, disjoint, with zeros, … */
const pairs: fc.Arbitrary<WeightPair> = fc.integer({ min: 2, max: 6 }).chain((n) => weightPairOf(n));

/** TV(q, p) = ½‖q − p‖₁, computed in whatever arithmetic context F the engine chooses. */
const tv = <T>(F: Field<T>, x: WeightPair): T => F.div(l1(F, normalise(F, x.q), normalise(F, x.p)), F.fromNumber(2));
const klOf = <T>(F: Field<T>, x: WeightPair): T => kl(F, dist(x.q), dist(x.p));

export const claims = [
  defineClaim({
    id: 'USER-PINSKER',
    title: "Pinsker's inequality",
    statement: 'TV(q, p) ≤ √(KL(q‖p)/2)',
    source: 'Pinsker (1964); Csiszár, Kemperman, Kullback (constant ½)',
    properties: [
      defineProperty<WeightPair>({
        id: 'USER-PINSKER/random-pairs',
        claim: 'USER-PINSKER',
        title: 'TV(q, p) ≤ √(KL(q‖p)/2) on random pairs',
        relation: 'le',
        arbitrary: pairs,
        sides: (F, x) => ({ lhs: tv(F, x), rhs: F.sqrt(F.div(klOf(F, x), F.fromNumber(2))) }),
        // q = p: both sides are 0, which enclosures alone cannot certify; checked as an identity, never evidence of sharpness
        degenerate: (x) => (sameDistribution(x.q, x.p) ? 'q = p: TV = KL = 0' : null),
        // weights of 5e-324 beside 1e300 make TV and KL as small as 1e-300, differences of masses
        // near 1: comparing them takes about 330 digits
        maxDigits: 700,
        classify: (x) => [`pair:${x.relation}`],
        controls: [
          // a planted wrong constant: the generator must refute it
          { id: 'USER-PINSKER/random-pairs~quarter', description: '√(KL/4) in place of √(KL/2)', sides: (F, x) => ({ lhs: tv(F, x), rhs: F.sqrt(F.div(klOf(F, x), F.fromNumber(4))) }) },
        ],
      }),
    ],
  }),
  defineClaim({
    id: 'USER-PINSKER-NO-ROOT',
    title: 'Pinsker without the square root (false)',
    statement: 'TV(q, p) ≤ KL(q‖p)/2',
    properties: [
      defineProperty<WeightPair>({
        id: 'USER-PINSKER-NO-ROOT/random-pairs',
        claim: 'USER-PINSKER-NO-ROOT',
        title: 'TV(q, p) ≤ KL(q‖p)/2 on random pairs',
        relation: 'le',
        arbitrary: pairs,
        sides: (F, x) => ({ lhs: tv(F, x), rhs: F.div(klOf(F, x), F.fromNumber(2)) }),
        controls: [],
      }),
    ],
  }),
];
