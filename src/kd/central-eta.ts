import type { Field } from '../numerics/field.ts';
import { doubleField } from '../numerics/double-field.ts';
import { logMeanExp } from '../prob/moments.ts';
import { distillationQuantities, worldLaws } from './processes.ts';
import { lawOf } from './proxy.ts';
import type { WorldSpec } from './world.ts';

/**
 * Choices of η for Theorem 10, gen_S ≥ c*(η)·gen_T − K_n/η, which holds for every η > 0. With the
 * best constant the bound is B(η) = −(Λ(η) + K_n)/η, Λ(η) = log E_Δ e^{−ηh} (Donsker–Varadhan at
 * g = −ηh), and the room it uses is 1 − KL(Γ‖Q_η)/K_n, Q_η ∝ e^{−ηh}·Δ the exponential tilt of Δ
 * along h. So:
 * - the bound is largest where the line from (0, −K_n) touches the convex Λ (B is unimodal in η);
 * - the room is largest where Q_η has Γ's mean of h (E_{Q_η} h = gen_S); there it equals
 *   KL(Q_η‖Δ)/K_n, the share of K_n that lies along h (Pythagoras for the I-projection), and it
 *   is 1 exactly when Γ itself is a tilt of Δ along h.
 * The first two are doubles found numerically (any double is a valid instance); the third is exact.
 */

interface DoubleWorld {
  w: number[];
  x: number[];
  genT: number;
  genS: number;
  Kn: number;
}

function inDoubles(world: WorldSpec): DoubleWorld {
  const L = worldLaws(doubleField, world);
  const q = distillationQuantities(doubleField, L);
  const { w, x } = lawOf(L.delta, L.kf, L.h);
  return { w, x, ...q };
}

/**
 * Λ(η) = log E_Δ e^{−ηh} in doubles: as log1p of the mean of expm1(−ηh) while every ηh is small
 * (where log of a sum near 1 would round Λ to 0 and lose its sign), shifted by the largest term
 * otherwise.
 */
function lambda(d: DoubleWorld, eta: number): number {
  const u = d.x.map((v) => -eta * v);
  if (Math.max(...u.map(Math.abs)) >= 1) return logMeanExp(doubleField, d.w, u);
  let s = 0, W = 0;
  d.w.forEach((p, i) => {
    s += p * Math.expm1(u[i]);
    W += p;
  });
  return Math.log1p(s / W);
}

/**
 * The range of log η searched: η·(max h − min h) from 1e-12 to 200, and c*(η) > 0. Beyond 200
 * the tilt weighs atoms by less than e^−200 and the bound approaches its limit min h by amounts
 * too small to certify (an η of 1e17 leaves margins of e^−1e16).
 */
export function etaInRange(world: WorldSpec, eta: number): boolean {
  const [lo, hi] = logEtaRange(inDoubles(world));
  return Math.log(eta) >= lo && Math.log(eta) <= hi;
}

function logEtaRange(d: DoubleWorld): [number, number] {
  const spread = Math.max(...d.x) - Math.min(...d.x);
  const s = spread > 0 && Number.isFinite(spread) ? Math.log(spread) : 0;
  const lo = Math.log(1e-12) - s;
  let hi = Math.log(200) - s;
  // Def. 2 asks c > 0: c*(η) > 0 exactly while Λ(η) < 0, on (0, η₀) (Λ convex, Λ(0) = 0,
  // Λ′(0) = −gen_T < 0); up to η₀/2, where c*(η) > 0 with room to certify it
  if (lambda(d, Math.exp(hi)) >= 0) {
    let a = lo, b = hi;
    for (let i = 0; i < 100; i++) {
      const mid = (a + b) / 2;
      if (lambda(d, Math.exp(mid)) < 0) a = mid;
      else b = mid;
    }
    hi = Math.min(hi, a - Math.LN2);
  }
  return [lo, hi];
}

/** η₀ > 0 with log E_Δ e^{−η₀h} = 0, where c*(η) reaches 0 (+∞ when h ≥ 0 under Δ, or not found in doubles). */
export function centralRoot(world: WorldSpec): number {
  const d = inDoubles(world);
  if (!(Math.min(...d.x) < 0)) return Infinity;
  let a = -60, b = 60;
  if (!(lambda(d, Math.exp(b)) >= 0)) return Infinity;
  for (let i = 0; i < 100; i++) {
    const mid = (a + b) / 2;
    if (lambda(d, Math.exp(mid)) < 0) a = mid;
    else b = mid;
  }
  return Math.exp(b);
}

