// What a benchmark suite looks like (issue 2, "Speed"): rows of elements per second, the ratio to a
// local cleartext kernel of the same size, and the target the issue sets. Suites live in
// bench/<name>.bench.ts and default-export a BenchSuite; bench/main.ts finds them by file name.
import { WordArena } from '../core/word-pool.ts';

export interface BenchRow {
  readonly name: string;
  readonly elements: number;
  /** Wall time of one run in milliseconds (the median of the repetitions). */
  readonly ms: number;
  readonly elementsPerSecond: number;
  /** elementsPerSecond of this protocol over that of the cleartext kernel (how much MPC costs here). */
  readonly ratioToCleartext?: number;
  /** The target, e.g. "≥ 15 M/s", and whether it was met. */
  readonly target?: string;
  readonly met?: boolean;
  readonly peakRssMiB?: number;
}

export interface BenchSuite {
  readonly name: string;
  run(): Promise<BenchRow[]>;
}

/**
 * Median wall time in ms of at least `reps` runs, after warm-up runs (so V8 has optimised the kernels).
 * Both phases run for at least a minimum wall time as well as a minimum count: a 70 ms comparison is
 * still being optimised after three runs (measured: the first row of a suite read 30 % slower than the
 * same case later), and on a machine whose speed drifts a median of more runs moves less.
 */
export async function timeMedian(
  reps: number,
  fn: () => Promise<unknown> | unknown,
  { warmupMs = 1000, measureMs = 2000, maxRuns = 100 } = {},
): Promise<number> {
  const now = (): number => Number(process.hrtime.bigint()) / 1e6;
  const warmStart = now();
  for (let w = 0; w < 3 || (now() - warmStart < warmupMs && w < maxRuns); w++) await fn();
  const times: number[] = [];
  const measureStart = now();
  while (times.length < reps || (now() - measureStart < measureMs && times.length < maxRuns)) {
    const t0 = now();
    await fn();
    times.push(now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function row(name: string, elements: number, ms: number, extra: Partial<BenchRow> = {}): BenchRow {
  return { name, elements, ms, elementsPerSecond: (elements / ms) * 1000, ...extra };
}

/**
 * One run as a long session sees it: inside a WordArena whose buffers go back to the pool afterwards, so
 * the next run reuses warm memory instead of page-faulting fresh arrays (core/word-pool.ts).
 */
export async function runRecycled(body: () => Promise<unknown>): Promise<void> {
  await WordArena.within(body);
}

/**
 * Inputs that live for the whole suite, allocated the way a run allocates (in an arena that is never
 * released), so large ones are in shared memory and the kernels that read them can split too.
 */
const inputArena = new WordArena();
export const benchInputs = <T>(make: () => T): Promise<T> => inputArena.run(async () => make());
