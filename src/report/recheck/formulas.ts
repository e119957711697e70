import type { Json } from '../../engine/serialize.ts';
import { stabilityLambda } from '../../kd/stability.ts';
import type { WorldSpec } from '../../kd/world.ts';

/**
 * Which properties (and probes) have an independent Python formula for their two sides, in which
 * template files (src/report/recheck/py/), and which parameters kd-verify resolved for an instance
 * that the script takes as given (a λ drawn relative to the range and rounded to a double, a
 * certified sub-Gaussian proxy): the scripts re-check those parameters' hypotheses where they can.
 */
export interface PythonFormula {
  /** template files after _head.py, in order */
  templates: string[];
  /** parameters of the instance as kd-verify resolved them, from `establish`'s derived value */
  params?: (instance: never, derived: never) => Record<string, Json>;
}

type Params = (instance: never, derived: never) => Record<string, Json>;
const of = (templates: string[], params?: Params): PythonFormula => ({ templates, params });

// derived values of the properties' `establish`, read structurally (the registry stays free of property code)
type Lambda = { lambda: number };
type Proxy = { proxy: { lo: string; hi: string; argmax: number } } & Lambda & { a: number; b: number };
type WorldProxy = { proxy: { sigma2: string } };
type Central = WorldProxy & { eta: number };
type Decision = { eta: number; c: number; central: boolean };
type Eta = { eta: number | 'tilt' };
type StabInstance = { world: { world: WorldSpec }; lambda: number | { perSigma: number } };
type SharpProxies = { hu: { sigma2: string }; s: { sigma2: string } };
type McD = { t: number; lambda: number };
type Tau = { tau: string };
type RankStudent = { M: string[][]; Mey: string[][] };
type Eigenvectors = { Q: string[][] };

const lambda: Params = (_i, d: Lambda) => ({ lambda: d.lambda });
const proxy: Params = (_i, d: Proxy) => ({ lambda: d.lambda, sigma2Lo: d.proxy.lo, sigma2Hi: d.proxy.hi });
const worldProxy: Params = (_i, d: WorldProxy) => ({ sigma2: d.proxy.sigma2 });
const central: Params = (_i, d: Central) => ({ sigma2: d.proxy.sigma2, eta: d.eta });
const decision: Params = (_i, d: Decision) => ({ eta: d.eta, c: d.c, central: d.central });
const eta: Params = (_i, d: Eta) => ({ eta: d.eta });
// Prop. 9's λ given per σ is resolved in doubles from the world (the registry stays free of property code)
const stabLambda: Params = (i: StabInstance) => ({ lambda: stabilityLambda(i.world.world, { kind: 'erm' }, i.lambda) });
const sharpProxies: Params = (_i, d: SharpProxies) => ({ sigma2U: d.hu.sigma2, nu2: d.s.sigma2 });
const mcd: Params = (_i, d: McD) => ({ lambda: d.lambda, t: d.t });
const tau: Params = (_i, d: Tau) => ({ tau: d.tau });
const rankStudent: Params = (_i, d: RankStudent) => ({ M: d.M, Mey: d.Mey });
const eigenvectors: Params = (_i, d: Eigenvectors) => ({ Q: d.Q });

const DV = ['dv.py'];
const SUBG = ['subgaussian.py'];
const MCD = ['mcdiarmid.py'];
const WORLD = ['subgaussian.py', 'kd_world.py'];
const SHARP = ['sharp_world.py'];
const SHARP_PROXIES = ['subgaussian.py', 'sharp_world.py'];
const LG = ['linear_gaussian.py'];
const SKD = ['softening.py'];

