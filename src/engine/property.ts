import type fc from 'fast-check';
import type { Field } from '../numerics/field.ts';
import type { Relation, Sides } from '../numerics/certify.ts';

/** A hypothesis of the claim, established (computed, certified) on one generated instance. */
export interface HypothesisCheck {
  name: string;
  established: boolean;
  detail?: string;
}

/** What `establish` computes once per instance: the hypotheses, and certified quantities they yield. */
export interface Established<D> {
  hypotheses: HypothesisCheck[];
  derived: D;
}

/** The two sides of the relation for one instance, in any arithmetic context. */
export type InstanceSides<I, D> = <T>(F: Field<T>, instance: I, derived: D) => Sides<T>;

/** A planted wrong variant of a property: the same generator must refute it. */
export interface NegativeControl<I, D> {
  id: string;
  description: string;
  relation?: Relation;
  sides: InstanceSides<I, D>;
  /** Hypotheses for this variant only (a probe that drops one of the property's hypotheses). */
  establish?: (instance: I) => Established<D>;
}

/** One executable property of a claim. Instances must be plain JSON-like data (doubles, arrays, objects). */
export interface PropertyDef<I, D = undefined> {
  /** `<claim id>/<name>`, e.g. KD-L6-DV/inequality. */
  id: string;
  claim: string;
  title: string;
  relation: Relation;
  arbitrary: fc.Arbitrary<I>;
  /** Establish the claim's hypotheses on the instance; an instance failing one is discarded. */
  establish?: (instance: I) => Established<D>;
  sides: InstanceSides<I, D>;
  controls: NegativeControl<I, D>[];
  /**
   * Probes: variants that test a suspected looseness or gap (a constant that might be improved,
   * a hypothesis that might be droppable). Run like controls, reported with their outcome, and
   * not required to be refuted: an unrefuted probe is a finding about the generated instances.
   */
  probes?: NegativeControl<I, D>[];
  /**
   * Properties with the same seed key draw the same instance stream (e.g. the same 1000 worlds
   * checked against Theorems 8 and 10). Defaults to the property id.
   */
  seedKey?: string;
  /**
   * Share of the run budget this property draws (default 1): for a property whose instances are
   * expensive to establish. The report shows the instances actually checked.
   */
  budgetShare?: number;
  /**
   * Highest precision this property may escalate to (default: the run's maximum), for formulas
   * whose certified margin can need hundreds of digits (differences of masses of order 1e-600).
   */
  maxDigits?: number;
  /**
   * Structural degeneracy: the reason the relation is an identity on this instance (K_n = 0
   * because Γ = Δ; a point mass where the claim is trivially an equality), or null. Such an
   * instance is checked as an identity to the working precision and counted `degenerate`: it is
   * never evidence that the bound is sharp. Infinite sides, both sides exactly equal and a bound
   * with no room (rhs = base) are classed without a declaration; `Sides.trivial` declares vacuity.
   */
  degenerate?: (instance: I, derived: D) => string | null;
  /**
   * A family built to attain the bound (a Gaussian mean shift, an isotropic quadratic): the reason,
   * or null. Such an instance is checked as an identity to the working precision (as `eq` is),
   * without escalating further, and counts as informative: it shows the bound sharp. A margin
   * certified beyond the working precision makes the property an error.
   */
  attains?: (instance: I, derived: D) => string | null;
  /**
   * Whether the relation is a bound with room to measure (default: yes for le/ge, no for lt). A
   * sign or order condition (0 ≤ Cov, an entropy that does not decrease, a strict ranking) sets
   * false: its instances are classed and counted, but no room used is reported and it is never
   * `sharp`.
   */
  bound?: boolean;
  /** The property that is the claim's statement: the claim's status is its status (default: the claim's first property). */
  headline?: boolean;
  /**
   * What this property checks when it differs from the claim's statement: the form actually
   * checked, and which steps hold by construction (shown in the claim's report section).
   */
  checks?: string;
  /** Coverage classes of an instance (edge-case labels), counted in the report. */
  classify?: (instance: I) => string[];
  /** Terms of a decomposition, tabulated per instance family against a reference quantity. */
  breakdown?: Breakdown<I, D>;
  /** Figures written next to the report (SVG), e.g. a bound against a parameter for one instance. */
  figures?: Figure[];
}

/** A figure written next to the report: an SVG file and its caption. */
export interface Figure {
  /** file name inside the report directory, e.g. 'kd-tight-rho0.svg' */
  file: string;
  caption: string;
  render: () => string;
}

/**
 * A decomposition's terms (e.g. Bias, Var, Apx, Cov, Spread against the exact K_n), evaluated on
 * every checked instance and averaged per family, so a reader sees which term dominates when.
 */
export interface Breakdown<I, D> {
  /** the quantity the terms bound or decompose */
  reference: string;
  terms: readonly string[];
  /** coefficient of each term in the bound (default 1), for the terms' shares of it */
  weights?: Readonly<Record<string, number>>;
  /** what the tabulated bound adds up to (e.g. 'Bias + Var + Cov + 2·Apx + 2·Spread') */
  bound: string;
  family: (instance: I) => string;
  /** values of the reference, the terms and the bound, in doubles (keys: reference, each term, 'bound') */
  values: (instance: I, derived: D) => Record<string, number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProperty = PropertyDef<any, any>;

/** Identity helper that keeps the instance and derived types linked at the definition site. */
export function defineProperty<I, D = undefined>(def: PropertyDef<I, D>): PropertyDef<I, D> {
  if (!/^(KD|SKD|USER)-[A-Z0-9-]+\/[a-z0-9-]+$/.test(def.id)) throw new Error(`property id ${def.id} is not '<CLAIM-ID>/<kebab-name>'`);
  if (!def.id.startsWith(`${def.claim}/`)) throw new Error(`property id ${def.id} does not belong to claim ${def.claim}`);
  return def;
}
