// `mpcspec run <id>` (issue 2 §8): reference and protocol on seeded inputs from the spec's domain, or
// on `--inputs FILE`; prints a table or, with --json, one object (harness/summary.ts).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { inputError } from '../../core/errors.ts';
import { jsonSyntaxProblem } from '../../core/validation.ts';
import { MAX_INPUT_ELEMENTS } from '../../harness/case.ts';
import { runCase } from '../../harness/run-case.ts';
import { parseUserInputs } from '../../harness/user-inputs.ts';
import { describeConfig } from '../../spec/config.ts';
import { EXIT_FAILED_CHECK, action } from '../errors.ts';
import {
  maxMemoryOption,
  silenceTimeoutOption,
  transportOption,
  parseIntOption,
  parseJsonObjectOption,
  parseShapeOption,
  seedOption,
} from '../options.ts';
import { printTable } from '../table.ts';

interface RunOptions {
  profile: string;
  parties: number;
  ring?: number;
  size: number;
  shape?: number[] | Record<string, number[]>;
  seed: bigint;
  params?: Record<string, unknown>;
  inputs?: string;
  emitOutputs?: boolean;
  allowOutOfDomain?: boolean;
  transport: 'memory' | 'tcp';
  timeout: number;
  maxMemory: number;
  json?: boolean;
}

function readInputs(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError(`--inputs: cannot read '${file}': ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw inputError(`--inputs: '${file}' is not JSON: ${jsonSyntaxProblem(e, text)}`);
  }
}

const yesNo = (ok: boolean): string => (ok ? 'yes' : 'NO');
const sameNumbers = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'run a protocol and its reference on seeded (or given) inputs and check error and cost against the spec',
    )
    .argument('<id>', "protocol id (see 'mpcspec list')")
    .option('--profile <name>', 'crypten | spu | default', 'default')
    .option('--parties <n>', 'number of parties', parseIntOption('parties', 2, 16), 2)
    .option('--ring <bits>', 'ring width ℓ (4…64), overriding the profile', parseIntOption('ring', 4, 64))
    .option(
      '--size <n>',
      "length of each input's last axis (a vector's length, a row's length, a square matrix's side)",
      parseIntOption('size', 1, MAX_INPUT_ELEMENTS),
      16,
    )
    .option(
      '--shape <dims>',
      "input shape instead of --size, e.g. 12x128x128 (the first input's; the spec derives the others) or x=4x8,y=8x2",
      parseShapeOption,
    )
    .addOption(seedOption('seed: decimal or 0x-hex integer < 2^64', 1n))
    .option(
      '--params <json>',
      'protocol parameters as a JSON object, e.g. \'{"c":0.5}\'',
      parseJsonObjectOption('params'),
    )
    .option('--inputs <file>', 'JSON object of named arrays of numbers, e.g. {"x":[…],"y":[…]}')
    .option('--emit-outputs', 'include the decoded outputs')
    .option(
      '--allow-out-of-domain',
      'run even when an input lies outside the spec domain (bounds then do not apply)',
    )
    .addOption(transportOption('one OS process per party, loopback'))
    .addOption(silenceTimeoutOption())
    .addOption(maxMemoryOption())
    .option('--json', 'print one JSON object')
    .action(
      action(async (id: string, opts: RunOptions) => {
        const s = await runCase({
          id,
          profile: opts.profile,
          parties: opts.parties,
          ...(opts.ring !== undefined ? { ell: opts.ring } : {}),
          size: opts.size,
          ...(opts.shape !== undefined ? { shape: opts.shape } : {}),
          seed: opts.seed,
          ...(opts.params !== undefined ? { params: opts.params } : {}),
          ...(opts.inputs !== undefined
            ? { inputs: parseUserInputs(readInputs(opts.inputs), opts.inputs) }
            : {}),
          ...(opts.allowOutOfDomain === true ? { allowOutOfDomain: true } : {}),
          transport: opts.transport,
          tcp: { timeoutMs: opts.timeout },
          emitOutputs: opts.emitOutputs === true,
          maxMemoryBytes: opts.maxMemory,
        });
        if (opts.json === true) {
          process.stdout.write(
            `${JSON.stringify(s, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
          );
        } else {
          process.stdout.write(
            `${s.protocol} — ${describeConfig(s.config)}, ${s.size} elements, seed ${s.seed}\n`,
          );
          printTable(
            ['check', 'spec', 'measured', 'ok'],
            [
              ['rounds', s.specCost.rounds, s.rounds, s.specCost.rounds === s.rounds ? 'yes' : 'NO'],
              [
                'bits sent per party',
                s.specCost.bitsSent.join(' / '),
                s.bitsSent.join(' / '),
                yesNo(sameNumbers(s.specCost.bitsSent, s.bitsSent)),
              ],
              [
                'offline bits per party',
                s.specCost.offlineBits.join(' / '),
                s.offlineBits.join(' / '),
                yesNo(sameNumbers(s.specCost.offlineBits, s.offlineBits)),
              ],
              [
                '|protocol − reference|',
                `≤ ${s.bounds.implementationUlps} ulp`,
                `${s.maxImplementationUlps} ulp (${s.maxAbsError.toExponential(2)})`,
                yesNo(s.implementationOk),
              ],
              [
                'wrap events',
                `≤ ${s.wrapAllowed}`,
                s.wrapEvents,
                s.wrapEvents <= s.wrapAllowed ? 'yes' : 'NO',
              ],
              [
                '|reference − ideal|',
                `≤ ${s.bounds.approximationAbs.toExponential(2)} + ${s.bounds.approximationRel}·|ideal|`,
                s.maxIdealError.toExponential(2),
                yesNo(s.approximationOk),
              ],
            ],
          );
          if (s.outputs !== undefined)
            for (const [name, vals] of Object.entries(s.outputs))
              process.stdout.write(
                `${name} = [${vals.slice(0, 64).join(', ')}${vals.length > 64 ? ', …' : ''}]\n`,
              );
          for (const f of s.failures) process.stdout.write(`FAIL: ${f}\n`);
          process.stdout.write(`verdict: ${s.ok ? 'PASS' : 'FAIL'}\n`);
        }
        if (!s.ok) process.exitCode = EXIT_FAILED_CHECK;
      }),
    );
}
