// `mpcspec party`: one party of a multi-process run (docs/parties.md). Started by hand on each host with
// the case, every party's address and the run's secret file, it links with its peers and runs the
// protocol as that party. Without a protocol id it is the program `run --transport tcp` and `conform
// --transport tcp` drive over stdin/stdout (harness/tcp/party-main.ts).
import type { Command } from 'commander';
import { usageError } from '../../core/errors.ts';
import { runPartyByHand } from '../../harness/tcp/by-hand.ts';
import { partyMain } from '../../harness/tcp/party-main.ts';
import type { Peer } from '../../runtime/tcp/mesh.ts';
import { action } from '../errors.ts';
import { parseIntOption, parseJsonObjectOption, seedOption } from '../options.ts';
import { printTable } from '../table.ts';

interface PartyOptions {
  host: string;
  party?: number;
  peers?: Peer[];
  secretFile?: string;
  profile: string;
  size: number;
  seed: bigint;
  params?: Record<string, unknown>;
  timeout: number;
  json?: boolean;
}

function parsePeers(value: string): Peer[] {
  return value.split(',').map((item) => {
    const m = /^(.+):(\d{1,5})$/.exec(item.trim());
    const port = m === null ? NaN : Number(m[2]);
    if (m === null || port > 65535)
      throw usageError(`--peers: '${item}' is not host:port (e.g. 10.0.0.1:7000,10.0.0.2:7000)`);
    return { host: m[1]!.replace(/^\[(.*)\]$/, '$1'), port };
  });
}

export function registerPartyCommand(program: Command): void {
  program
    .command('party')
    .description(
      'run one party of a multi-process run by hand, on its own host (see docs/parties.md); without <id>, the party program `run --transport tcp` starts',
    )
    .argument('[id]', 'protocol id: the case every party runs (the same id, options and seed on every host)')
    .option('--host <address>', 'without <id>: the address to listen on', '127.0.0.1')
    .option('--party <i>', 'this party: its index in --peers', parseIntOption('party', 0, 15))
    .option(
      '--peers <list>',
      "every party's host:port, in party order (this party listens on its own)",
      parsePeers,
    )
    .option('--secret-file <file>', "the run's shared secret (same file on every host, ≥ 16 bytes)")
    .option('--profile <name>', 'crypten | spu | default', 'default')
    .option('--size <n>', "length of each input's last axis", parseIntOption('size', 1, 10_000_000), 16)
    .addOption(seedOption('seed: decimal or 0x-hex integer < 2^64 (the same on every host)', 1n))
    .option('--params <json>', 'protocol parameters as a JSON object', parseJsonObjectOption('params'))
    .option(
      '--timeout <ms>',
      'how long to wait for the peers to come up, and how long a peer may stay silent',
      parseIntOption('timeout', 100, 3_600_000),
      60_000,
    )
    .option('--json', 'print one JSON object')
    .action(
      action(async (id: string | undefined, opts: PartyOptions) => {
        if (id === undefined) {
          process.exitCode = await partyMain(opts.host);
          return;
        }
        const { party, peers, secretFile } = opts;
        if (party === undefined || peers === undefined || secretFile === undefined)
          throw usageError('party <id>: --party, --peers and --secret-file are required');
        if (peers.length < 2) throw usageError('--peers: a run needs at least 2 parties');
        if (party >= peers.length)
          throw usageError(`--party ${party}: --peers lists parties 0…${peers.length - 1}`);
        const r = await runPartyByHand({
          party,
          peers,
          secretFile,
          timeoutMs: opts.timeout,
          request: {
            id,
            profile: opts.profile,
            size: opts.size,
            seed: opts.seed,
            ...(opts.params === undefined ? {} : { params: opts.params }),
          },
        });
        if (opts.json === true) {
          process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        printTable(
          [
            'party',
            'protocol',
            'link ms',
            'protocol ms',
            'rounds',
            'bits sent',
            'bits received',
            'offline bits',
          ],
          [
            [
              r.party,
              r.protocol,
              r.linkMs.toFixed(0),
              r.elapsedMs.toFixed(1),
              r.rounds,
              r.bitsSent,
              r.bitsReceived,
              r.offlineBits,
            ],
          ],
        );
        process.stdout.write(`output shares sha256: ${r.outputDigest}\n`);
      }),
    );
}
