// `mpcspec self-adapter`: mpcspec's own engine speaking the backend protocol on stdin/stdout
// (backend/self-adapter.ts), so that `mpcspec conform --backend "mpcspec self-adapter"` checks the
// runner end to end, and as a working example of an adapter.
import type { Command } from 'commander';
import { serveSelfAdapter } from '../../backend/self-adapter.ts';
import { resolveConfig } from '../../spec/config.ts';
import { action } from '../errors.ts';
import { parseIntOption } from '../options.ts';

export function registerSelfAdapterCommand(program: Command): void {
  program
    .command('self-adapter')
    .description(
      "mpcspec's own engine as a backend adapter: NDJSON on stdin/stdout (docs/backends.md); run it under `conform --backend`",
    )
    .option('--profile <name>', 'crypten | spu | default', 'default')
    .option('--parties <n>', 'number of parties', parseIntOption('parties', 2, 16), 2)
    .action(
      action(async (opts: { profile: string; parties: number }) => {
        const config = resolveConfig(opts.profile, { parties: opts.parties });
        await serveSelfAdapter(config, process.stdin, process.stdout);
      }),
    );
}
