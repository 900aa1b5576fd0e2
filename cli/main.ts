// The `mpcspec` command (issue 2 §8): parse the command line with the tree of cli/program.ts, and map
// every way it can end to the exit codes the README states.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { packageRoot } from '../core/own-modules.ts';
import { EXIT_USAGE, reportAndExit } from './errors.ts';
import { buildProgram } from './program.ts';

const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
  version: string;
};

// A reader that stops early (`mpcspec vectors verify vectors | head`) closes the pipe: the rest of the
// output is dropped, and the command still ends with its verdict's exit code, without a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.stdout.write = () => true;
});

try {
  await buildProgram(version).parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : EXIT_USAGE);
  reportAndExit(e);
}
