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

/** Median wall time in ms of `reps` runs after three warm-up runs (so V8 has optimised the kernels). */
export async function timeMedian(reps: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  for (let w = 0; w < 3; w++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
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
