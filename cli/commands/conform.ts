// `mpcspec conform` (what `npm start` runs): the conformance pass over every registered protocol on the
// built-in backend, with a progress bar and a summary table; exit 1 if any case fails.
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { usageError } from '../../core/errors.ts';
import {
  type ConformanceRow,
  conformancePlan,
  rowPassed,
  runConformanceCase,
} from '../../harness/conformance.ts';
import { QUICK, auditViews } from '../../audit/audit-views.ts';
import { VIEW_TABLE_HEADER, viewTableRow } from '../../audit/describe.ts';
import type { ViewVerdict } from '../../audit/verdict.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { EXIT_FAILED_CHECK, action } from '../errors.ts';
import { WarmPools } from '../../harness/tcp/warm-pools.ts';
import {
  maxMemoryOption,
  transportOption,
  parseIntOption,
  parseListOption,
  parseShapeOption,
  seedOption,
} from '../options.ts';
import { type Row, printTable } from '../table.ts';
import { type BackendConformOptions, addBackendOptions, conformBackend } from './conform-backend.ts';

interface ConformOptions {
  only?: string[];
  profile?: string[];
  parties: number[];
  size: number;
  shape?: number[] | Record<string, number[]>;
  seed: bigint;
  maxMemory: number;
  json?: boolean;
  views: boolean;
  transport: 'memory' | 'tcp';
}

const rowReason = (r: ConformanceRow): string => (r.status === 'ran' ? 'ran' : r.reason);

/** The protocol column: the id, and the defect a released-code form reproduces. */
const protocolName = (r: ConformanceRow): string =>
  r.defect === undefined ? r.id : `${r.id} (released: ${r.defect.defect})`;

function verdict(r: Extract<ConformanceRow, { status: 'ran' }>): string {
  const s = r.summary;
  if (r.defect === undefined) return s.ok ? 'PASS' : `FAIL: ${s.failures.join('; ')}`;
  return s.ok
    ? `UNEXPECTED PASS: the released form of ${r.id} (${r.defect.title}) met every bound`
    : `EXPECTED FAIL: ${s.failures[0] ?? ''}`;
}

function tableRow(r: ConformanceRow): Row {
  if (r.status !== 'ran')
    return [
      protocolName(r),
      r.profile,
      r.parties,
      '',
      '',
      '',
      '',
      '',
      r.status === 'n/a' ? `n/a: ${r.reason}` : `ERROR: ${r.reason}`,
    ];
  const s = r.summary;
  return [
    protocolName(r),
    r.profile,
    r.parties,
    s.implementationOk ? `yes (${s.maxImplementationUlps} ulp)` : 'NO',
    s.approximationOk ? `yes (${s.maxIdealError.toExponential(1)})` : 'NO',
    `${s.specCost.rounds}/${s.rounds}`,
    `${s.specCost.bitsSent[0]}/${s.bitsSent[0]}${s.costOk ? '' : ' ✗'}`,
    `${s.specCost.offlineBits[0]}/${s.offlineBits[0]}`,
    verdict(r),
  ];
}

/** One view-privacy verdict per protocol (QUICK budget), with a progress bar. */
async function viewVerdicts(ids: readonly string[]): Promise<ViewVerdict[]> {
  const config = resolveConfig('default', { parties: 2 });
  const bar = new SingleBar({
    format: 'view privacy [{bar}] {value}/{total} {case}',
    stream: process.stderr,
    hideCursor: true,
    notTTYSchedule: 5000,
  });
  bar.start(ids.length, 0, { case: '' });
  const out: ViewVerdict[] = [];
  for (const id of ids) {
    bar.update(out.length, { case: id });
    out.push(await auditViews(findProtocol(id).bind(), config, QUICK));
  }
  bar.update(out.length, { case: 'done' });
  bar.stop();
  return out;
}

