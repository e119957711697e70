/**
 * The exit statuses of kdverify, defined once: the code uses these constants, `--help` prints this
 * table and the README's table is checked against it in the tests.
 */
export const EXIT = { verified: 0, failed: 1, usage: 2, incomplete: 3 } as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_STATUSES: ReadonlyArray<{ code: ExitStatus; meaning: string }> = [
  { code: EXIT.verified, meaning: 'every selected property was checked to its budget: nothing violated, errored or undecided, every negative control refuted' },
  { code: EXIT.failed, meaning: 'a claim was violated or errored (replay: the counterexample is violated again; check-impl: a function disagrees or its adapter fails)' },
  { code: EXIT.usage, meaning: 'usage error or unreadable input (one line on stderr); nothing was run' },
  { code: EXIT.incomplete, meaning: 'the work was not all done: cut short by --time-limit or a signal, a property undecided, or a negative control not refuted at this budget' },
];

/** replay's own reading of the statuses. */
export const REPLAY_EXIT_HELP = `\nExit status: ${EXIT.verified} the counterexample is not violated again, ${EXIT.failed} it is, ${EXIT.usage} a usage error or a report or claims file that cannot be used.\n`;

/** The table as `--help` shows it. */
export const exitStatusHelp = (): string => `\nExit status:\n${EXIT_STATUSES.map((s) => `  ${s.code}  ${s.meaning}`).join('\n')}\n`;

/** The fields of a run's report that decide its exit status (any report version that has them). */
export interface RunOutcome {
  complete: boolean;
  config: { shard: unknown };
  claims: ReadonlyArray<{
    status: string;
    properties: ReadonlyArray<{ status: string; cutShort?: boolean; controls: ReadonlyArray<{ refuted: boolean }> }>;
  }>;
}

/** Why a run is incomplete (empty when it is not), one reason per kind, for the end summary. */
export function incompleteReasons(r: RunOutcome): string[] {
  const props = r.claims.flatMap((c) => c.properties);
  const reasons: string[] = [];
  const cut = props.filter((p) => p.cutShort).length;
  if (cut > 0) reasons.push(`${cut} propert${cut === 1 ? 'y' : 'ies'} cut short`);
  else if (!r.complete && r.config.shard === null) reasons.push('the run was cut short');
  const undecided = props.filter((p) => !p.cutShort && p.status === 'undecided').length;
  if (undecided > 0) reasons.push(`${undecided} propert${undecided === 1 ? 'y' : 'ies'} undecided`);
  const unrefuted = props.filter((p) => !p.cutShort).reduce((n, p) => n + p.controls.filter((k) => k.refuted === false).length, 0);
  if (unrefuted > 0) reasons.push(`${unrefuted} negative control${unrefuted === 1 ? '' : 's'} not refuted at this budget`);
  return reasons;
}

/** 1 when a claim is violated or errored; otherwise 3 when any work was not done; otherwise 0. */
export function runExitStatus(r: RunOutcome): ExitStatus {
  const failed = (s: string) => s === 'violated' || s === 'error';
  if (r.claims.some((c) => failed(c.status) || c.properties.some((p) => failed(p.status)))) return EXIT.failed;
  return incompleteReasons(r).length > 0 ? EXIT.incomplete : EXIT.verified;
}
