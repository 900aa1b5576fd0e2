// Data-parallel kernels on a helper thread (docs/speed.md, "The mechanisms"). The hot loops of every protocol are
// elementwise, so a loop over n elements can be cut into chunks that this thread and a helper on the
// second core take in turn; the result is the same words in the same places, so runs stay byte-identical.
//
// A kernel is declared once with `defineKernel(import.meta.url, name, body)`, where body(arrays, scalars,
// lo, hi) handles elements [lo, hi) (lo a multiple of 8). The returned runner splits the range when it pays: n is large, the
// helper is enabled (MPCSPEC_THREADS=0 disables it) and every array lives in a SharedArrayBuffer — which
// core/word-pool.ts hands out inside a WordArena. Otherwise the body runs here over [0, n). A kernel may
// also name a WebAssembly SIMD loop (option `simd`, core/wasm/kernels.ts): on either thread it runs
// instead of the body whenever every array lives in the shared WebAssembly memory.
//
// The hand-off avoids the event loop, whose wake-up costs ≈100 µs (a 10⁵-element loop takes ≈200 µs):
// the job's buffers travel in a MessagePort message that the helper reads synchronously, and the job
// itself is a few words in shared memory plus one Atomics.notify (helper-protocol.ts).
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { runtimeError } from '../errors.ts';
import {
  JobSlots,
  type JobMessage,
  MAX_ARRAYS,
  MAX_SCALARS,
  Status,
  WASM_MEMORY,
} from './helper-protocol.ts';
import { inWasmMemory, wasmMemory } from '../wasm/memory.ts';
import { type SimdBody, withSimd } from '../wasm/kernels.ts';

export type RangeKernel = (
  arrays: readonly BigUint64Array[],
  scalars: readonly bigint[],
  lo: number,
  hi: number,
) => void;

export type KernelRunner = (arrays: readonly BigUint64Array[], scalars: readonly bigint[], n: number) => void;

/** Below this many elements the hand-off costs more than the half it saves (measured: bench/threads). */
export const SPLIT_THRESHOLD = 1 << 15;
/** How long to wait for the helper before declaring it lost (a kernel half takes milliseconds). */
const HELPER_DEADLINE_MS = 60_000;

interface Kernel {
  readonly id: number;
  readonly module: string;
  readonly name: string;
  /** The JavaScript body as defined (a second definition under the name must be this one). */
  readonly definition: RangeKernel;
  /** What runs: the definition, or its SIMD loop where the arrays allow. */
  readonly body: RangeKernel;
}

/** Kernels by name and by id, in this thread (the helper builds its own table by importing modules). */
const byName = new Map<string, Kernel>();
const byId: Kernel[] = [];

let enabled = process.env['MPCSPEC_THREADS'] !== '0';

/** Turn the helper thread on or off (tests compare both paths; MPCSPEC_THREADS=0 sets the default). */
export function setThreadsEnabled(on: boolean): void {
  enabled = on;
}

export const threadsEnabled = (): boolean => enabled;

let jobsSplit = 0;
/** Kernel calls whose range was split with the helper so far (tests check the split path ran). */
export const splitJobCount = (): number => jobsSplit;

export function kernelNamed(name: string): RangeKernel | undefined {
  return byName.get(name)?.body;
}

interface Helper {
  readonly worker: Worker;
  readonly slots: JobSlots;
  readonly jobs: MessagePort;
  readonly errors: MessagePort;
  readonly kernels: Set<number>;
  seq: number;
}
let helper: Helper | undefined;

function startHelper(): Helper {
  const slots = JobSlots.create();
  const jobs = new MessageChannel();
  const errors = new MessageChannel();
  // Compiled code starts the helper module itself; TypeScript sources need the loader (own-modules.ts).
  const entry = import.meta.url.endsWith('.ts')
    ? new URL('./helper-entry.mjs', import.meta.url)
    : new URL('./helper-thread.js', import.meta.url);
  const worker = new Worker(entry, {
    // The WebAssembly memory too (core/wasm/memory.ts): arrays in it are sent as addresses in it.
    workerData: { slots: slots.buffers(), jobs: jobs.port2, errors: errors.port2, wasmMemory: wasmMemory() },
    transferList: [jobs.port2, errors.port2],
  });
  worker.unref(); // an idle helper never keeps the process alive
  return {
    worker,
    slots,
    jobs: jobs.port1,
    errors: errors.port1,
    kernels: new Set(),
    seq: 0,
  };
}

