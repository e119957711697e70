import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, CommanderError } from 'commander';
import { mpfrLoaded } from '../numerics/mpfr.ts';
import { builtinProperties } from '../../properties/index.ts';
import { loadCatalogue } from '../spec/catalogue.ts';
import { reportFiles, toolVersion, verify } from './verify.ts';
import { REPORT_FILE_LIST, runSummary } from './summary.ts';
import { readReport, replay, type ReplayResult } from './replay.ts';
import { progressFor } from './progress.ts';
import { checkCorpusDir, DEFAULT_USER_CORPUS, updateCorpus } from '../engine/corpus.ts';
import { mergeReports, readShards } from './merge.ts';
import { checkWritableDir, oneLine, writeReport } from './output.ts';
import { claimsFilesOfReport } from '../spec/user-claims.ts';
import { DEFAULT_DIGITS, DEFAULT_RUNS, DEFAULT_SEED } from '../engine/budget.ts';
import { addCheckImpl } from './check-impl.ts';
import { askWorker, describeClaimsFiles } from '../engine/claims-files.ts';
import { EXIT, exitStatusHelp, incompleteReasons, REPLAY_EXIT_HELP, runExitStatus } from './exit-status.ts';
import { abortAt, watchInterrupts } from './interrupt.ts';
import type { Report } from '../report/types.ts';

