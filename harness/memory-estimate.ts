// A run's peak memory, estimated before it runs (issue 15 §6): `run ltz --size 10000000` under the
// default profile needs about 30 GiB, and a process that finds out by running is killed by the kernel
// with nothing said. Every array a run allocates comes from its WordArena, which keeps them until the
// case is summarised, so the arena's bytes at the end are the run's peak (core/word-pool.ts). The
// estimate runs the same protocol and configuration on seeded inputs of about 2^10 and 2^12 elements,
// measures both, and extrapolates to the run's element count, as elements^k with k fitted from the two
// and held to [1, 2] (a fixed overhead makes small runs look sublinear). A margin covers what lives
// outside the arena (the reference's and ideal's float arrays, views, the process itself).
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { inputError } from '../core/errors.ts';
import { sizeOf } from '../core/shape.ts';
import { WordArena } from '../core/word-pool.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import { seededInputs } from './case.ts';
import { type CaseSpec, executeCase } from './execute.ts';

/** Runs with at most this many input elements are small enough not to need an estimate. */
const ESTIMATE_ABOVE = 1 << 16;
const MARGIN = 1.25;
const BASE_BYTES = 150 * 2 ** 20;

const inputElements = (shapes: CaseSpec['shapes']): number =>
  Object.values(shapes).reduce((n, s) => n + sizeOf(s), 0);

/** The smallest size (1, 2, 4, …) whose largest input has at least `elements` elements. */
function sizeFor(protocol: BoundProtocol, elements: number): number {
  let size = 1;
  while (Math.max(...Object.values(protocol.shapes(size)).map(sizeOf)) < elements) size *= 2;
  return size;
}

async function measure(protocol: BoundProtocol, config: Config, size: number) {
  const { shapes, inputs } = seededInputs(protocol, config, protocol.shapes(size), 1n);
  const arena = new WordArena();
  try {
    await arena.run(() => executeCase({ protocol, config, shapes, inputs, seed: 1n }));
    return { elements: inputElements(shapes), bytes: arena.bytesTaken };
  } finally {
    arena.release();
  }
}

export interface MemoryEstimate {
  readonly elements: number;
  readonly bytes: number;
}

/** The estimated peak bytes of running `c`, or undefined when the run is small. */
export async function estimatePeakBytes(c: CaseSpec): Promise<MemoryEstimate | undefined> {
  const elements = inputElements(c.shapes);
  if (elements <= ESTIMATE_ABOVE) return undefined;
  const small = await measure(c.protocol, c.config, sizeFor(c.protocol, 1 << 10));
  const large = await measure(c.protocol, c.config, sizeFor(c.protocol, 1 << 12));
  const k = Math.min(
    2,
    Math.max(1, Math.log(large.bytes / small.bytes) / Math.log(large.elements / small.elements)),
  );
  const bytes = BASE_BYTES + MARGIN * large.bytes * (elements / large.elements) ** k;
  return { elements, bytes };
}

/** The process's address-space limit (`ulimit -v`, `prlimit --as`) in bytes, if one is set (Linux). */
function addressSpaceLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max address space'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}

/**
 * What a run may use by default: half the machine's memory (others may be using the rest), and below an
 * address-space limit, half of that (Node and WebAssembly reserve address space beyond what they use).
 */
export function defaultMemoryBudget(): number {
  const limit = addressSpaceLimit();
  return Math.min(totalmem() / 2, limit === undefined ? Infinity : limit / 2);
}

export const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

/** Refuse a run whose estimated peak exceeds `budget` bytes, with the estimate. */
export async function checkMemory(c: CaseSpec, budget: number = defaultMemoryBudget()): Promise<void> {
  const e = await estimatePeakBytes(c);
  if (e === undefined || e.bytes <= budget) return;
  const shapes = Object.entries(c.shapes)
    .map(([name, s]) => `${name} [${s.join(', ')}]`)
    .join(', ');
  throw inputError(
    `${c.protocol.id} (${c.config.profile}, ${c.config.parties} parties) on ${shapes} needs about ${gib(e.bytes)} (${Math.round(e.bytes / e.elements)} bytes per input element, measured on small runs), more than the ${gib(budget)} allowed (--max-memory); run fewer elements`,
  );
}