const isShared = (a: BigUint64Array): boolean => a.buffer instanceof SharedArrayBuffer;

/**
 * Chunks both threads take from a shared cursor: about a twelfth of the range, so the faster thread
 * can take more, but at least `minChunk` elements, so per-chunk costs stay small; a multiple of 8
 * elements (one ChaCha20 block of words).
 */
const chunkSize = (n: number, minChunk: number): number => Math.max(minChunk, Math.ceil(n / 12 / 8) * 8);

export interface KernelOptions {
  /** The smallest chunk worth handing out (default 8192 elements; more for kernels with a setup cost). */
  readonly minChunk?: number;
  /**
   * The kernel's WebAssembly SIMD loop (core/wasm/kernels.ts), run instead of the body when every array
   * lives in the shared memory; the body stays the kernel's definition and runs everywhere else.
   */
  readonly simd?: SimdBody;
}

export function defineKernel(
  module: string,
  name: string,
  body: RangeKernel,
  options: KernelOptions = {},
): KernelRunner {
  const minChunk = options.minChunk ?? 8192;
  const known = byName.get(name);
  if (known !== undefined && known.definition !== body)
    throw new Error(`kernel '${name}' is defined twice (${module})`);
  const kernel: Kernel = known ?? {
    id: byId.length,
    module,
    name,
    definition: body,
    body: options.simd === undefined ? body : withSimd(body, options.simd),
  };
  if (known === undefined) {
    byName.set(name, kernel);
    byId.push(kernel);
  }
  const run = kernel.body;
  return (arrays, scalars, n) => {
    if (
      !enabled ||
      n < SPLIT_THRESHOLD ||
      arrays.length > MAX_ARRAYS ||
      scalars.length > MAX_SCALARS ||
      !arrays.every(isShared)
    ) {
      run(arrays, scalars, 0, n);
      return;
    }
    const h = (helper ??= startHelper());
    jobsSplit++;
    const chunk = chunkSize(n, minChunk);
    post(h, kernel, arrays, scalars, n, chunk);
    try {
      for (let lo = h.slots.takeChunk(n, chunk); lo !== undefined; lo = h.slots.takeChunk(n, chunk))
        run(arrays, scalars, lo, Math.min(n, lo + chunk));
    } finally {
      // Even when this thread's chunk threw: the helper must be out of this job before the next one
      // resets the cursor, or it would take the next job's chunks with this job's kernel.
      if (!h.slots.cancel(h.seq)) awaitHelper(h, name);
    }
  };
}

/** Send the job's buffers (and the kernel, the first time), then publish the job and wake the helper. */
function post(
  h: Helper,
  kernel: Kernel,
  arrays: readonly BigUint64Array[],
  scalars: readonly bigint[],
  n: number,
  chunk: number,
): void {
  const buffers: SharedArrayBuffer[] = [];
  const indices = arrays.map((arr) => {
    if (inWasmMemory(arr)) return WASM_MEMORY;
    const sab = arr.buffer as SharedArrayBuffer;
    const at = buffers.indexOf(sab);
    return at >= 0 ? at : buffers.push(sab) - 1;
  });
  const first = !h.kernels.has(kernel.id);
  h.kernels.add(kernel.id);
  const message: JobMessage = {
    buffers,
    ...(first ? { kernel: { id: kernel.id, module: kernel.module, name: kernel.name } } : {}),
  };
  h.jobs.postMessage(message);
  h.seq++;
  h.slots.writeJob(h.seq, kernel.id, arrays, indices, scalars, n, chunk);
}

function awaitHelper(h: Helper, name: string): void {
  const deadline = Date.now() + HELPER_DEADLINE_MS;
  while (!h.slots.waitDone(h.seq, 100)) {
    if (Date.now() > deadline) {
      // A lost helper may wake later inside this job: retire it, and the next split starts a new one.
      void h.worker.terminate();
      helper = undefined;
      throw runtimeError(
        `helper thread: no answer to kernel '${name}' within ${HELPER_DEADLINE_MS / 1000} s`,
      );
    }
  }
  if (h.slots.status() === Status.Failed) {
    const why = receiveMessageOnPort(h.errors)?.message as string | undefined;
    throw runtimeError(`helper thread: kernel '${name}' failed: ${why ?? 'no reason given'}`);
  }
}
