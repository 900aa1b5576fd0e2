// Running the CLI as a user does (bin/mpcspec.mjs on the compiled code), and the shape every user error
// must have: exit code 2, one line on stderr, no stack trace.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'mpcspec.mjs');

export const mpcspec = (...args: string[]): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** A scratch directory and a way to write files into it. */
export function scratch(prefix: string): { dir: string; file: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), `mpcspec-${prefix}-`));
  return {
    dir,
    file: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}

/** Exit 2 with exactly one line on stderr matching `message`, and no stack trace. */
export function expectUserError(r: SpawnSyncReturns<string>, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(r.status).toBe(2);
}
