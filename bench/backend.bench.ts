// The backend runner's own overhead (issue 17, "Speed"): cases per second through the self-adapter for
// small ops (mul and ltz on 16 elements, crypten profile), end to end — generate, write, the adapter's
// engine run, read, check against the reference and the cost — with the CPU time each side spends per
// case: the runner's bounds what it could sustain if the backend answered at once. Target: ≥ 2,000
// cases/s. The adapter's CPU is read from /proc (Linux).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runOp } from '../backend/runner.ts';
import { BackendSession } from '../backend/session.ts';
import { type BenchRow, type BenchSuite, row } from './suite.ts';

const BIN = fileURLToPath(new URL('../bin/mpcspec.mjs', import.meta.url));
const CASES = 2000;
const SIZE = 16;
const REPS = 3;

/** User + system CPU milliseconds of a process, or NaN where /proc is not there. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const suite: BenchSuite = {
  name: 'backend',
  async run() {
    // exec: the adapter replaces the shell, so its pid is the one measured
    const command = `exec "${process.execPath}" "${BIN}" self-adapter --profile crypten`;
    const session = await BackendSession.start(command, { timeoutMs: 60_000 });
    const rows: BenchRow[] = [];
    try {
      for (const id of ['mul', 'ltz']) {
        const op = session.info.ops.find((o) => o.key === id)!;
        const options = { command, cases: CASES, size: SIZE, seed: 1n, timeoutMs: 60_000 };
        await runOp(session, op, { ...options, cases: 500 }, [], () => undefined); // warm-up, both sides
        const walls: number[] = [];
        const runner: number[] = [];
        const adapter: number[] = [];
        for (let rep = 0; rep < REPS; rep++) {
          const cpu0 = process.cpuUsage();
          const a0 = cpuMs(session.pid);
          const t0 = performance.now();
          const run = await runOp(session, op, { ...options, seed: BigInt(rep + 2) }, [], () => undefined);
          walls.push(performance.now() - t0);
          const cpu = process.cpuUsage(cpu0);
          runner.push((cpu.user + cpu.system) / 1000);
          adapter.push(cpuMs(session.pid) - a0);
          if (run.report.status !== 'pass')
            throw new Error(`${id}: ${run.report.status} ${run.report.reason ?? ''}`);
        }
        const wall = median(walls);
        rows.push(
          row(`${id} ${SIZE} el., self-adapter (crypten), cases end to end`, CASES, wall, {
            target: '≥ 2,000 cases/s',
            met: (CASES / wall) * 1000 >= 2000,
          }),
          row(`${id} ${SIZE} el., runner CPU (cases per CPU second)`, CASES, median(runner)),
          row(`${id} ${SIZE} el., self-adapter CPU (cases per CPU second)`, CASES, median(adapter)),
        );
      }
    } finally {
      await session.close();
    }
    return rows;
  },
};

export default suite;