const integer = (name: string, min: number, max: number) => (value: string) => {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be an integer, got '${value}'`);
  const n = Number(value);
  if (n < min || n > max) throw new InvalidArgumentError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
};

const shardArg = (value: string) => {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`--shard must look like I/N (e.g. 2/4), got '${value}'`);
  const index = Number(m[1]), count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`--shard ${value}: need 1 ≤ I ≤ N`);
  return { index, count };
};

const patterns = (value: string, previous: string[] = []) => {
  const given = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (given.length === 0) throw new InvalidArgumentError(`--claims needs at least one claim id or glob, got '${value}' (leave --claims out to run every claim)`);
  return [...previous, ...given];
};

export function buildCli(): Command {
  const program = new Command('kdverify')
    .description('Property-based verification of the information-theoretic theory of knowledge distillation.')
    .version(toolVersion())
    .showHelpAfterError('(run with --help for usage)')
    // Set before the subcommands are created: they inherit these settings.
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', exitStatusHelp());

  program
    .command('list')
    .description('the claims catalogue: id, title, source, provenance, and how many properties and negative controls encode it')
    .option('--json', 'print JSON instead of a table')
    .action((opts: { json?: boolean }) => {
      const rows = loadCatalogue().map((c) => {
        const props = builtinProperties.filter((p) => p.claim === c.id);
        return { id: c.id, title: c.title, source: c.source, provenance: c.provenance, properties: props.length, controls: props.reduce((s, p) => s + p.controls.length, 0), encoded: props.length > 0 };
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const w = Math.max(...rows.map((r) => r.id.length));
      for (const r of rows) {
        const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
        const status = r.encoded ? `${plural(r.properties, 'property', 'properties')}, ${plural(r.controls, 'control', 'controls')}` : 'not encoded yet';
        process.stdout.write(`${r.id.padEnd(w)}  ${r.provenance.padEnd(13)}  ${status.padEnd(28)}  ${r.title}  [${r.source}]\n`);
      }
      const n = rows.filter((r) => r.encoded).length;
      process.stdout.write(`\n${n} of ${rows.length} claims encoded.\n`);
    });

  program
    .command('run')
    .description(`verify the selected claims and write ${REPORT_FILE_LIST} into --out`)
    .option('--claims <ids>', "comma-separated claim or property ids or globs, e.g. 'KD-L6-DV,KD-BD-*' or 'KD-L6-DV/inequality' (repeatable; default: the claims files' claims if any are given, else every encoded claim)", patterns, [])
    .option('--runs <n>', 'instances per property', integer('--runs', 1, 10_000_000), DEFAULT_RUNS)
    .option('--control-runs <n>', 'instances a negative control may draw before counting as not refuted (default: --runs)', integer('--control-runs', 1, 10_000_000))
    .option('--search <n>', 'targeted-search evaluations per property: hill-climbing from the sampled informative instances using the most room towards the largest room used (default: --runs / 10; 0: off)', integer('--search', 0, 10_000_000))
    .option('--digits <p>', 'working precision in significant digits (at most 250: escalation goes to 4× and decimal.js knows ln 10 and π to about 1025 digits)', integer('--digits', 20, 250), DEFAULT_DIGITS)
    .option('--seed <s>', 'run seed (same seed, same report)', integer('--seed', -(2 ** 31), 2 ** 31 - 1), DEFAULT_SEED)
    .option('--out <dir>', `output directory: ${REPORT_FILE_LIST}`, 'reports/latest')
    .option('--jobs <n>', 'worker threads (default: the number of cores)', integer('--jobs', 1, 256), Math.max(1, availableParallelism()))
    .option('--claims-file <file>', 'a TS/JS file exporting `claims` built with kd-verify/api (repeatable)', (v: string, prev: string[] = []) => [...prev, v], [])
    .option('--corpus <dir>', 'your counterexample corpus, run first with the bundled one', DEFAULT_USER_CORPUS)
    .option('--update-corpus', 'add the run\'s counterexamples and refuted probes\' witnesses to the --corpus directory (run first on every later run)')
    .option('--time-limit <seconds>', 'stop after this many seconds: the report is marked incomplete and cut-short properties are undecided, never verified', integer('--time-limit', 1, 7 * 24 * 3600))
    .option('--shard <i/n>', 'run only shard i of n (every n-th property, deterministic); merge the shard reports with kdverify merge', shardArg)
    .addHelpText('after', exitStatusHelp())
    .action(async (opts: { claims: string[]; runs: number; controlRuns?: number; search?: number; digits: number; seed: number; out: string; jobs: number; claimsFile: string[]; shard?: { index: number; count: number }; timeLimit?: number; corpus: string; updateCorpus?: boolean }) => {
      checkWritableDir(opts.out);
      if (opts.updateCorpus) checkCorpusDir(opts.corpus);
      // the clock started with the process: start-up and loading the claims files count against the time limit
      const deadline = opts.timeLimit === undefined ? undefined : performance.timeOrigin + opts.timeLimit * 1000;
      const watch = watchInterrupts((reason) => process.stderr.write(`kdverify: ${reason}: stopping; the report will be marked incomplete\n`));
      const progress = progressFor();
      let report;
      try {
        const loading = deadline === undefined ? watch.signal : abortAt(watch.signal, deadline, 'the time limit');
        const userClaims = await describeClaimsFiles(opts.claimsFile, loading);
        report = await verify(builtinProperties, {
          userClaims,
          claimsFiles: opts.claimsFile,
          shard: opts.shard,
          deadline,
          signal: watch.signal,
          // claims files given and no --claims: their claims
          claims: opts.claims.length || !userClaims.specs.length ? opts.claims : userClaims.specs.map((s) => s.id),
          corpus: opts.corpus,
          runs: opts.runs,
          controlRuns: opts.controlRuns ?? opts.runs,
          searchRuns: opts.search,
          digits: opts.digits,
          seed: opts.seed,
          out: opts.out,
          jobs: opts.jobs,
          onStart: (total) => progress.start(total),
          onProgress: (id, phase, done, total) => progress.update(id, phase, done, total),
          log: (line) => progress.done(line, line.split(/\s+/)[1] ?? ''),
        });
      } finally {
        progress.stop();
        watch.dispose();
      }
      if (opts.updateCorpus) {
        const { added, total } = updateCorpus(report, opts.corpus, `found by kdverify run --seed ${opts.seed} --runs ${opts.runs} on ${report.timing.startedAt.slice(0, 10)}`);
        process.stdout.write(`corpus ${opts.corpus}: ${added.length} new entr${added.length === 1 ? 'y' : 'ies'} (${total} in total)\n`);
      }
      const s = report.summary;
      const unrefuted = report.claims.flatMap((c) => c.properties.filter((p) => !p.cutShort).flatMap((p) => p.controls.filter((k) => !k.refuted).map((k) => k.id)));
      process.stdout.write(`\n${runSummary(report, opts.out)}`);
      if (unrefuted.length) process.stdout.write(`negative controls NOT refuted at this budget: ${unrefuted.join(', ')}\n`);
      if (opts.shard) process.stdout.write(`shard ${opts.shard.index} of ${opts.shard.count}: merge the shards with kdverify merge\n`);
      process.exitCode = finalStatus(report);
    });
  program
    .command('merge')
    .description('merge the shard reports of one run (directories written with --shard I/N) into the report of the whole run')
    .argument('<dirs...>', 'shard report directories')
    .requiredOption('--out <dir>', 'output directory of the merged report')
    .addHelpText('after', exitStatusHelp())
    .action((dirs: string[], opts: { out: string }) => {
      checkWritableDir(opts.out);
      const { reports, figureFiles } = readShards(dirs);
      const report = mergeReports(reports);
      writeReport(opts.out, reportFiles(report, builtinProperties, figureFiles));
      process.stdout.write(`${dirs.length} shards merged: ${runSummary(report, opts.out)}`);
      process.exitCode = finalStatus(report);
    });

  program
    .command('replay')
    .description("re-run exactly the counterexample a report recorded for a claim, and print it (exit 1 when it is violated again)")
    .requiredOption('--report <file>', 'a report.json written by kdverify run')
    .requiredOption('--claim <id>', 'the claim whose counterexample to replay')
    .option('--claims-file <file>', 'claims files defining the property (default: those recorded in the report)', (v: string, prev: string[] = []) => [...prev, v], [])
    .addHelpText('after', REPLAY_EXIT_HELP)
    .action(async (opts: { report: string; claim: string; claimsFile: string[] }) => {
      const report = readReport(opts.report);
      const files = opts.claimsFile.length ? opts.claimsFile : claimsFilesOfReport(report.config.claimsFiles, opts.report);
      // a claims file's code runs on a worker thread: process.exit there cannot pass for a verdict
      const r = files.length ? await askWorker<ReplayResult>(files, { type: 'replay', report, claim: opts.claim }, 'the replay') : replay(report, opts.claim, builtinProperties);
      process.stdout.write(`${r.property}\ninstance: ${JSON.stringify(r.instance)}\nlhs ∈ [${r.lhs.lo}, ${r.lhs.hi}]\nrhs ∈ [${r.rhs.lo}, ${r.rhs.hi}]\nmargin ∈ [${r.margin.lo}, ${r.margin.hi}] at ${r.digits} digits\nverdict: ${r.verdict}${r.reproduced ? ' (reproduced)' : ' (NOT reproduced)'}\n`);
      process.exitCode = r.reproduced ? EXIT.failed : EXIT.verified;
    });
  addCheckImpl(program, integer);
  return program;
}

/** The run's exit status, with the reasons for an incomplete one on stdout. */
function finalStatus(report: Report): number {
  const status = runExitStatus(report);
  if (status === EXIT.incomplete) process.stdout.write(`INCOMPLETE (exit status ${EXIT.incomplete}): ${incompleteReasons(report).join('; ')}. Not verified.\n`);
  return status;
}

export async function main(argv: string[]): Promise<number> {
  await mpfrLoaded; // what runs on this thread (replay, in-memory properties) certifies as the workers do
  const program = buildCli();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.verified : EXIT.usage;
    const name = e instanceof Error ? e.name : 'Error';
    process.stderr.write(`kdverify: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    return name === 'InterruptedError' ? EXIT.incomplete : ['SelectionError', 'CatalogueError', 'UsageError'].includes(name) ? EXIT.usage : EXIT.failed;
  }
}
