// The shared-memory hand-off between this thread and the helper (core/parallel/split-run.ts), one job at
// a time. The range is cut into chunks that both threads take from a shared cursor, so whichever is
// faster does more: a fixed half-and-half split left this thread waiting for the helper 29 % of an ltz
// run (cpu-prof). Protocol:
//   main:   write the job's words, claim := 2·seq (open), posted := seq, notify; take chunks until none
//           are left; then CAS claim 2·seq → 0 (cancel): if that succeeds the helper never joined and
//           there is nothing to wait for, otherwise wait until done = seq.
//   helper: on posted = seq, CAS claim 2·seq → 2·seq + 1 (joined): if that fails, this thread finished
//           the job alone; otherwise take chunks until none are left, then status, done := seq, notify.
//   control (Int32):  [posted, done, status, kernel, arrayCount, scalarCount, cursor, claim]
//   arrays  (Float64, exact for integers < 2^53):  [buffer index (or WASM_MEMORY), byteOffset, length] per array, then
//                                                  n, chunk
//   scalars (BigUint64)
export const MAX_ARRAYS = 8;
export const MAX_SCALARS = 24;
/** The buffer index of an array in the shared WebAssembly memory, which the helper already holds. */
export const WASM_MEMORY = -1;

export const Status = { Ok: 0, Failed: 2 } as const;

/** How long the helper busy-waits for the next job before sleeping on a futex (jobs come in bursts). */
const SPIN_MS = 0.5;

const POSTED = 0;
const DONE = 1;
const STATUS = 2;
const KERNEL = 3;
const ARRAY_COUNT = 4;
const SCALAR_COUNT = 5;
const CURSOR = 6;
const CLAIM = 7;
const CONTROL_WORDS = 8;

/**
 * Sent with every job, just before it is published: the job's shared buffers (by position), and the
 * kernel's module and name the first time that kernel is used. The helper keeps no buffer past its job,
 * so buffers the main thread drops are freed: a version that cached them in the helper held on to
 * gigabytes, because the helper's wrappers outlive their use until its rare major GC.
 */
export interface JobMessage {
  readonly kernel?: { readonly id: number; readonly module: string; readonly name: string };
  readonly buffers: readonly SharedArrayBuffer[];
}

export interface SlotBuffers {
  readonly control: SharedArrayBuffer;
  readonly arrays: SharedArrayBuffer;
  readonly scalars: SharedArrayBuffer;
}

export interface Job {
  readonly seq: number;
  readonly kernel: number;
  readonly arrays: readonly { buffer: number; offset: number; length: number }[];
  readonly scalars: readonly bigint[];
  readonly n: number;
  readonly chunk: number;
}

export class JobSlots {
  private readonly control: Int32Array;
  private readonly arrayWords: Float64Array;
  private readonly scalarWords: BigUint64Array;

  private constructor(private readonly shared: SlotBuffers) {
    this.control = new Int32Array(shared.control);
    this.arrayWords = new Float64Array(shared.arrays);
    this.scalarWords = new BigUint64Array(shared.scalars);
  }

  static create(): JobSlots {
    return new JobSlots({
      control: new SharedArrayBuffer(CONTROL_WORDS * 4),
      arrays: new SharedArrayBuffer((3 * MAX_ARRAYS + 2) * 8),
      scalars: new SharedArrayBuffer(MAX_SCALARS * 8),
    });
  }

  static attach(shared: SlotBuffers): JobSlots {
    return new JobSlots(shared);
  }

  buffers(): SlotBuffers {
    return this.shared;
  }

  /** Main thread: publish job `seq` over n elements in chunks of `chunk`, and wake the helper. */
  writeJob(
    seq: number,
    kernel: number,
    arrays: readonly BigUint64Array[],
    bufferIndices: readonly number[],
    scalars: readonly bigint[],
    n: number,
    chunk: number,
  ): void {
    const c = this.control;
    c[KERNEL] = kernel;
    c[ARRAY_COUNT] = arrays.length;
    c[SCALAR_COUNT] = scalars.length;
    arrays.forEach((a, i) => {
      this.arrayWords[3 * i] = bufferIndices[i]!;
      this.arrayWords[3 * i + 1] = a.byteOffset;
      this.arrayWords[3 * i + 2] = a.length;
    });
    this.arrayWords[3 * MAX_ARRAYS] = n;
    this.arrayWords[3 * MAX_ARRAYS + 1] = chunk;
    scalars.forEach((s, i) => (this.scalarWords[i] = BigInt.asUintN(64, s)));
    Atomics.store(c, STATUS, Status.Ok);
    Atomics.store(c, CURSOR, 0);
    Atomics.store(c, CLAIM, 2 * seq);
    Atomics.store(c, POSTED, seq); // publishes the words above (Atomics are sequentially consistent)
    Atomics.notify(c, POSTED);
  }

  /** Either thread: the next chunk's start, or undefined when the range is used up. */
  takeChunk(n: number, chunk: number): number | undefined {
    const start = Atomics.add(this.control, CURSOR, 1) * chunk;
    return start < n ? start : undefined;
  }

  /** Helper: block until a job after `seen` is posted; its sequence number. */
  nextPosted(seen: number): number {
    const c = this.control;
    const spinUntil = performance.now() + SPIN_MS;
    while (Atomics.load(c, POSTED) === seen && performance.now() < spinUntil);
    while (Atomics.load(c, POSTED) === seen) Atomics.wait(c, POSTED, seen);
    return Atomics.load(c, POSTED);
  }

  /** Helper: join job `seq` if this thread has not finished it alone; then its words are stable. */
  join(seq: number): Job | undefined {
    const c = this.control;
    if (Atomics.compareExchange(c, CLAIM, 2 * seq, 2 * seq + 1) !== 2 * seq) return undefined;
    return {
      seq,
      kernel: c[KERNEL]!,
      arrays: Array.from({ length: c[ARRAY_COUNT]! }, (_, i) => ({
        buffer: this.arrayWords[3 * i]!,
        offset: this.arrayWords[3 * i + 1]!,
        length: this.arrayWords[3 * i + 2]!,
      })),
      scalars: Array.from(this.scalarWords.subarray(0, c[SCALAR_COUNT]!)),
      n: this.arrayWords[3 * MAX_ARRAYS]!,
      chunk: this.arrayWords[3 * MAX_ARRAYS + 1]!,
    };
  }

  /** Helper: report a joined job finished (or failed). */
  finish(seq: number, status: number): void {
    Atomics.store(this.control, STATUS, status);
    Atomics.store(this.control, DONE, seq);
    Atomics.notify(this.control, DONE);
  }

  /** Main thread, its chunks done: true when the helper never joined (nothing to wait for). */
  cancel(seq: number): boolean {
    return Atomics.compareExchange(this.control, CLAIM, 2 * seq, 0) === 2 * seq;
  }

  /** Main thread: wait up to `ms` for the helper to finish job `seq` (it is on its last chunk). */
  waitDone(seq: number, ms: number): boolean {
    const c = this.control;
    for (let i = 0; i < 10_000; i++) if (Atomics.load(c, DONE) === seq) return true;
    const seen = Atomics.load(c, DONE);
    if (seen === seq) return true;
    Atomics.wait(c, DONE, seen, ms);
    return Atomics.load(c, DONE) === seq;
  }

  status(): number {
    return Atomics.load(this.control, STATUS);
  }
}