export function registerConformCommand(program: Command): void {
  addBackendOptions(program.command('conform'))
    .description(
      'conformance pass: every registered protocol × profile × party count on the built-in backend',
    )
    .option('--only <ids>', 'comma-separated protocol ids (default: all)', parseListOption('only', 'mul,ltz'))
    .option(
      '--profile <names>',
      'comma-separated profiles (default: all)',
      parseListOption('profile', 'crypten,default'),
    )
    .addOption(
      new Option('--parties <list>', 'comma-separated party counts')
        .argParser(parseListOption('parties', '2,3', parseIntOption('parties', 2, 16)))
        .default([2, 3], '2,3'),
    )
    .option(
      '--size <n>',
      "length of each input's last axis (a vector's length, a row's length)",
      parseIntOption('size', 1, 1_000_000),
      32,
    )
    .option(
      '--shape <dims>',
      "input shape instead of --size, e.g. 12x128x128 (each protocol's first input) or x=4x8,y=8x2",
      parseShapeOption,
    )
    .addOption(seedOption('seed: decimal or 0x-hex integer < 2^64', 1n))
    .addOption(maxMemoryOption())
    .addOption(transportOption('one OS process per party, kept warm across cases'))
    .option('--no-views', 'skip the view-privacy audit of each protocol')
    .option('--json', 'print the rows as JSON')
    .action(
      action(async (opts: ConformOptions & BackendConformOptions, cmd: Command) => {
        if (opts.backend !== undefined) return conformBackend(opts.backend, opts, cmd);
        const options = {
          ...(opts.only === undefined ? {} : { ids: opts.only }),
          ...(opts.profile === undefined ? {} : { profiles: opts.profile }),
          parties: opts.parties,
          size: opts.size,
          ...(opts.shape !== undefined ? { shape: opts.shape } : {}),
          seed: opts.seed,
          maxMemoryBytes: opts.maxMemory,
          ...(opts.transport === 'tcp' ? { tcp: new WarmPools() } : {}),
        };
        const plan = conformancePlan(options);
        const bar = new SingleBar({
          format: 'conformance [{bar}] {value}/{total} {case}',
          stream: process.stderr,
          hideCursor: true,
          noTTYOutput: false,
          notTTYSchedule: 5000,
        });
        bar.start(plan.length, 0, { case: '' });
        const rows: ConformanceRow[] = [];
        try {
          for (const item of plan) {
            bar.update(rows.length, { case: `${item.id} ${item.profile} ${item.parties}p` });
            rows.push(await runConformanceCase(item, options));
          }
        } finally {
          await options.tcp?.close();
        }
        bar.update(rows.length, { case: 'done' });
        bar.stop();
        const failed = rows.filter((r) => !rowPassed(r));
        const ran = rows.filter((r) => r.status === 'ran').length;
        // A selection of cases none of which applies checked nothing: that is not a pass.
        const views = opts.views && ran > 0 ? await viewVerdicts([...new Set(plan.map((p) => p.id))]) : [];
        const leaks = views.filter((v) => !v.ok);
        if (opts.json === true) {
          process.stdout.write(
            `${JSON.stringify({ rows, views }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
          );
        } else {
          printTable(
            [
              'protocol',
              'profile',
              'n',
              'correct (max)',
              'within bound (max)',
              'rounds spec/meas',
              'bits p0 spec/meas',
              'offline p0 spec/meas',
              'verdict',
            ],
            rows.map(tableRow),
          );
          const expected = rows.filter(
            (r) => r.defect !== undefined && r.status === 'ran' && rowPassed(r),
          ).length;
          const notApplicable = rows.length - ran - failed.filter((r) => r.status === 'error').length;
          process.stdout.write(
            `${ran} cases ran, ${notApplicable} not applicable, ${failed.length} failed${expected > 0 ? `; ${expected} released-code forms failed as expected` : ''}\n`,
          );
          if (views.length > 0) {
            process.stdout.write(
              '\nView privacy (2 parties, default profile, every mode per party; `mpcspec audit views <id>` for the evidence and coverage):\n',
            );
            printTable([...VIEW_TABLE_HEADER], views.map(viewTableRow));
            const incomplete = views.filter((v) => v.status === 'incomplete').length;
            process.stdout.write(
              `${views.length} protocols audited, ${leaks.length} leak(s), ${incomplete} with no leak found but some mode not run\n`,
            );
          }
        }
        if (leaks.length > 0) process.exitCode = EXIT_FAILED_CHECK;
        if (failed.length > 0) process.exitCode = EXIT_FAILED_CHECK;
        if (rows.every((r) => r.status === 'n/a'))
          throw usageError(
            `nothing checked: none of the ${rows.length} selected case(s) applies (${rows[0]!.id} ${rows[0]!.profile} ${rows[0]!.parties}p: ${rowReason(rows[0]!)})`,
          );
      }),
    );
}
