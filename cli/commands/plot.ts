// `mpcspec plot <id> [--profile P] [--params JSON] --out FILE.svg` (issue 6 §6): draws a kernel's
// reference, protocol output and ideal over its domain, with the error curves and the spec's bound.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { inputError, usageError } from '../../core/errors.ts';
import { plotKernel } from '../../report/kernel-plot.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { action } from '../errors.ts';
import { parseIntOption, parseJsonObjectOption, seedOption } from '../options.ts';

interface PlotOptions {
  profile: string;
  parties: number;
  params?: Record<string, unknown>;
  points: number;
  seed: bigint;
  range?: [number, number];
  out: string;
}

function parseRange(value: string): [number, number] {
  const parts = value.split(',').map((v) => Number(v.trim()));
  if (parts.length !== 2 || !parts.every(Number.isFinite) || !(parts[0]! < parts[1]!))
    throw usageError(`--range: '${value}' is not 'lo,hi' with lo < hi, e.g. '-4,4'`);
  return [parts[0]!, parts[1]!];
}

export function registerPlotCommand(program: Command): void {
  program
    .command('plot')
    .description(
      'plot a kernel: reference, protocol output and ideal over its domain, with errors and bound (SVG)',
    )
    .argument('<id>', "kernel id (see 'mpcspec list')")
    .option('--profile <name>', 'crypten | spu | default', 'default')
    .option('--parties <n>', 'number of parties', parseIntOption('parties', 2, 16), 2)
    .option(
      '--params <json>',
      'kernel parameters as a JSON object, e.g. \'{"t":7,"eta":4}\'',
      parseJsonObjectOption('params'),
    )
    .option('--points <n>', 'inputs across the domain', parseIntOption('points', 2, 100_000), 801)
    .option('--range <lo,hi>', 'plot only this part of the domain', parseRange)
    .addOption(seedOption('seed: decimal or 0x-hex integer < 2^64', 1n))
    .requiredOption('--out <file>', 'the SVG file to write')
    .action(
      action(async (id: string, opts: PlotOptions) => {
        if (!opts.out.endsWith('.svg')) throw inputError(`--out: '${opts.out}' must name an .svg file`);
        const protocol = findProtocol(id).bind(opts.params ?? {});
        const config = resolveConfig(opts.profile, { parties: opts.parties });
        const why = protocol.unsupported(config);
        if (why !== undefined) throw inputError(`${id}: not supported here: ${why}`);
        const { svg, result } = await plotKernel(protocol, config, opts.points, opts.seed, opts.range);
        try {
          writeFileSync(opts.out, svg);
        } catch (e) {
          throw inputError(`--out: cannot write '${opts.out}': ${(e as Error).message}`);
        }
        const o = result.outputs[0]!;
        process.stdout.write(
          `${opts.out}: ${id} (${opts.profile}) max |ref − ideal| ${o.approximation.maxAbsError.toExponential(2)}, max |prot − ref| ${o.implementation.maxUlps} ulp, ${result.ok ? 'within the spec' : 'OUTSIDE the spec'}\n`,
        );
      }),
    );
}
