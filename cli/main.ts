// The `mpcspec` command (issue 2 §8). Each subcommand lives in cli/commands/<name>.ts and exports a
// `register…Command(program)` function; this file only assembles them.
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE, reportAndExit } from './errors.ts';
import { registerListCommand } from './commands/list.ts';
import { registerAuditCommand } from './commands/audit.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerConformCommand } from './commands/conform.ts';
import { registerVectorsCommand } from './commands/vectors.ts';
import { registerPlotCommand } from './commands/plot.ts';
import { registerPartyCommand } from './commands/party.ts';
import { registerCostCommand } from './commands/cost.ts';
import { registerInferCommand } from './commands/infer.ts';

const program = new Command();
program
  .name('mpcspec')
  .description(
    'Spec-driven reference and conformance harness for the MPC protocols of private transformer inference',
  )
  .version('0.1.0')
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
registerCostCommand(program);
registerInferCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : EXIT_USAGE);
  reportAndExit(e);
}
