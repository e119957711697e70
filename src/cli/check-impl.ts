import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { FN_NAMES, isFnName, type FnName } from '../impl/protocol.ts';
import { DEFAULT_SEED } from '../engine/budget.ts';
import { PRECISIONS, type PrecisionName, type Validation } from '../impl/precision.ts';
import { checkImpl, DEFAULT_IMPL_RUNS } from '../programmatic.ts';

const functionList = (value: string, previous: FnName[] = []): FnName[] => {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError('selects no function (nothing would be tested)');
  const unknown = names.filter((n) => !isFnName(n));
  if (unknown.length) throw new InvalidArgumentError(`unknown function ${unknown.join(', ')} (the protocol has ${FN_NAMES.join(', ')})`);
  return [...previous, ...(names as FnName[])];
};

interface Options {
  module?: string;
  cmd?: string;
  functions?: FnName[];
  runs: number;
  seed: number;
  timeout: number;
  precision: PrecisionName;
  validation: Validation;
  out: string;
}

const oneOf = <T extends string>(option: string, values: readonly T[]) => (v: string): T => {
  if (!(values as readonly string[]).includes(v)) throw new InvalidArgumentError(`${option} must be one of ${values.join(', ')}`);
  return v as T;
};

/** `kdverify check-impl`: differential regression test of another implementation against the reference. */
export function addCheckImpl(program: Command, integer: (name: string, min: number, max: number) => (v: string) => number): void {
  program
    .command('check-impl')
    .description('regression-test another implementation (a JS/TS module, or any program speaking the JSON-lines protocol) against the 60-digit reference')
    .option('--module <file>', 'a JS/TS module exporting protocol functions (positional arguments, plain numbers)')
    .option('--cmd <command>', 'a program speaking the JSON-lines protocol on stdin/stdout, e.g. "python3 adapter.py" (run without a shell)')
    .option('--functions <names>', `comma-separated subset of ${FN_NAMES.join(', ')}`, functionList)
    .option('--runs <n>', 'generated inputs per function', integer('--runs', 1, 1_000_000), DEFAULT_IMPL_RUNS)
    .option('--seed <s>', 'seed (same seed, same inputs)', integer('--seed', -(2 ** 31), 2 ** 31 - 1), DEFAULT_SEED)
    .option('--timeout <ms>', 'per-request timeout in milliseconds (a hang past it is reported and the implementation restarted)', integer('--timeout', 1, 3_600_000), 5000)
    .option('--precision <format>', 'the format answers are judged in: float64, or float32 (inputs representable in float32, tolerances from its unit roundoff)', oneOf('--precision', Object.keys(PRECISIONS) as PrecisionName[]), 'float64')
    .option('--validation <mode>', 'strict (a finite answer to invalid input is a silent wrong answer) or lenient (invalid input is sent and reported, not judged)', oneOf('--validation', ['strict', 'lenient'] as const), 'strict')
    .option('--out <dir>', 'output directory', 'reports/check-impl')
    .action(async (opts: Options) => {
      const report = await checkImpl({
        ...opts,
        onFunction: (f) => {
          const detail = f.status === 'skipped' ? f.skipped : f.status === 'adapter-failure' ? `${f.failure!.kind}: ${f.failure!.detail}` : f.status === 'fail' ? `${f.groups.length + f.unshrunkGroups.length} distinct disagreement(s); ${(f.groups[0]?.witness ?? f.firstDisagreement)!.judgement.detail}` : `worst ${f.worst ? `${f.worst.ulps?.toPrecision(3) ?? '—'} ulps, ${f.worst.ratio.toPrecision(2)}× tolerance` : '—'}`;
          process.stdout.write(`${f.status.padEnd(15)} ${f.fn.padEnd(16)} ${String(f.requests).padStart(5)} requests  ${detail}\n`);
        },
      });
      const s = report.summary;
      process.stdout.write(`\n${report.implementation.name}: ${s.pass} pass, ${s.fail} fail, ${s.adapterFailure} adapter failures, ${s.skipped} skipped\nreports written to ${opts.out}: report.json, report.md, report.html, junit.xml\n`);
      process.exitCode = s.fail + s.adapterFailure > 0 ? 1 : 0;
    });
}