/** The largest η searched (η₀/2, or 200/(max h − min h)): for a fallback or a multiple that would pass it. */
export function etaCap(world: WorldSpec): number {
  return Math.exp(logEtaRange(inDoubles(world))[1]);
}

/** Golden-section search for the maximum of a unimodal f on [lo, hi]. */
function goldenMax(f: (u: number) => number, lo: number, hi: number, steps = 120): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo, b = hi;
  let c = b - r * (b - a), d = a + r * (b - a), fc = f(c), fd = f(d);
  for (let i = 0; i < steps; i++) {
    if (fc >= fd) {
      b = d; d = c; fd = fc; c = b - r * (b - a); fc = f(c);
    } else {
      a = c; c = d; fc = fd; d = a + r * (b - a); fd = f(d);
    }
  }
  return (a + b) / 2;
}

const positiveDouble = (x: number) => (Number.isFinite(x) && x > 0 ? x : NaN);

/** The η maximising c*(η)·gen_T − K_n/η over the range searched (NaN when K_n is 0, infinite or not resolved in doubles). */
export function bestBoundEta(world: WorldSpec): number {
  const d = inDoubles(world);
  if (!(d.Kn > 0 && Number.isFinite(d.Kn))) return NaN;
  const bound = (u: number) => {
    const eta = Math.exp(u);
    const b = -(lambda(d, eta) + d.Kn) / eta;
    return Number.isFinite(b) ? b : -Infinity;
  };
  const [lo, hi] = logEtaRange(d);
  return positiveDouble(Math.exp(goldenMax(bound, lo, hi)));
}

/**
 * The η where the tilt Q_η has Γ's mean of h, E_{Q_η} h = gen_S, which maximises the room used
 * (the end of the range searched when it lies beyond); NaN when there is no drop (gen_S ≥ gen_T)
 * or it is not resolved in doubles.
 */
export function bestRoomEta(world: WorldSpec): number {
  const d = inDoubles(world);
  if (!(d.Kn > 0 && Number.isFinite(d.Kn) && d.genS < d.genT)) return NaN;
  // E_{Q_η} h = −Λ'(η) decreases from gen_T: bisection on log η
  const tiltMean = (eta: number) => {
    const shift = Math.max(...d.x.map((v) => -eta * v));
    let s = 0, t = 0;
    d.w.forEach((p, i) => {
      const e = p * Math.exp(-eta * d.x[i] - shift);
      s += e;
      t += e * d.x[i];
    });
    return t / s;
  };
  let [lo, hi] = logEtaRange(d);
  // the room increases up to its maximiser: past the range, the range's end
  if (!(tiltMean(Math.exp(hi)) < d.genS)) return positiveDouble(Math.exp(hi));
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (tiltMean(Math.exp(mid)) > d.genS) lo = mid;
    else hi = mid;
  }
  return positiveDouble(Math.exp((lo + hi) / 2));
}

/**
 * Worlds where Δ has exactly two atoms and Γ charges the same two: Γ is then the tilt of Δ along
 * h with η = log(Δ_a·Γ_b / (Γ_a·Δ_b)) / (h_a − h_b), computed here in F (an enclosure of the
 * exact η in interval contexts). Null when the supports are not of that form (decided
 * structurally from the sparse laws); the sign of η and h_a ≠ h_b are for the caller to certify.
 */
export function twoAtomTiltEta<T>(F: Field<T>, world: WorldSpec): T | null {
  const L = worldLaws(F, world);
  if (L.delta.size !== 2 || L.gamma.size !== 2) return null;
  const [a, b] = [...L.delta.keys()];
  const ga = L.gamma.get(a), gb = L.gamma.get(b);
  if (ga === undefined || gb === undefined) return null;
  const h = (k: number) => L.h(Math.floor(k / L.kf), k % L.kf);
  const ratio = F.div(F.mul(L.delta.get(a)!, gb), F.mul(ga, L.delta.get(b)!));
  return F.div(F.log(ratio), F.sub(h(a), h(b)));
}
