import type { Report } from './types.ts';
import { escapeXml } from './escape.ts';

const esc = escapeXml;

/**
 * JUnit XML for CI systems: one test suite per claim, one test case per property and per negative
 * control. A violated or undecided property and a control that was not refuted are failures; a
 * property that errored is an error.
 */
export function renderJunit(r: Report): string {
  const suites = r.claims.map((c) => {
    const cases: string[] = [];
    let failures = 0, errors = 0;
    for (const p of c.properties) {
      const time = (p.durationMs / 1000).toFixed(3);
      let body = '';
      if (p.status === 'error') {
        errors++;
        body = `<error message="${esc(p.error ?? 'error')}"/>`;
      } else if (p.status === 'violated' || p.status === 'undecided') {
        failures++;
        const x = p.counterexample ?? p.undecidedExample;
        body = `<failure message="${esc(`${p.status}: ${p.title}`)}">${esc(x ? `instance ${JSON.stringify(x.instance)}\nmargin in [${x.margin.lo}, ${x.margin.hi}]` : '')}</failure>`;
      }
      const health = p.warnings.map((w) => `\nhealth: ${w}`).join('');
      const room = p.room?.best ? `, best room used [${p.room.best.room.lo}, ${p.room.best.room.hi}]` : '';
      const out = `<system-out>${esc(`${p.status}${p.statusReason ? ` (${p.statusReason})` : ''}: ${p.instances} instances (${p.classes.informative} informative, ${p.classes.degenerate} degenerate, ${p.classes.vacuous} vacuous), ${p.discarded} discarded, up to ${p.maxDigitsUsed} digits${room}${health}`)}</system-out>`;
      cases.push(`    <testcase classname="${esc(c.id)}" name="${esc(p.id)}" time="${time}">${body}${out}</testcase>`);
      for (const k of p.controls) {
        if (!k.refuted) failures++;
        cases.push(`    <testcase classname="${esc(c.id)}" name="${esc(`control ${k.id}`)}">${k.refuted ? '' : `<failure message="${esc(`negative control not refuted in ${k.instances} instances: ${k.description}`)}"/>`}</testcase>`);
      }
    }
    const tests = c.properties.length + c.properties.reduce((s, p) => s + p.controls.length, 0);
    return `  <testsuite name="${esc(c.id)}" tests="${tests}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const count = (re: RegExp) => suites.reduce((s, x) => s + Number(x.match(re)?.[1] ?? 0), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kd-verify" tests="${count(/tests="(\d+)"/)}" failures="${count(/failures="(\d+)"/)}" errors="${count(/errors="(\d+)"/)}" time="${(r.timing.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
