import { describe, expect, it } from 'vitest';
import { builtinProperties } from '../../properties/index.ts';
import { ciBudget } from '../../src/engine/budget.ts';
import { corpusFiles, loadCorpus, newEntries, type CorpusEntry } from '../../src/engine/corpus.ts';
import { runProperty } from '../../src/engine/run-property.ts';

describe('counterexample corpus', () => {
  it('keeps counterexamples and refuted probes, not control witnesses, without duplicates', () => {
    const report = {
      claims: [{ properties: [{ id: 'KD-X/p', counterexample: { instance: { a: 1 } }, probes: [{ id: 'KD-X/p~probe', refuted: true, witness: { instance: 2 } }, { id: 'KD-X/p~held', refuted: false, witness: null }] }] }],
    };
    const known: CorpusEntry[] = [{ property: 'KD-X/p', variant: null, instance: { a: 1 }, note: 'old' }];
    const added = newEntries(report, known, 'new');
    expect(added).toEqual([{ property: 'KD-X/p', variant: 'KD-X/p~probe', instance: 2, note: 'new' }]);
    const files = corpusFiles([...known, ...added]);
    expect(files.map(([f]) => f)).toEqual(['KD-X.json']);
    expect(JSON.parse(files[0][1]).entries).toHaveLength(2);
  });

  const entries = loadCorpus();
  it('every corpus entry names a built-in property (or one of its probes)', () => {
    for (const e of entries) {
      const p = builtinProperties.find((x) => x.id === e.property);
      expect(p, e.property).toBeDefined();
      if (e.variant) expect((p!.probes ?? []).map((q) => q.id)).toContain(e.variant);
    }
  });

  it.each(entries.filter((e) => e.variant).map((e) => [e.variant!, e] as const))('the recorded witness of %s refutes it on the first draw', (_id, e) => {
    const p = builtinProperties.find((x) => x.id === e.property)!;
    const r = runProperty({ ...p, controls: [] }, ciBudget());
    const probe = r.probes.find((q) => q.id === e.variant)!;
    expect(probe.refuted).toBe(true);
    expect(probe.instances).toBe(1);
  });
});
