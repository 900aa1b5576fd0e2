// Every way an adapter can fail is a clear verdict naming the case or a one-line error, never a hang
// and never a process left behind (issue 17 §1, "Bad input"): exits, silence, malformed lines, answers
// to the wrong case, wrong shapes, words outside the ring, the backend's own errors, and the exit
// codes and JUnit XML a backend's CI reads.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBackendConformance } from '../../backend/runner.ts';
import { MpcspecError } from '../../core/errors.ts';
import { type Ran, expectUserError, mpcspec } from '../cli/helpers.ts';
import { FAULTY } from './helpers.ts';

const run = (fault: string, at = 2, timeoutMs = 20_000) =>
  runBackendConformance({ command: FAULTY(fault, at), cases: 4, size: 8, seed: 1n, timeoutMs });

const startError = async (fault: string, timeoutMs = 20_000): Promise<string> => {
  try {
    await run(fault, 0, timeoutMs);
  } catch (e) {
    if (e instanceof MpcspecError) return e.message;
    throw e;
  }
  throw new Error(`${fault}: the run did not fail`);
};

describe('adapter faults', () => {
  it('a correct adapter passes', async () => {
    const report = await run('ok');
    expect(report.ops.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(report.ok).toBe(true);
  });

  it.each([
    [
      'exit-at-start',
      /the adapter exited with code 3 before its handshake; its stderr: cannot load the engine/,
    ],
    ['bad-handshake', /the handshake does not decode: \$\.parties: expected PositiveInt, got "two"/],
    ['old-version', /adapter speaks backend protocol version 2; this runner speaks version 1/],
  ])('%s: one error naming what', async (fault, expected) => {
    expect(await startError(fault)).toMatch(expected);
  });

  it('a silent adapter: no handshake within the timeout', async () => {
    expect(await startError('silent', 1500)).toMatch(/no handshake within 1500 ms/);
  });

  it('a command that does not exist', async () => {
    const message = await runBackendConformance({
      command: 'mpcspec-no-such-adapter --flag',
      cases: 1,
      size: 1,
      seed: 1n,
      timeoutMs: 10_000,
    }).then(
      () => 'no error',
      (e: unknown) => (e instanceof MpcspecError ? e.message : String(e)),
    );
    expect(message).toMatch(/exited with code 127 before its handshake; its stderr: .*not found/);
  });

  it.each([
    ['malformed', /^case mul#2: malformed answer \(line 4 of its output\): not a JSON line/],
    ['bad-field', /^case mul#2: malformed answer .*\$\.outputs\.z\.ring\[0\]: expected RingWord, got 1\.5/],
    ['wrong-case', /^case mul#2: an answer for case mul#99 arrived where case mul#2 was due/],
    ['crash', /^case mul#2: the adapter exited with code 1 before answering; its stderr: segmentation fault/],
    ['wrong-shape', /^case mul#2: output 'z' has 7 values; shape \[8\] holds 8/],
    ['error', /^case mul#2: the backend reported an error: RuntimeError: out of triples/],
    ['missing-output', /^case mul#2: the result has no output 'z'/],
    ['out-of-ring', /^case mul#2: output 'z'\[0\] = 18446744073709551616 is not in Z_2\^64/],
  ])('%s: an ERROR verdict naming the case; the next op still runs', async (fault, expected) => {
    const report = await run(fault);
    const [mul, square] = report.ops;
    expect(mul?.status).toBe('error');
    expect(mul?.reason).toMatch(expected);
    expect(square?.status).toBe('pass');
    expect(report.ok).toBe(false);
  });

  it('a hang: the case times out and the adapter and its child process are ended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpcspec-hang-'));
    const pidFile = join(dir, 'child.pid');
    process.env['MPCSPEC_TEST_PID_FILE'] = pidFile;
    try {
      const t0 = performance.now();
      const report = await run('hang', 1, 1500);
      expect(report.ops[0]?.reason).toMatch(/^case mul#1: no answer within 1500 ms/);
      expect(performance.now() - t0).toBeLessThan(15_000);
    } finally {
      delete process.env['MPCSPEC_TEST_PID_FILE'];
    }
    expect(existsSync(pidFile)).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 40 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(), `the adapter's child ${pid} outlived the run`).toBe(false);
  });

  it('an adapter that does not start again after a fault: the ops left say so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpcspec-crash-'));
    process.env['MPCSPEC_TEST_CRASHED_FILE'] = join(dir, 'crashed');
    try {
      const report = await run('crash', 0);
      expect(report.ops.map((r) => r.status)).toEqual(['error', 'error']);
      expect(report.ops[1]?.reason).toMatch(
        /^not run: the adapter did not restart after an earlier fault: .*exited with code 4 before its handshake; its stderr: refusing to start after a crash/,
      );
    } finally {
      delete process.env['MPCSPEC_TEST_CRASHED_FILE'];
    }
  });
});

describe('conform --backend as a CI step', () => {
  /** The CLI as a CI step runs it (asynchronously: the test worker stays responsive meanwhile). */
  const cli = (...args: string[]): Promise<Ran> => mpcspec('conform', ...args);

  it('exit 0 on a pass, with JUnit XML written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpcspec-junit-'));
    const junit = join(dir, 'report.xml');
    const r = await cli('--backend', FAULTY('ok'), '--cases', '3', '--junit', junit);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 ops of faulty: 2 passed, 0 failed, 0 errors/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(xml).toMatch(
      /<testsuite name="mpcspec conform --backend faulty" tests="2" failures="0" errors="0" skipped="0"/,
    );
    expect(xml).toMatch(/<testcase classname="arithmetic" name="mul"><\/testcase>/);
  });

  it('exit 1 when an op fails, the JUnit <error> escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpcspec-junit-'));
    const junit = join(dir, 'report.xml');
    const r = await cli('--backend', FAULTY('malformed', 1), '--cases', '3', '--junit', junit);
    expect(r.status, r.stderr).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(
      /<error message="ERROR: case mul#1: malformed answer[^"]*&quot;\{this is not json&quot;">/,
    );
  });

  it('exit 1 for an op asked for that the backend does not offer', async () => {
    const r = await cli('--backend', FAULTY('ok'), '--only', 'mul,exp', '--cases', '2', '--json');
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { ops: { key: string; status: string }[] };
    expect(report.ops.map((o) => [o.key, o.status])).toEqual([
      ['mul', 'pass'],
      ['exp', 'missing'],
    ]);
  });

  it('exit 3 with one line when the adapter says its engine is not available here', async () => {
    const r = await cli('--backend', FAULTY('unavailable'));
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^mpcspec: skipped: backend '.*' is not available here: No module named 'torch'$/,
      ),
    ]);
  });

  it.each([
    [['--backend', FAULTY('exit-at-start')], /exited with code 3 before its handshake/],
    [['--backend', FAULTY('ok'), '--only', 'nope'], /--only: unknown protocol 'nope'/],
    [['--backend', FAULTY('ok'), '--parties', '3'], /--parties does not apply with --backend/],
    [['--backend', FAULTY('ok'), '--profile', 'default'], /the backend claims profile 'crypten'/],
    [['--backend', FAULTY('ok'), '--cases', '0'], /--cases: '0' is not an integer from 1/],
  ])('exit 2 with one line: %s', async (args, expected) => {
    expectUserError(await cli(...args), expected);
  });
});
