// Running the CLI as a user does (bin/mpcspec.mjs on the compiled code), and the shape every user error
// must have: exit code 2, one line on stderr, no stack trace. Commands run asynchronously, so the test
// worker's event loop keeps answering the runner while a child runs: a file of synchronous spawns
// blocks it for the whole file, and on a loaded machine the runner's 60 s RPC timeout then fires.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'mpcspec.mjs');

export interface Ran {
  /** The exit code, or null when a signal ended the process. */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a program to its end and collect its output and exit code (a non-zero exit is not an error). */
export function run(cmd: string, args: readonly string[], cwd?: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { encoding: 'utf8', maxBuffer: 1 << 30, ...(cwd === undefined ? {} : { cwd }) },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ status: error === null ? 0 : typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

export const mpcspec = (...args: string[]): Promise<Ran> => run(process.execPath, [BIN, ...args]);

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
export function expectUserError(r: Ran, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(r.status).toBe(2);
}
