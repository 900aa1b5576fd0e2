// `mpcspec audit views <id>` (issue 4 §5): the view-privacy audit of one protocol — exhaustive in a tiny
// ring or statistical in the full ring (audit/audit-views.ts) — printed with its evidence; exit 1 when a
// party's view leaks, 2 on bad input (unknown id, ring too large to enumerate, party out of range).
import type { Command } from 'commander';
import { auditViews } from '../../audit/audit-views.ts';
import { describeVerdict } from '../../audit/describe.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { EXIT_FAILED_CHECK, action } from '../errors.ts';
import { parseChoiceOption, parseIntOption, parseJsonObjectOption, parseSeedOption } from '../options.ts';
import {
  type BackendAuditOptions as Via,
  addBackendAuditOptions,
  auditViewsThroughBackend,
} from './audit-backend.ts';

interface AuditViewsOptions {
  mode?: 'exhaustive' | 'statistical';
  party?: number;
  ring?: number;
  samples?: number;
  seed?: bigint;
  profile: string;
  parties: number;
  params?: Record<string, unknown>;
  json?: boolean;
}

export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('audit a protocol (views: privacy of every party’s view)');
  addBackendAuditOptions(audit.command('views'))
    .description(
      "check that no single party's view reveals anything beyond its inputs and outputs: exhaustively in a tiny ring (default when the randomness allows) or statistically in the full ring",
    )
    .argument('<id>', "protocol id (see 'mpcspec list')")
    .option(
      '--mode <mode>',
      'exhaustive (exact distributions, tiny ring) | statistical (two-sample tests, full ring); default: exhaustive when in reach',
      parseChoiceOption('mode', ['exhaustive', 'statistical'] as const),
    )
    .option('--party <i>', 'audit only this party', parseIntOption('party', 0, 15))
    .option(
      '--ring <bits>',
      'ring width ℓ: exhaustive 4…16 (default 4); statistical 4…64 (default the profile’s)',
      parseIntOption('ring', 1, 64),
    )
    .option(
      '--samples <n>',
      'statistical: runs per secret group (default 2000); exhaustive: own tapes to sample',
      parseIntOption('samples', 1, 1_000_000),
    )
    .option('--seed <s>', 'seed: decimal or 0x-hex integer < 2^64 (default fixed)', parseSeedOption)
    .option('--profile <name>', 'crypten | spu | default', 'default')
    .option('--parties <n>', 'number of parties', parseIntOption('parties', 2, 16), 2)
    .option('--params <json>', 'protocol parameters as a JSON object', parseJsonObjectOption('params'))
    .option('--json', 'print the verdict as JSON')
    .action(
      action(async (id: string, opts: AuditViewsOptions & Via, cmd: Command) => {
        if (opts.backend !== undefined) return auditViewsThroughBackend(id, opts.backend, opts, cmd);
        const protocol = findProtocol(id).bind(opts.params ?? {});
        const config = resolveConfig(opts.profile, { parties: opts.parties });
        const verdict = await auditViews(protocol, config, {
          ...(opts.mode === undefined ? {} : { mode: opts.mode }),
          ...(opts.party === undefined ? {} : { party: opts.party }),
          ...(opts.ring === undefined ? {} : { ring: opts.ring }),
          ...(opts.samples === undefined ? {} : { samples: opts.samples }),
          ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        });
        process.stdout.write(
          opts.json === true ? `${JSON.stringify(verdict, null, 2)}\n` : `${describeVerdict(verdict)}\n`,
        );
        if (!verdict.ok) process.exitCode = EXIT_FAILED_CHECK;
      }),
    );
}
