// `mpcspec audit views <id>` (issue 4 §5, issue 16): the view-privacy audit of one protocol — by default
// every mode (relation search and statistical tests in the full ring, exhaustive enumeration in a tiny
// ring when in reach) for every party (audit/audit-views.ts) — printed with its evidence; exit 1 when a
// party's view leaks, 2 on bad input (unknown id, party out of range, a budget that is not a positive
// integer, samples 0) or when nothing could be checked for some party (the one mode asked for is out of
// reach). `no leak found (incomplete: …)` exits 0 and says which mode did not run and why.
import type { Command } from 'commander';
import { auditViews } from '../../audit/audit-views.ts';
import { describeVerdict } from '../../audit/describe.ts';
import { MAX_BUDGET_BITS } from '../../audit/enumeration.ts';
import { usageError } from '../../core/errors.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { EXIT_FAILED_CHECK, action } from '../errors.ts';
import { parseChoiceOption, parseIntOption, parseJsonObjectOption, seedOption } from '../options.ts';
import {
  type BackendAuditOptions as Via,
  addBackendAuditOptions,
  auditViewsThroughBackend,
} from './audit-backend.ts';

interface AuditViewsOptions {
  mode: 'auto' | 'relation' | 'exhaustive' | 'statistical';
  party?: number;
  ring?: number;
  size?: number;
  samples?: number;
  budget?: number;
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
      "check that no single party's view reveals anything beyond its inputs and outputs: exact linear relations and statistical tests in the full ring, exact distributions in a tiny ring; the verdict says which modes ran",
    )
    .argument('<id>', "protocol id (see 'mpcspec list')")
    .option(
      '--mode <mode>',
      'auto (every mode) | relation (exact Z_2^ℓ-linear relations, full ring) | exhaustive (exact distributions, tiny ring) | statistical (two-sample tests, full ring)',
      parseChoiceOption('mode', ['auto', 'relation', 'exhaustive', 'statistical'] as const),
      'auto',
    )
    .option('--party <i>', 'audit only this party', parseIntOption('party', 0, 15))
    .option(
      '--ring <bits>',
      'ring width ℓ audited by every mode (4…64; the exhaustive mode enumerates up to 16); default: the profile’s for relation and statistical, the first of 4, 5, 6 the protocol supports for exhaustive',
      parseIntOption('ring', 4, 64),
    )
    .option(
      '--size <n>',
      'elements per instance of the relation and statistical modes (default 2, or the spec’s if larger)',
      parseIntOption('size', 1, 4096),
    )
    .option(
      '--samples <n>',
      'statistical: runs per secret group (default sized by the view: 2000…16000); with --mode exhaustive: own tapes to sample',
      parseIntOption('samples', 1, 1_000_000),
    )
    .option(
      '--budget <bits>',
      `exhaustive: log2 of the evaluations allowed (1…${MAX_BUDGET_BITS}, default 22; a protocol that does not batch gets 2^8 times fewer)`,
      parseIntOption('budget', 1, MAX_BUDGET_BITS),
    )
    .addOption(seedOption('seed: decimal or 0x-hex integer < 2^64 (default fixed)'))
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
          mode: opts.mode,
          ...(opts.party === undefined ? {} : { party: opts.party }),
          ...(opts.ring === undefined ? {} : { ring: opts.ring }),
          ...(opts.size === undefined ? {} : { instanceSize: opts.size }),
          ...(opts.samples === undefined ? {} : { samples: opts.samples }),
          ...(opts.budget === undefined ? {} : { budgetBits: opts.budget }),
          ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        });
        if (verdict.unchecked && verdict.ok) {
          const reasons = verdict.verdicts.flatMap((p) =>
            p.modes.flatMap((m) =>
              m.status === 'not run' ? [`party ${p.party}, ${m.mode}: ${m.reason}`] : [],
            ),
          );
          throw usageError(`nothing could be checked: ${reasons.join('; ')}`);
        }
        process.stdout.write(
          opts.json === true
            ? `${JSON.stringify(verdict, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`
            : `${describeVerdict(verdict)}\n`,
        );
        if (!verdict.ok) process.exitCode = EXIT_FAILED_CHECK;
      }),
    );
}
