// The `mpcspec` command tree (issue 2 §8). Each subcommand lives in cli/commands/<name>.ts and exports a
// `register…Command(program)` function; this file only assembles them, so cli/main.ts can run the tree
// and the tests can walk it (every command and subcommand answers --help).
import { Command } from 'commander';
import { registerListCommand } from './commands/list.ts';
import { registerAuditCommand } from './commands/audit.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerConformCommand } from './commands/conform.ts';
import { registerVectorsCommand } from './commands/vectors.ts';
import { registerPlotCommand } from './commands/plot.ts';
import { registerPartyCommand } from './commands/party.ts';
import { registerSelfAdapterCommand } from './commands/self-adapter.ts';

export function buildProgram(version: string): Command {
  const program = new Command();
  program
    .name('mpcspec')
    .description(
      'Spec-driven reference and conformance harness for the MPC protocols of private transformer inference',
    )
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `mpcspec: ${s}` : s) })
    .showHelpAfterError('(run with --help for usage)');
  registerListCommand(program);
  registerAuditCommand(program);
  registerRunCommand(program);
  registerConformCommand(program);
  registerVectorsCommand(program);
  registerPlotCommand(program);
  registerPartyCommand(program);
  registerSelfAdapterCommand(program);
  return program;
}
