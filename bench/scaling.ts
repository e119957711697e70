/**
 * How kd-verify's time per certified instance grows with the size of an instance:
 *   atoms       Donsker–Varadhan (KD-L6-DV/inequality's sides) on n-atom laws, n = 10 … 1000
 *   datasets    KD-T8-UPPER/stability-proxy on exact worlds |X| = |Y| = 2, |F| = 3, n = 1 … 4 (4ⁿ datasets)
 *   dimension   the linear-Gaussian decomposition at k = 2, n = d, d = 2, 4, 8 (Gaussian KL in dimension 2d + 2d)
 * each as kd-verify runs it (screen, then Decimal) and with Decimal only. Writes bench/SCALING.md.
 * `npx tsx bench/scaling.ts [--quick]`
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineProperty, type AnyProperty } from '../src/engine/property.ts';
import { runProperty } from '../src/engine/run-property.ts';
import { precisionPolicy } from '../src/numerics/certify.ts';
import { weightsOf } from '../src/gen/weights.ts';
import { valuesOf } from '../src/gen/values.ts';
import { familiesAt } from '../src/gen/lg-rank-student.ts';
import { dvInequality } from '../properties/kd-l6-dv.ts';
import { t8Stability } from '../properties/kd-t8-upper.ts';
import { decomposition } from '../properties/kd-lg-decomposition.ts';
import { fixedErmWorldArb } from './ts/w3-t8.ts';
import { benchBudget } from './ts/common.ts';

const quick = process.argv.includes('--quick');

interface Row { size: number; runs: number; screened: number; perInstance: number; perInstanceDecimal: number }

function time(prop: AnyProperty, runs: number): { perInstance: number; perInstanceDecimal: number; screened: number } {
  const per = (noScreen: boolean) => {
    const t0 = performance.now();
    const r = runProperty(prop, benchBudget(runs, { policy: noScreen ? precisionPolicy(40, { noScreen: true, startDigits: 40 }) : precisionPolicy(40) }));
    return { seconds: (performance.now() - t0) / 1000 / Math.max(1, r.instances + r.discarded), screened: r.screened / Math.max(1, r.instances) };
  };
  const fast = per(false), slow = per(true);
  return { perInstance: fast.seconds, perInstanceDecimal: slow.seconds, screened: fast.screened };
}

const bench = (base: AnyProperty, id: string, arbitrary: fc.Arbitrary<unknown>): AnyProperty =>
  defineProperty({ ...base, id: `USER-BENCH-SCALING/${id}`, claim: 'USER-BENCH-SCALING', seedKey: id, arbitrary, controls: [], probes: [], breakdown: undefined });

const series: Array<{ name: string; unit: string; rows: Row[] }> = [];

const atoms = quick ? [10, 100] : [10, 30, 100, 300, 1000];
series.push({
  name: 'Donsker–Varadhan, n atoms',
  unit: 'atoms',
  rows: atoms.map((n) => {
    const arb = fc.record({
      pair: fc.tuple(weightsOf(n), weightsOf(n)).map(([q, p]) => ({ relation: 'independent' as const, kinds: [q.kind, p.kind], q: q.weights, p: p.weights })),
      g: valuesOf(n).map(({ values }) => ({ kind: 'values' as const, values })),
    });
    const runs = quick ? 20 : Math.max(20, Math.round(20000 / n));
    return { size: n, runs, ...time(bench(dvInequality, `dv-${n}`, arb), runs) };
  }),
});

const sizes = quick ? [1, 2] : [1, 2, 3, 4];
series.push({
  name: 'KD-T8-UPPER/stability-proxy, exact worlds with 4ⁿ datasets',
  unit: 'datasets',
  rows: sizes.map((n) => {
    const runs = quick ? 10 : [200, 200, 100, 30][n - 1];
    return { size: 4 ** n, runs, ...time(bench(t8Stability, `t8-n${n}`, fixedErmWorldArb({ kx: 2, ky: 2, n, kf: 3 })), runs) };
  }),
});

const dims = quick ? [2] : [2, 4, 8];
series.push({
  name: 'linear-Gaussian decomposition, k = 2, n = d (Gaussian KL in dimension 4d)',
  unit: 'd',
  rows: dims.map((d) => {
    const runs = quick ? 3 : [40, 20, 8][dims.indexOf(d)];
    return { size: d, runs, ...time(bench(decomposition, `lg-d${d}`, familiesAt({ k: 2, d, n: d }, { k: 2, d, n: d })), runs) };
  }),
});

const ms = (s: number) => (s * 1000).toPrecision(3);
const slope = (rows: Row[], k: number, key: 'perInstance' | 'perInstanceDecimal') =>
  k === 0 ? '—' : (Math.log(rows[k][key] / rows[k - 1][key]) / Math.log(rows[k].size / rows[k - 1].size)).toFixed(2);
const out = [`# How time grows with instance size`, '', `\`npx tsx bench/scaling.ts${quick ? ' --quick' : ''}\`, ${new Date().toISOString()}. Milliseconds per generated instance (discards included), one run each; "exponent" is the log-log slope from the previous size.`, ''];
for (const s of series) {
  out.push(`## ${s.name}`, '', `| ${s.unit} | instances | screened | ms per instance (screen + Decimal) | exponent | ms per instance (Decimal only) | exponent |`, '|---|---|---|---|---|---|---|');
  s.rows.forEach((r, k) => out.push(`| ${r.size} | ${r.runs} | ${(100 * r.screened).toFixed(0)}% | ${ms(r.perInstance)} | ${slope(s.rows, k, 'perInstance')} | ${ms(r.perInstanceDecimal)} | ${slope(s.rows, k, 'perInstanceDecimal')} |`));
  out.push('');
}
const file = fileURLToPath(new URL(quick ? './SCALING-quick.md' : './SCALING.md', import.meta.url));
writeFileSync(file, out.join('\n'));
console.log(out.join('\n'));
