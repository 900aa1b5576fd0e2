// `mpcspec party`: one party of a multi-process run (started by `mpcspec run --transport tcp`, which
// talks to it over stdin/stdout; see harness/tcp/party-main.ts). Not meant to be typed by hand.
import type { Command } from 'commander';
import { partyMain } from '../../harness/tcp/party-main.ts';
import { action } from '../errors.ts';

export function registerPartyCommand(program: Command): void {
  program
    .command('party', { hidden: true })
    .description('run one party of a multi-process (TCP) run; started by `mpcspec run --transport tcp`')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .action(
      action(async (opts: { host: string }) => {
        process.exitCode = await partyMain(opts.host);
      }),
    );
}
