import type { Breakdown } from './property.ts';

/** Per-family averages of a decomposition's terms, as stored in the report. */
export interface BreakdownResult {
  reference: string;
  terms: string[];
  bound: string;
  families: Array<{
    family: string;
    count: number;
    /** mean of the reference, of each term and of the bound */
    mean: Record<string, number>;
    /** mean of each term's contribution (coefficient × term) as a share of the bound */
    share: Record<string, number>;
    /** how often each term was the largest */
    dominant: Record<string, number>;
    /** mean, minimum and maximum of bound / reference (over instances with reference > 0) */
    ratio: { mean: number; min: number; max: number };
  }>;
}

/** Accumulates one decomposition over the instances of a run. */
export class BreakdownTable<I, D> {
  private readonly rows = new Map<string, { count: number; sum: Record<string, number>; share: Record<string, number>; dominant: Record<string, number>; ratios: number[] }>();
  constructor(private readonly def: Breakdown<I, D>) {}

  add(instance: I, derived: D): void {
    const v = this.def.values(instance, derived);
    const fam = this.def.family(instance);
    const row = this.rows.get(fam) ?? { count: 0, sum: {}, share: {}, dominant: {}, ratios: [] };
    row.count++;
    for (const [k, x] of Object.entries(v)) row.sum[k] = (row.sum[k] ?? 0) + x;
    for (const t of this.def.terms) row.share[t] = (row.share[t] ?? 0) + (v.bound > 0 ? ((this.def.weights?.[t] ?? 1) * v[t]) / v.bound : 0);
    const top = this.def.terms.reduce((a, b) => (v[b] > v[a] ? b : a));
    row.dominant[top] = (row.dominant[top] ?? 0) + 1;
    if (v[this.def.reference] > 0) row.ratios.push(v.bound / v[this.def.reference]);
    this.rows.set(fam, row);
  }

  result(): BreakdownResult {
    const families = [...this.rows].sort((a, b) => a[0].localeCompare(b[0])).map(([family, r]) => ({
      family,
      count: r.count,
      mean: Object.fromEntries(Object.entries(r.sum).map(([k, x]) => [k, x / r.count])),
      share: Object.fromEntries(Object.entries(r.share).map(([k, x]) => [k, x / r.count])),
      dominant: r.dominant,
      ratio: r.ratios.length ? { mean: r.ratios.reduce((a, b) => a + b, 0) / r.ratios.length, min: Math.min(...r.ratios), max: Math.max(...r.ratios) } : { mean: NaN, min: NaN, max: NaN },
    }));
    return { reference: this.def.reference, terms: [...this.def.terms], bound: this.def.bound, families };
  }
}
