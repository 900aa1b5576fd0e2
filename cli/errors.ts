// How the CLI ends on an error: a user's mistake (usage, input, domain, runtime misuse) prints one line
// and exits 2; a runtime fault of a multi-process run (a party died, fell silent, sent a malformed frame
// or failed to authenticate: docs/parties.md) prints one line and exits 3; anything else is a bug in
// mpcspec and prints its stack.
import { MpcspecError } from '../core/errors.ts';

export const EXIT_FAILED_CHECK = 1;
export const EXIT_USAGE = 2;
export const EXIT_RUNTIME_FAULT = 3;

export function reportAndExit(e: unknown): never {
  if (e instanceof MpcspecError && e.kind !== 'internal') {
    process.stderr.write(`mpcspec: error: ${e.message}\n`);
    process.exit(e.kind === 'fault' ? EXIT_RUNTIME_FAULT : EXIT_USAGE);
  }
  process.stderr.write(
    `mpcspec: internal error (please report): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(70);
}

/** Wrap a command action so every error goes through reportAndExit. */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void> | void,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      reportAndExit(e);
    }
  };
}
