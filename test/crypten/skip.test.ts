// CrypTen as a backend under test (issue 18 §5): where CrypTen or its interpreter is missing, both the
// plain `conform --backend` and `npm run conform:crypten` say so in one line and exit 3 (skipped), so a
// CI step tells a missing engine from a failing one. Runs without CrypTen: the adapter is pointed at
// an empty directory or a missing interpreter. And the pass's verdict check: a CrypTen verdict that
// changes either way from the recorded one fails the pass.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackendReport } from '../../backend/runner.ts';
import { CRYPTEN_ADAPTER, changedVerdicts } from '../../scripts/crypten-conform.ts';
import { BIN } from '../cli/helpers.ts';

const SCRIPT = join(import.meta.dirname, '../../scripts/crypten-conform.ts');

const run = (
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { encoding: 'utf8', env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({
          status: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
          stdout,
          stderr,
        }),
    );
  });

const noCrypten = { MPCSPEC_CRYPTEN: mkdtempSync(join(tmpdir(), 'mpcspec-no-crypten-')) };
const noPython = { MPCSPEC_PYTHON: '/nonexistent/python3' };
const UNAVAILABLE = /not available here: (CrypTen cannot be imported: .*crypten|no Python interpreter at)/;

describe('CrypTen missing: one line, exit 3', () => {
  it.each([
    ['crypten not on the path', noCrypten, UNAVAILABLE],
    ['no interpreter', noPython, /not available here: no Python interpreter at \/nonexistent\/python3/],
  ])('conform --backend, %s', async (_what, env, expected) => {
    const r = await run([BIN, 'conform', '--backend', `"${CRYPTEN_ADAPTER}"`], env);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^mpcspec: skipped: /)]);
    expect(r.stderr).toMatch(expected);
    expect(r.stdout).toBe('');
  });

  it('npm run conform:crypten', async () => {
    const r = await run(
      ['--import', 'tsx', SCRIPT, '--out', mkdtempSync(join(tmpdir(), 'mpcspec-cc-'))],
      noCrypten,
    );
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^conform:crypten: skipped: /)]);
    expect(r.stderr).toMatch(UNAVAILABLE);
  });
});

describe('the recorded CrypTen verdicts', () => {
  const report = (ops: [string, string][]): BackendReport =>
    ({ ops: ops.map(([key, status]) => ({ key, status })) }) as unknown as BackendReport;
  const recorded = { max: { status: 'fail', finding: 'cost' } };

  it('accept the recorded verdicts, others passing', () => {
    expect(
      changedVerdicts(
        report([
          ['mul', 'pass'],
          ['max', 'fail'],
        ]),
        recorded,
      ),
    ).toEqual([]);
  });

  it('fail a new failure, a recorded failure that passes, and a recorded op not run', () => {
    expect(
      changedVerdicts(
        report([
          ['mul', 'error'],
          ['max', 'pass'],
        ]),
        recorded,
      ),
    ).toEqual(['mul: error, recorded pass', 'max: pass, recorded fail']);
    expect(changedVerdicts(report([['mul', 'pass']]), recorded)).toEqual(['max: not run, recorded fail']);
  });
});
