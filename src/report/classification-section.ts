import type { Classification } from '../skd/classify.ts';

const code = (x: unknown) => '`' + JSON.stringify(x) + '`';

/** The operator × axiom table, then the shrunk counterexample of every violation. */
export function classificationMarkdown(c: Classification): string[] {
  const out = ['## Softening operators: operator × axiom', ''];
  out.push('Each cell runs the axiom on the operator over the run budget (the same certified checks as the SKD-AX properties): ✓ every instance certified, ✗ a certified counterexample (shrunk; listed below), n/a no instance in the operator\'s domain, ? undecided at the maximum precision.', '');
  out.push(`| operator | role | domain | ${c.axioms.map((a) => a.key).join(' | ')} |`, `|${'---|'.repeat(c.axioms.length + 3)}`);
  const mark = { satisfied: '✓', violated: '✗', undecided: '?', 'n/a': 'n/a', error: 'error' } as const;
  for (const op of c.operators) {
    const row = c.axioms.map((a) => {
      const cell = c.cells.find((x) => x.operator === op.id && x.axiom === a.key)!;
      return cell.status === 'satisfied' ? `✓ (${cell.instances})` : mark[cell.status];
    });
    out.push(`| ${op.id} — ${op.description} | ${op.role} | ${op.domain} | ${row.join(' | ')} |`);
  }
  out.push('', 'Axioms: ' + c.axioms.map((a) => `**${a.key}** (${a.claim}): ${a.title}`).join('; ') + '.', '');
  const violations = c.cells.filter((x) => x.counterexample);
  if (violations.length) {
    out.push('**Counterexamples** (certified, shrunk; reproduce with the property seed and path):', '');
    for (const v of violations) {
      const x = v.counterexample!;
      out.push(`- ${v.operator} × ${v.axiom}: ${code(x.instance)} — lhs ∈ [${x.lhs.lo}, ${x.lhs.hi}], rhs ∈ [${x.rhs.lo}, ${x.rhs.hi}] (${x.property}, seed ${x.seed}, path ${x.path})`);
    }
    out.push('');
  }
  return out;
}
