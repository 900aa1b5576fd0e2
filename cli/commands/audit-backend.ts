// `mpcspec audit views <id> --backend "<command>"` (issue 17 §4): the statistical view audit of another
// engine's views, as its adapter reports them (backend/views/external-audit.ts), with the same
// verdict and evidence as for this project's own protocols. Exit 1 on a leak; 2 when the adapter
// does not start, does not offer the op, or offers it without views; 3 when its engine is not there.
import type { Command } from 'commander';
import { THOROUGH } from '../../audit/audit-views.ts';
import { describeVerdict } from '../../audit/describe.ts';
import { killAllAdapters } from '../../backend/adapter-process.ts';
import { opKey } from '../../backend/handshake.ts';
import { BackendSession } from '../../backend/session.ts';
import { auditBackendViews } from '../../backend/views/external-audit.ts';
import { usageError } from '../../core/errors.ts';
import { AUDIT_SEED } from '../../audit/audit-views.ts';
import { findProtocol } from '../../registry/index.ts';
import { EXIT_FAILED_CHECK } from '../errors.ts';
import { parseIntOption } from '../options.ts';
import { unlessUnavailable } from './conform-backend.ts';

export interface BackendAuditOptions {
  backend?: string;
  samples?: number;
  seed?: bigint;
  params?: Record<string, unknown>;
  profile: string;
  json?: boolean;
  timeout: number;
}

/** The options only `--backend` takes (added to `mpcspec audit views`). */
export function addBackendAuditOptions(cmd: Command): Command {
  return cmd
    .option(
      '--backend <command>',
      "audit another engine's views, as its adapter reports them (docs/backends.md)",
    )
    .option(
      '--timeout <ms>',
      'with --backend: how long to wait for the handshake and for each answer',
      parseIntOption('timeout', 1, 86_400_000),
      60_000,
    );
}

export const auditViewsThroughBackend = (
  id: string,
  command: string,
  opts: BackendAuditOptions,
  cmd: Command,
): Promise<void> => unlessUnavailable(() => auditThroughAdapter(id, command, opts, cmd));

async function auditThroughAdapter(
  id: string,
  command: string,
  opts: BackendAuditOptions,
  cmd: Command,
): Promise<void> {
  for (const name of ['mode', 'party', 'ring', 'size', 'budget', 'parties'])
    if (cmd.getOptionValueSource(name) === 'cli')
      throw usageError(
        `--${name} does not apply with --backend: the audit is statistical, of every party, in the backend's configuration`,
      );
  const entry = findProtocol(id);
  const wanted = opts.params === undefined ? undefined : opKey(entry, entry.bind(opts.params).params);
  const session = await BackendSession.start(command, {
    ...(cmd.getOptionValueSource('profile') === 'cli' ? { profile: opts.profile } : {}),
    timeoutMs: opts.timeout,
  });
  const onSignal = (): void => {
    killAllAdapters();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  try {
    const ops = session.info.ops.filter(
      (o) => o.entry.id === id && (wanted === undefined || o.key === wanted),
    );
    if (ops.length === 0)
      throw usageError(
        `the backend does not offer ${wanted ?? id}${
          session.info.ops.some((o) => o.entry.id === id)
            ? ` (it offers ${session.info.ops
                .filter((o) => o.entry.id === id)
                .map((o) => o.key)
                .join('; ')})`
            : ''
        }`,
      );
    const silent = ops.filter((o) => !o.views);
    if (silent.length === ops.length)
      throw usageError(`the backend offers ${id} without views (its handshake says views: false)`);
    const verdicts = [];
    for (const op of ops.filter((o) => o.views && o.unsupported === undefined)) {
      const report = await auditBackendViews(session, op, {
        samples: opts.samples ?? THOROUGH.minSamples,
        seed: opts.seed ?? AUDIT_SEED,
        maxPairs: THOROUGH.maxPairs,
      });
      if (report.verdict === undefined) throw usageError(`${op.key}: ${report.detail}`);
      verdicts.push(report.verdict);
    }
    process.stdout.write(
      opts.json === true
        ? `${JSON.stringify(verdicts, null, 2)}\n`
        : `${verdicts.map((v) => describeVerdict(v)).join('\n')}\n`,
    );
    if (verdicts.some((v) => !v.ok)) process.exitCode = EXIT_FAILED_CHECK;
  } finally {
    process.off('SIGINT', onSignal);
    await session.close();
  }
}
