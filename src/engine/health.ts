import type { Budget, PropertyResult } from './run-property.ts';

const pct = (x: number) => `${Math.round(100 * x)}%`;

/**
 * Health checks in the spirit of Hypothesis: signs that a property's generator may not be testing
 * what it claims to. Warnings, not failures; each names its figure.
 */
export function healthWarnings(r: Omit<PropertyResult, 'warnings'>, budget: Budget): string[] {
  const out: string[] = [];
  const drawn = r.instances + r.discarded;
  if (drawn >= 20 && r.discarded / drawn > 0.5) out.push(`${pct(r.discarded / drawn)} of generated instances were discarded (a hypothesis failed): the generator rarely meets the claim's hypotheses`);
  const uninformative = r.classes.degenerate + r.classes.vacuous;
  if (r.instances > 0 && uninformative / r.instances > 0.5) out.push(`${pct(uninformative / r.instances)} of the checked instances were degenerate or vacuous (${r.classes.degenerate} degenerate, ${r.classes.vacuous} vacuous): only ${r.classes.informative} say anything about the bound`);
  const s = r.search;
  if (s && !r.room?.sharp && s.sampledGap !== null && s.sampledGap > 0 && s.foundGap !== null && s.foundGap >= 0 && s.foundGap < s.sampledGap / 10) out.push(`the targeted search came ${s.foundGap === 0 ? 'all the way' : `${(s.sampledGap / s.foundGap).toPrecision(2)}×`} closer to using the whole room than sampling (unused room ${s.sampledGap.toPrecision(3)} → ${s.foundGap.toPrecision(3)}): the generator under-samples where the bound is tight`);
  const best = r.room?.quantiles?.max;
  if (r.room && r.room.count >= 20 && best !== undefined && best < 0.9) out.push(`no informative instance used more than 90% of the bound's room (largest room used ${best.toPrecision(3)}): the bound is loose everywhere the generator reaches, or the property lacks teeth`);
  if (r.instances >= 100) {
    const rare = Object.entries(r.coverage).filter(([, n]) => n < 3).map(([k, n]) => `${k} (${n})`);
    if (rare.length) out.push(`coverage classes reached fewer than 3 times: ${rare.join(', ')}`);
  }
  for (const c of r.controls) {
    if (c.refuted && c.instances > budget.controlRuns / 2) out.push(`control ${c.id} was refuted only after ${c.instances} draws: the generator rarely reaches where the wrong variant fails`);
    if (!c.refuted && c.degenerateRefutations > 0) out.push(`control ${c.id} was violated only on instances degenerate for the property (${c.degenerateRefutations}): that is not a refutation`);
  }
  return out;
}
