// The shared-memory hand-off between this thread and the helper (core/parallel/split-run.ts). One job
// at a time: the main thread writes the job's words, bumps `posted` and notifies; the helper runs the
// upper half, writes the status, sets `done` to the same sequence number and notifies back.
//   control (Int32):  [posted, done, status, kernel, arrayCount, scalarCount]
//   arrays  (Float64, exact for integers < 2^53):  [buffer index, byteOffset, length] per array, then lo, hi
//   scalars (BigUint64)
export const MAX_ARRAYS = 8;
export const MAX_SCALARS = 8;

export const Status = { Ok: 0, Failed: 2 } as const;

/**
 * How long either side busy-waits before sleeping on a futex. Measured on ltz at 10^5 (medians of 5 s
 * loops): 0.3 ms 74–80 ms, 1 ms 64–82 ms, 2 ms 86–91 ms, 0.05 ms 116 ms (wake-ups paid); the VM's noise
 * does not separate 0.3 from 1.
 */
const SPIN_MS = 0.5;

const POSTED = 0;
const DONE = 1;
const STATUS = 2;
const KERNEL = 3;
const ARRAY_COUNT = 4;
const SCALAR_COUNT = 5;

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
  readonly lo: number;
  readonly hi: number;
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
      control: new SharedArrayBuffer(6 * 4),
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

  writeJob(
    seq: number,
    kernel: number,
    arrays: readonly BigUint64Array[],
    bufferIndices: readonly number[],
    scalars: readonly bigint[],
    lo: number,
    hi: number,
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
    this.arrayWords[3 * MAX_ARRAYS] = lo;
    this.arrayWords[3 * MAX_ARRAYS + 1] = hi;
    scalars.forEach((s, i) => (this.scalarWords[i] = BigInt.asUintN(64, s)));
    Atomics.store(c, STATUS, Status.Ok);
    Atomics.store(c, POSTED, seq); // publishes the words above (Atomics are sequentially consistent)
    Atomics.notify(c, POSTED);
  }

  /** Helper: block until a job after `seen` is posted, and read it. */
  nextJob(seen: number): Job {
    const c = this.control;
    // Jobs come in bursts (a protocol's loops follow each other within microseconds), and waking a
    // sleeping thread costs tens of microseconds on a VM, so spin a while before sleeping.
    const spinUntil = performance.now() + SPIN_MS;
    while (Atomics.load(c, POSTED) === seen && performance.now() < spinUntil);
    while (Atomics.load(c, POSTED) === seen) Atomics.wait(c, POSTED, seen);
    const seq = Atomics.load(c, POSTED);
    const arrays = Array.from({ length: c[ARRAY_COUNT]! }, (_, i) => ({
      buffer: this.arrayWords[3 * i]!,
      offset: this.arrayWords[3 * i + 1]!,
      length: this.arrayWords[3 * i + 2]!,
    }));
    const scalars = Array.from(this.scalarWords.subarray(0, c[SCALAR_COUNT]!));
    return {
      seq,
      kernel: c[KERNEL]!,
      arrays,
      scalars,
      lo: this.arrayWords[3 * MAX_ARRAYS]!,
      hi: this.arrayWords[3 * MAX_ARRAYS + 1]!,
    };
  }

  /** Helper: report a job finished (or failed). */
  finish(seq: number, status: number): void {
    Atomics.store(this.control, STATUS, status);
    Atomics.store(this.control, DONE, seq);
    Atomics.notify(this.control, DONE);
  }

  /** Main thread: wait up to `ms` for job `seq`; true once it is done. */
  waitDone(seq: number, ms: number): boolean {
    const c = this.control;
    // Spin first: the helper usually finishes within microseconds of this thread's own half.
    const spinUntil = performance.now() + SPIN_MS;
    while (performance.now() < spinUntil) if (Atomics.load(c, DONE) === seq) return true;
    const seen = Atomics.load(c, DONE);
    if (seen === seq) return true;
    Atomics.wait(c, DONE, seen, ms);
    return Atomics.load(c, DONE) === seq;
  }

  status(): number {
    return Atomics.load(this.control, STATUS);
  }
}
