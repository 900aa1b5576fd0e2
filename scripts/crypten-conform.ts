// `npm run conform:crypten` (issue 18 §2; docs/crypten.md): the whole conformance pass of CrypTen 0.4
// through adapters/crypten/ under the `crypten` profile, once per triple provider (TFP, CrypTen's default,
// then TTP), with the view audit of the views it reports for CrypTen's elementwise ops. Prints the
// runner's table and evidence, writes them (reports/crypten/conform-<provider>.txt, .json, .xml) and
// compares every op's verdict with the verdicts recorded for CrypTen 0.4 (adapters/crypten/expected-verdicts.json, each with what the harness found):
// CrypTen's known failures are expected, and a verdict that changes either way fails the pass.
// Exit 0: verdicts as recorded; 1: a verdict changed; 2: usage or adapter error; 3: CrypTen or torch
// is not available here (one line, nothing checked).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUICK } from '../audit/audit-views.ts';
import { junitXml } from '../backend/report/junit.ts';
import { TABLE_HEAD, backendName, detailText, summaryLine, tableRow } from '../backend/report/describe.ts';
import { type BackendReport, runBackendConformance } from '../backend/runner.ts';
import { BackendUnavailable } from '../backend/session.ts';
import { usageError } from '../core/errors.ts';
import { renderTable } from '../cli/table.ts';
import { ROOT, cryptenRunOptions } from './crypten-options.ts';

export const CRYPTEN_ADAPTER = join(ROOT, 'adapters/crypten/run.sh');
const EXPECTED = join(ROOT, 'adapters/crypten/expected-verdicts.json');

interface Expected {
  readonly status: string;
  readonly finding: string;
}

const jsonText = (v: unknown): string =>
  `${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 2)}\n`;

/** The report as a person reads it: the runner's table and its evidence paragraphs. */
export function reportText(report: BackendReport): string {
  const details = detailText(report);
  return [
    `${backendName(report)}: cost judged by profile ${report.costProfile ?? 'none'}; ${report.casesPerOp} cases per op, seed ${report.seed}`,
    renderTable(TABLE_HEAD, report.ops.map(tableRow)),
    ...(details.length > 0 ? ['', ...details] : []),
    '',
    `not offered by the adapter: ${report.notOffered.join(', ')}`,
    `offered but without an mpcspec spec (skipped): ${report.unknownOps.join(', ') || 'none'}`,
    summaryLine(report),
  ].join('\n');
}

/** Ops whose verdict differs from the one recorded for CrypTen 0.4. */
export function changedVerdicts(report: BackendReport, expected: Record<string, Expected>): string[] {
  const changed: string[] = [];
  for (const r of report.ops) {
    const want = expected[r.key]?.status ?? 'pass';
    if (r.status !== want) changed.push(`${r.key}: ${r.status}, recorded ${want}`);
  }
  for (const key of Object.keys(expected))
    if (!report.ops.some((r) => r.key === key))
      changed.push(`${key}: not run, recorded ${expected[key]!.status}`);
  return changed;
}

async function main(): Promise<number> {
  const { cases, seed, out, extra } = cryptenRunOptions({ provider: 'TFP,TTP' });
  const providers = extra['provider']!.split(',');
  for (const p of providers)
    if (!['TFP', 'TTP'].includes(p)) throw usageError(`--provider: '${p}' is not TFP or TTP`);
  const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Record<string, Expected>;
  let status = 0;
  for (const provider of providers) {
    const report = await conformancePass(provider, cases, seed);
    const text = reportText(report);
    process.stdout.write(`${text}\n`);
    mkdirSync(out, { recursive: true });
    const stem = join(out, `conform-${provider}`);
    writeFileSync(`${stem}.txt`, `${text}\n`);
    writeFileSync(`${stem}.json`, jsonText(report));
    writeFileSync(`${stem}.xml`, junitXml(report));
    const changed = changedVerdicts(report, expected);
    if (changed.length === 0) {
      process.stdout.write(
        `provider ${provider}: verdicts as recorded for CrypTen 0.4 (${Object.keys(expected).length} known findings); written to ${stem}.{txt,json,xml}\n\n`,
      );
      continue;
    }
    process.stdout.write(
      `provider ${provider}: verdicts changed from those recorded in adapters/crypten/expected-verdicts.json:\n  ${changed.join('\n  ')}\n\n`,
    );
    status = 1;
  }
  return status;
}

/**
 * Ops whose views the adapter reports, for the view audit: CrypTen's elementwise circuits, whose every
 * opened tensor keeps the instance axis (adapters/crypten/views.py).
 */
export const VIEW_OPS = [
  'mul',
  'square',
  'ltz',
  'lt',
  'eq',
  'sign',
  'abs',
  'relu',
  'exp',
  'reciprocal_nr_pos',
  'reciprocal_nr',
  'inv_sqrt_nr',
  'sqrt',
  'sigmoid',
  'tanh',
  'erf',
];

/** One whole pass with CrypTen's triples from `provider`, progress on stderr. */
function conformancePass(provider: string, cases: number, seed: bigint): Promise<BackendReport> {
  let last = 0;
  return runBackendConformance({
    command: `"${CRYPTEN_ADAPTER}" --provider ${provider} --views ${VIEW_OPS.join(',')}`,
    audit: { samples: QUICK.minSamples, seed, maxPairs: QUICK.maxPairs },
    cases,
    size: 32,
    seed,
    profile: 'crypten',
    timeoutMs: 60_000,
    progress: (done, total, label) => {
      if (done - last >= 48 || done === total || label.endsWith(' views')) {
        last = done;
        process.stderr.write(`crypten conformance (${provider}): ${done}/${total} ${label}\n`);
      }
    },
  });
}

if (process.argv[1] === import.meta.filename)
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof BackendUnavailable) {
        process.stderr.write(`conform:crypten: skipped: ${e.message}\n`);
        process.exit(3);
      }
      process.stderr.write(`conform:crypten: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
