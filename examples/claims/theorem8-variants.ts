/**
 * Theorem 8 of Li & He (the distillation bound gen_S ≤ gen_T + σ√(2K_n), App. eq. (12)) and
 * variants of it, stated only with kd-verify's public API, as a user would in their own project:
 *
 *   npx kdverify run --claims-file theorem8-variants.ts
 *
 * - USER-T8: the theorem as stated, on exactly enumerated KD worlds (random worlds and worlds near
 *   the teacher, where K_n is small and the bound comes close), σ² the certified best sub-Gaussian
 *   proxy of h(D_n, f_T) under Δ; the same bound with Prop. 9's stability proxy for a deterministic
 *   ERM teacher; and the lower side gen_S ≥ gen_T − σ√(2K_n) (a `ge` relation). All hold.
 * - USER-T8-HALF: the same with the constant σ√(K_n/2) (four times smaller under the root): false,
 *   and kd-verify finds a world where gen_S exceeds it.
 */
import {
  defineClaim,
  defineProperty,
  distillationQuantities,
  ermWorldArb,
  establishBoundedLoss,
  establishWorld,
  gammaEqualsDelta,
  hRange,
  isPosInfinity,
  stabilityProxy2,
  uniformStability,
  worldArb,
  worldLaws,
  type Established,
  type Field,
  type WorldDerived,
  type WorldInstance,
  type WorldSpec,
} from 'kd-verify';

/** σ in F for a world: a function of what `establish` derived. */
type Sigma<D> = <T>(F: Field<T>, d: D) => T;

/** The certified best proxy σ² of h under Δ (an exact decimal upper end), so σ = √σ². */
const bestSigma: Sigma<WorldDerived> = (F, d) => F.sqrt(F.fromString(d.proxy.sigma2));

/** Prop. 9: σ² = n·c²/4 with c = 2β + (b − a)/n, β the exact uniform stability of the ERM teacher. */
const stabilitySigma: Sigma<{ world: WorldSpec }> = (F, d) => F.sqrt(stabilityProxy2(F, d.world, uniformStability(F, d.world, { kind: 'erm' })));

/**
 * gen_S ≤ gen_T + σ√(c·K_n) (side 'upper') or gen_S ≥ gen_T − σ√(c·K_n) (side 'lower') as the two
 * sides of the relation. `base` is gen_T, so the report measures the room the divergence term
 * leaves; `trivial` is the range of h over what the student can output (a bound beyond it says
 * nothing: vacuous); +∞ when K_n = +∞ (Γ not ≪ Δ).
 */
const bound = <D extends { world: WorldSpec }>(sigma: Sigma<D>, c: number, side: 'upper' | 'lower' = 'upper') =>
  <T>(F: Field<T>, _instance: WorldInstance, d: D) => {
    const L = worldLaws(F, d.world);
    const { genS, genT, Kn } = distillationQuantities(F, L);
    const range = hRange(F, L, d.world, d.world.student);
    const width = isPosInfinity(F, Kn) ? F.fromNumber(Infinity) : F.mul(sigma(F, d), F.sqrt(F.mul(F.fromNumber(c), Kn)));
    return side === 'upper'
      ? { lhs: genS, rhs: F.add(genT, width), base: genT, trivial: range.hi }
      : { lhs: genS, rhs: F.sub(genT, width), base: genT, trivial: range.lo };
  };

/** K_n = 0 because Γ = Δ: the bound reads gen_S ≤ gen_T = gen_S, an identity that says nothing about sharpness. */
const degenerate = (_i: WorldInstance, d: { world: WorldSpec }) => gammaEqualsDelta(d.world);

/** Prop. 9's hypotheses: a bounded loss and a deterministic teacher (the stability proxy replaces the best one). */
const establishStability = (inst: WorldInstance): Established<{ world: WorldSpec }> => {
  const e = establishBoundedLoss(inst);
  return { ...e, hypotheses: [...e.hypotheses, { name: 'the teacher is a deterministic ERM (Prop. 9 applies)', established: inst.world.teacher.kind === 'erm' }] };
};

export const claims = [
  defineClaim({
    id: 'USER-T8',
    title: 'Theorem 8: gen_S ≤ gen_T + σ√(2K_n)',
    statement: 'if h(D_n, f_T) is σ²-sub-Gaussian under Δ, then gen_S ≤ gen_T + σ√(2K_n)',
    source: 'Li & He, App. Theorem 8, eq. (12)',
    hypotheses: ['bounded loss', 'h(D_n, f_T) σ²-sub-Gaussian under Δ'],
    properties: [
      defineProperty<WorldInstance, WorldDerived>({
        id: 'USER-T8/best-proxy',
        claim: 'USER-T8',
        title: 'σ² the certified best proxy of h under Δ',
        relation: 'le',
        arbitrary: worldArb(),
        establish: establishWorld,
        sides: bound(bestSigma, 2),
        degenerate,
        controls: [
          { id: 'USER-T8/best-proxy~no-divergence', description: 'the K_n term dropped: gen_S ≤ gen_T', sides: bound(bestSigma, 0) },
        ],
      }),
      defineProperty<WorldInstance, WorldDerived>({
        id: 'USER-T8/lower-side',
        claim: 'USER-T8',
        title: 'the lower side gen_S ≥ gen_T − σ√(2K_n) (Donsker–Varadhan with λ < 0)',
        relation: 'ge',
        arbitrary: worldArb(),
        establish: establishWorld,
        sides: bound(bestSigma, 2, 'lower'),
        degenerate,
        controls: [
          { id: 'USER-T8/lower-side~no-divergence', description: 'the K_n term dropped: gen_S ≥ gen_T', sides: bound(bestSigma, 0, 'lower') },
        ],
      }),
      defineProperty<WorldInstance, { world: WorldSpec }>({
        id: 'USER-T8/stability-proxy',
        claim: 'USER-T8',
        title: "σ from Prop. 9's uniform stability of a deterministic ERM teacher",
        relation: 'le',
        arbitrary: ermWorldArb,
        establish: establishStability,
        sides: bound(stabilitySigma, 2),
        degenerate,
        controls: [
          { id: 'USER-T8/stability-proxy~no-divergence', description: 'the K_n term dropped: gen_S ≤ gen_T', sides: bound(stabilitySigma, 0) },
        ],
      }),
    ],
  }),
  defineClaim({
    id: 'USER-T8-HALF',
    title: 'Theorem 8 with σ√(K_n/2) (false)',
    statement: 'gen_S ≤ gen_T + σ√(K_n/2), σ² the best proxy of h under Δ',
    properties: [
      defineProperty<WorldInstance, WorldDerived>({
        id: 'USER-T8-HALF/best-proxy',
        claim: 'USER-T8-HALF',
        title: 'σ√(K_n/2) in place of σ√(2K_n)',
        relation: 'le',
        arbitrary: worldArb(),
        establish: establishWorld,
        sides: bound(bestSigma, 0.5),
        degenerate,
        controls: [],
      }),
    ],
  }),
];
