import type { Budget, PropertyResult } from './run-property.ts';

/**
 * Health checks in the spirit of Hypothesis: signs that a property's generator may not be testing
 * what it claims to. Warnings, not failures; each names its figure.
 */
export function healthWarnings(r: Omit<PropertyResult, 'warnings'>, budget: Budget): string[] {
  const out: string[] = [];
  const drawn = r.instances + r.discarded;
  if (drawn >= 20 && r.discarded / drawn > 0.5) out.push(`${Math.round((100 * r.discarded) / drawn)}% of generated instances were discarded (a hypothesis failed): the generator rarely meets the claim's hypotheses`);
  const found = r.search?.foundSlack ?? Infinity;
  // (once sampling attains the bound, coming closer without attaining it is expected: no warning)
  if (r.search && r.verdicts.attained === 0 && r.search.sampledSlack !== null && r.search.sampledSlack > 0 && found >= 0 && found < r.search.sampledSlack / 10) out.push(`the targeted search came ${found === 0 ? 'all the way' : `${(r.search.sampledSlack / found).toPrecision(2)}×`} closer to the bound than sampling (relative slack ${r.search.sampledSlack.toPrecision(3)} → ${found.toPrecision(3)}): the generator under-samples where the bound is tight`);
  if (r.slack && r.slack.count >= 20 && r.verdicts.attained === 0 && r.slack.min > 0.1 && !(found <= 0.1)) out.push(`no instance came within 10% of the bound (smallest relative slack ${r.slack.min.toPrecision(3)}): the property may lack teeth, or the bound is loose everywhere the generator reaches`);
  if (r.instances >= 100) {
    const rare = Object.entries(r.coverage).filter(([, n]) => n < 3).map(([k, n]) => `${k} (${n})`);
    if (rare.length) out.push(`coverage classes reached fewer than 3 times: ${rare.join(', ')}`);
  }
  for (const c of r.controls) if (c.refuted && c.instances > budget.controlRuns / 2) out.push(`control ${c.id} was refuted only after ${c.instances} draws: the generator rarely reaches where the wrong variant fails`);
  return out;
}
