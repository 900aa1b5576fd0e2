// `mpcspec conform --backend "<command>"` (issue 17 §2): the conformance run of another engine through
// its adapter (backend/runner.ts, docs/backends.md), with a progress bar, a table per op, the defect
// paragraphs, `--json`, `--junit FILE` and `--audit`. Exit 0 when every op passes, 1 when one fails,
// 2 for a usage error, an adapter that does not start or a handshake that does not decode, or a run
// that checked nothing; 3 when the adapter says its engine is not available here (skipped).
import { writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { QUICK } from '../../audit/audit-views.ts';
import { describeVerdict } from '../../audit/describe.ts';
import { usageError } from '../../core/errors.ts';
import { killAllAdapters } from '../../backend/adapter-process.ts';
import { junitXml } from '../../backend/report/junit.ts';
import { TABLE_HEAD, backendName, detailText, summaryLine, tableRow } from '../../backend/report/describe.ts';
import { type BackendReport, runBackendConformance } from '../../backend/runner.ts';
import { BackendUnavailable } from '../../backend/session.ts';
import { describeConfig } from '../../spec/config.ts';
import { EXIT_FAILED_CHECK, EXIT_USAGE } from '../errors.ts';
import { parseIntOption } from '../options.ts';
import { printTable } from '../table.ts';

/** The engine behind the adapter is not available here (e.g. not installed): nothing ran, on purpose. */
export const EXIT_SKIPPED = 3;

/** Run `body`; an adapter that reports its engine unavailable ends the command with one line and exit 3. */
export async function unlessUnavailable(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (!(e instanceof BackendUnavailable)) throw e;
    process.stderr.write(`mpcspec: skipped: ${e.message}\n`);
    process.exitCode = EXIT_SKIPPED;
  }
}

export interface BackendConformOptions {
  backend?: string;
  only?: string[];
  profile?: string[];
  size: number;
  shape?: number[] | Record<string, number[]>;
  seed: bigint;
  json?: boolean;
  cases: number;
  timeout: number;
  junit?: string;
  audit?: boolean;
}

/** The options only `--backend` takes (added to `mpcspec conform`). */
export function addBackendOptions(cmd: Command): Command {
  return cmd
    .option(
      '--backend <command>',
      'check another engine instead: a shell command that starts its adapter (backend protocol, docs/backends.md)',
    )
    .option('--cases <n>', 'with --backend: seeded cases per op', parseIntOption('cases', 1, 100_000), 24)
    .option(
      '--timeout <ms>',
      'with --backend: how long to wait for the handshake and for each answer',
      parseIntOption('timeout', 1, 86_400_000),
      60_000,
    )
    .option('--junit <file>', 'with --backend: also write the verdicts as JUnit XML')
    .option('--audit', 'with --backend: run the statistical view audit on the views the adapter reports');
}

const jsonText = (v: unknown): string =>
  `${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 2)}\n`;

function printReport(report: BackendReport): void {
  const out = process.stdout;
  out.write(
    `${backendName(report)} (${report.backend.command}): ${describeConfig(report.config)}; cost judged ${report.costProfile === undefined ? 'by no profile (none claimed)' : `by profile ${report.costProfile}`}; ${report.casesPerOp} cases per op, seed ${report.seed}\n`,
  );
  printTable(TABLE_HEAD, report.ops.map(tableRow));
  const details = detailText(report);
  if (details.length > 0) out.write(`\n${details.join('\n')}\n`);
  const audited = report.ops.filter((r) => r.views?.verdict !== undefined);
  if (audited.length > 0) {
    out.write('\nView audit of the reported views:\n');
    for (const r of audited) out.write(`${describeVerdict(r.views!.verdict!)}\n`);
  }
  if (report.notOffered.length > 0)
    out.write(
      `\nnot offered by the backend (${report.notOffered.length}): ${report.notOffered.join(', ')}\n`,
    );
  if (report.unknownOps.length > 0)
    out.write(`offered but not registered in mpcspec (skipped): ${report.unknownOps.join(', ')}\n`);
  out.write(`${summaryLine(report)}\n`);
}

export const conformBackend = (command: string, opts: BackendConformOptions, cmd: Command): Promise<void> =>
  unlessUnavailable(() => conformThroughAdapter(command, opts, cmd));

async function conformThroughAdapter(
  command: string,
  opts: BackendConformOptions,
  cmd: Command,
): Promise<void> {
  for (const name of ['parties', 'views'])
    if (cmd.getOptionValueSource(name) === 'cli')
      throw usageError(
        `--${name === 'views' ? 'no-views' : name} does not apply with --backend (the handshake gives the party count; --audit audits the reported views)`,
      );
  if (opts.profile !== undefined && opts.profile.length !== 1)
    throw usageError(
      `--profile: with --backend give one profile to judge the cost by, not '${opts.profile.join(',')}'`,
    );
  const only = opts.only;
  const profile = opts.profile?.[0];
  const bar = new SingleBar({
    format: 'backend conformance [{bar}] {value}/{total} {case}',
    stream: process.stderr,
    hideCursor: true,
    notTTYSchedule: 5000,
  });
  let started = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    killAllAdapters();
    process.stderr.write(`\nmpcspec: ${signal}: adapter ended\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: BackendReport;
  try {
    report = await runBackendConformance({
      command,
      ...(only === undefined ? {} : { only }),
      cases: opts.cases,
      size: opts.size,
      ...(opts.shape === undefined ? {} : { shape: opts.shape }),
      seed: opts.seed,
      ...(profile === undefined ? {} : { profile }),
      timeoutMs: opts.timeout,
      ...(opts.audit === true
        ? { audit: { samples: QUICK.minSamples, seed: opts.seed, maxPairs: QUICK.maxPairs } }
        : {}),
      progress: (done, total, label) => {
        if (!started) {
          bar.start(total, 0, { case: label });
          started = true;
        }
        bar.update(done, { case: label });
      },
    });
  } finally {
    if (started) bar.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (opts.junit !== undefined) writeFileSync(opts.junit, junitXml(report));
  if (opts.json === true) process.stdout.write(jsonText(report));
  else printReport(report);
  if (report.checked === 0) {
    process.stderr.write(
      `mpcspec: error: nothing was checked: ${report.ops.length === 0 ? 'the backend offers none of the ops asked for' : 'no op ran to a verdict'}\n`,
    );
    process.exitCode = EXIT_USAGE;
  } else if (!report.ok) process.exitCode = EXIT_FAILED_CHECK;
}
