import fc from 'fast-check';
import type { Field } from '../src/numerics/field.ts';
import { sum } from '../src/numerics/field.ts';
import { defineProperty } from '../src/engine/property.ts';
import { gridReal } from '../src/gen/reals.ts';
import { sharpWorldArb } from '../src/gen/sharp-world.ts';
import { lossConstants } from '../src/sharp/bounded-differences.ts';
import { sharpQuantities, type SharpWorld } from '../src/sharp/world.ts';

/**
 * KD-SH-ASSUMP: the constants every sharpness property uses are valid for the cosine loss on the
 * instance: (A1) ℓ ∈ [0, 2]; (A3) |ℓ(f; z) − ℓ(f′; z)| ≤ L‖f − f′‖ with L = ω·max‖x‖; (A4) the
 * gradient ∇ℓ(f; z) = ω sin(ω(fᵀx − y))·x is α-Lipschitz with α = ω²·max‖x‖². Checked on random
 * parameter pairs, including pairs at distance 10⁻⁶ (where the difference quotient nears the sup).
 */
interface PairInstance {
  world: SharpWorld;
  f: number[];
  step: number[];
  scale: number;
  j: number;
}

const pairArb: fc.Arbitrary<PairInstance> = sharpWorldArb.chain((world) =>
  fc.record({
    world: fc.constant(world),
    f: fc.array(gridReal(-3, 3, 2), { minLength: world.p, maxLength: world.p }),
    step: fc.array(gridReal(-1, 1, 2), { minLength: world.p, maxLength: world.p }),
    scale: fc.constantFrom(1, 1e-2, 1e-6),
    j: fc.integer({ min: 0, max: world.xs.length - 1 }),
  }),
);

const pairSides = (what: 'lipschitz' | 'smooth', factor = 1) => <T>(F: Field<T>, i: PairInstance) => {
  const q = sharpQuantities(F, i.world);
  const f = i.f.map((v) => F.fromNumber(v));
  const g = i.f.map((v, k) => F.add(F.fromNumber(v), F.mul(F.fromNumber(i.scale), F.fromNumber(i.step[k]))));
  const dist = F.mul(F.fromNumber(i.scale), F.sqrt(sum(F, i.step.map((s) => F.square(F.fromNumber(s))))));
  const bd = lossConstants(F, i.world);
  if (what === 'lipschitz') return { lhs: F.abs(F.sub(q.loss(f, i.j), q.loss(g, i.j))), rhs: F.mul(F.mul(F.fromNumber(factor), bd.L), dist) };
  // ‖∇ℓ(f) − ∇ℓ(g)‖ = ω|sin(ω r_f) − sin(ω r_g)|·‖x‖
  const x = i.world.xs[i.j], y = F.fromNumber(i.world.ys[i.j]), omega = F.fromNumber(i.world.omega);
  const s = (v: T[]) => F.sin(F.mul(omega, F.sub(sum(F, v.map((c, k) => F.mul(c, F.fromNumber(x[k])))), y)));
  const gradDiff = F.mul(F.mul(omega, F.abs(F.sub(s(f), s(g)))), F.sqrt(q.norm2[i.j]));
  return { lhs: gradDiff, rhs: F.mul(F.mul(F.fromNumber(factor), bd.alpha), dist) };
};

const classify = (i: PairInstance) => [`scale:${i.scale}`, `p:${i.world.p}`];

export const lipschitz = defineProperty<PairInstance>({
  id: 'KD-SH-ASSUMP/lipschitz',
  claim: 'KD-SH-ASSUMP',
  title: '(A3) |ℓ(f; z) − ℓ(f′; z)| ≤ L‖f − f′‖ with L = ω·max‖x‖ (the constant of Lemma 13)',
  relation: 'le',
  arbitrary: pairArb,
  sides: pairSides('lipschitz'),
  classify,
  controls: [{ id: 'KD-SH-ASSUMP/lipschitz~three-quarters', description: '¾L in place of L', sides: pairSides('lipschitz', 0.75) }],
});

export const smooth = defineProperty<PairInstance>({
  id: 'KD-SH-ASSUMP/smoothness',
  claim: 'KD-SH-ASSUMP',
  title: '(A4) ‖∇ℓ(f; z) − ∇ℓ(f′; z)‖ ≤ α‖f − f′‖ with α = ω²·max‖x‖² (the constant of Lemmas 14–16)',
  relation: 'le',
  arbitrary: pairArb,
  seedKey: 'KD-SH-ASSUMP/lipschitz',
  sides: pairSides('smooth'),
  classify,
  controls: [{ id: 'KD-SH-ASSUMP/smoothness~three-quarters', description: '¾α in place of α', sides: pairSides('smooth', 0.75) }],
});

export const properties = [lipschitz, smooth];
