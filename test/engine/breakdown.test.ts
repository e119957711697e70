import { describe, expect, it } from 'vitest';
import { BreakdownTable } from '../../src/engine/breakdown.ts';
import { breakdownMarkdown } from '../../src/report/breakdown-table.ts';

describe('decomposition tables', () => {
  const table = new BreakdownTable<{ fam: string; a: number; b: number; ref: number }, undefined>({
    reference: 'K',
    terms: ['A', 'B'],
    weights: { B: 2 },
    bound: 'A + 2·B',
    family: (i) => i.fam,
    values: (i) => ({ K: i.ref, A: i.a, B: i.b, bound: i.a + 2 * i.b }),
  });
  table.add({ fam: 'x', a: 3, b: 1, ref: 4 }, undefined); // bound 5, A dominant
  table.add({ fam: 'x', a: 1, b: 2, ref: 0 }, undefined); // bound 5, B dominant, no ratio (reference 0)
  table.add({ fam: 'y', a: 0, b: 1, ref: 1 }, undefined);
  const r = table.result();

  it('averages each term, the weighted shares and bound/reference per family', () => {
    const x = r.families.find((f) => f.family === 'x')!;
    expect(x.count).toBe(2);
    expect(x.mean).toEqual({ K: 2, A: 2, B: 1.5, bound: 5 });
    expect(x.share.A).toBeCloseTo((3 / 5 + 1 / 5) / 2, 12);
    expect(x.share.B).toBeCloseTo((2 / 5 + 4 / 5) / 2, 12);
    expect(x.dominant).toEqual({ A: 1, B: 1 });
    expect(x.ratio).toEqual({ mean: 5 / 4, min: 5 / 4, max: 5 / 4 });
  });

  it('renders one markdown row per family', () => {
    const md = breakdownMarkdown('KD-X/p', r).join('\n');
    expect(md).toMatch(/\| x \| 2 \| 2\.00 \| 2\.00 \(40%\) \| 1\.50 \(60%\) \| 5\.00 \| 1\.25, 1\.25, 1\.25 \|/);
    expect(md).toMatch(/\| y \| 1 \|/);
  });
});