const FORMULAS: Record<string, PythonFormula> = {
  'KD-L6-DV/inequality': of(DV),
  'KD-L6-DV/variational-sup': of(DV),
  'KD-L6-DV/equality-at-log-ratio': of(DV),
  'KD-L7-SUBG/hoeffding': of(SUBG, lambda),
  'KD-L7-SUBG/best-proxy': of(SUBG, proxy),
  'KD-L7-SUBG/proxy-sandwich': of(SUBG, proxy),
  'KD-L7-SUBG/gaussian': of(SUBG),
  'KD-BD-MCDIARMID/mgf': of(MCD, mcd),
  'KD-BD-MCDIARMID/upper-tail': of(MCD, mcd),
  'KD-BD-MCDIARMID/lower-tail': of(MCD, mcd),
  'KD-T8-UPPER/best-proxy': of(WORLD, worldProxy),
  'KD-T8-UPPER/two-sided': of(WORLD, worldProxy),
  'KD-T8-UPPER/stability-proxy': of(WORLD),
  'KD-T8-UPPER/gaussian-mean-shift': of(WORLD),
  'KD-D2-CENTRAL/decision': of(WORLD, decision),
  'KD-R2-SUBG-CENTRAL/constant': of(WORLD, central),
  'KD-T10-LOWER/best-c': of(WORLD, eta),
  'KD-T10-LOWER/best-c~swapped-kl': of(WORLD, eta),
  'KD-T10-LOWER/remark-2-constants': of(WORLD, central),
  'KD-T10-LOWER/remark-2-constants~half-k': of(WORLD, central),
  'KD-T10-LOWER/gaussian-mean-shift': of(WORLD),
  'KD-P9-STAB/bounded-differences': of(WORLD),
  'KD-P9-STAB/erm-bounded-differences': of(WORLD),
  'KD-P9-STAB/mgf': of(WORLD, stabLambda),
  'KD-P9-STAB/seed-conditional': of(WORLD),
  'KD-P9-STAB/seed-conditional~unconditional-proxy': of(WORLD),
  'KD-P9-STAB/seed-mixture-repaired': of(WORLD),
  'KD-SH-ASSUMP/lipschitz': of(SHARP),
  'KD-SH-ASSUMP/smoothness': of(SHARP),
  'KD-L13-SIGMA0/bounded-differences': of(SHARP),
  'KD-L14-SIGMAU/bounded-differences': of(SHARP),
  'KD-L15-NU/bounded-differences': of(SHARP),
  'KD-L15-NU/bounded-differences~without-g0': of(SHARP),
  'KD-L15-NU/bounded-differences~curvature-only': of(SHARP),
  'KD-L16-SHARP/quadratic': of(SHARP, tau),
  'KD-L16-SHARP/tight-constant': of(SHARP, tau),
  'KD-L16-SHARP/cosine-world': of(SHARP, tau),
  'KD-T12-SHARP-UPPER/best-proxies': of(SHARP_PROXIES, sharpProxies),
  'KD-T12-SHARP-UPPER/best-proxies~without-42': of(SHARP_PROXIES, sharpProxies),
  'KD-T12-SHARP-UPPER/best-proxies~root-k': of(SHARP_PROXIES, sharpProxies),
  'KD-T12-SHARP-UPPER/best-proxies~without-nu': of(SHARP_PROXIES, sharpProxies),
  'KD-T12-SHARP-UPPER/lemma-proxies': of(SHARP),
  'KD-T12-SHARP-UPPER/lemma-proxies~without-42': of(SHARP),
  'KD-TIGHT-RHO0/concrete': of(SHARP),
  'SKD-AX2-CONT/power-ax2-continuity': of(SKD),
  'SKD-AX5-BOUND/power-ax5-t-support': of(SKD),
  'SKD-AX5-BOUND/power-ax5-t-support~power-ax5-t-all-classes': of(SKD),
  'SKD-AX5-BOUND/power-ax5-t-0': of(SKD),
  'SKD-FAM-POWER/softmax-logits-ax2-continuity': of(SKD),
  'SKD-FAM-POWER/softmax-logits-ax5-t-support': of(SKD),
  'SKD-FAM-POWER/softmax-logits-ax5-t-support~softmax-logits-ax5-t-all-classes': of(SKD),
  'SKD-FAM-POWER/softmax-logits-ax5-t-0': of(SKD),
  'SKD-FAM-MIX/mixing-ax2-continuity': of(SKD),
  'SKD-FAM-MIX/mixing-ax5-t-all-classes': of(SKD),
  'SKD-FAM-MIX/mixing-ax5-t-all-classes~mixing-ax5-t-support': of(SKD),
  'SKD-BLACKBOX/smooth-then-soften': of(SKD),
  'SKD-EQUIV/moment-matching': of(SKD),
  'KD-LG-BIASVAR/bound': of(LG),
  'KD-LG-RANK/eckart-young': of(LG, eigenvectors),
  'KD-LG-FINAL/decomposition': of(LG, rankStudent),
  'KD-LG-FINAL/decomposition~unit-constants': of(LG, rankStudent),
  'KD-LG-FINAL/algorithm-shift': of(LG, rankStudent),
  'KD-LG-FINAL/shift-vs-apx-spread': of(LG, eigenvectors),
  'KD-LG-FINAL/shift-vs-apx-spread~unit-constants': of(LG, eigenvectors),
};

/** The Python formula of a property or probe id, if one exists. */
export const pythonFormula = (id: string): PythonFormula | undefined => FORMULAS[id];
export const hasPythonFormula = (id: string): boolean => id in FORMULAS;
/** Every property and probe id with a Python formula. */
export const formulaIds = (): string[] => Object.keys(FORMULAS);
