// Recycled word buffers (docs/speed.md, "The mechanisms"): a caching allocator for the typed arrays every tensor lives in.
// Why: on the VMs this runs on, first-touching a fresh 8 MB array costs ≈4 ms of page faults against
// ≈0.5 ms for writing a warm one (measured, scratch/fault2), and a 10^6-element Beaver product allocates
// a dozen such arrays. So a run may execute inside a `WordArena`: every buffer it allocates through
// `allocWords` is owned by the arena, and `release()` hands them back for later runs to reuse.
//
// Safety: `release()` detaches every owned buffer (structuredClone with transfer moves the memory to a
// new ArrayBuffer without copying), so any view still held on a released buffer has length 0 and fails
// loudly (undefined elements throw in BigInt arithmetic) instead of silently reading another run's data.
// Outside an arena `allocWords` is plain `new BigUint64Array(n)`. The arena is found through
// AsyncLocalStorage, so runs interleaved on one event loop never take each other's buffers.
//
// Large arrays (≥ SPLIT_THRESHOLD words, helper thread enabled) live in SharedArrayBuffers, so their
// loops can be split with the helper thread (core/parallel/split-run.ts). A shared buffer cannot be
// detached: its stale views stay readable after release(), so for those the guarantee above rests on
// arena owners not keeping results past release() (conform and the benches keep only numbers). Those
// shared arrays are carved from the WebAssembly memory of core/wasm/memory.ts when it is on and has room,
// so the SIMD loops can run on them; its regions are recycled the same way.
import { AsyncLocalStorage } from 'node:async_hooks';
import { SPLIT_THRESHOLD, threadsEnabled } from './parallel/split-run.ts';
import { type Region, returnRegion, takeRegion, wasmEnabled, wasmWords } from './wasm/memory.ts';

type WordBuffer = ArrayBuffer | SharedArrayBuffer;

/** Buffers kept for reuse, by byte length; bounded so a long session does not hoard memory. */
/** Keyed by byte length and sharedness, so a run with the helper on is never handed plain buffers. */
const free = new Map<string, WordBuffer[]>();
const bucketKey = (bytes: number, shared: boolean): string => `${bytes}${shared ? 's' : 'p'}`;
const MAX_POOLED_BYTES = 512 * 2 ** 20;
let pooledBytes = 0;

const current = new AsyncLocalStorage<WordArena>();

export interface PoolStats {
  /** Allocations served from recycled buffers / freshly allocated, since the process started. */
  readonly reused: number;
  readonly fresh: number;
  readonly pooledBytes: number;
}
let reused = 0;
let fresh = 0;

export const poolStats = (): PoolStats => ({ reused, fresh, pooledBytes });

export class WordArena {
  private owned: WordBuffer[] = [];
  private regions: Region[] = [];
  private released = false;
  private taken = 0;

  /**
   * Bytes of every array allocated in this arena so far. The arena keeps them all until release(), so
   * this is its peak (harness/memory-estimate.ts measures runs with it).
   */
  get bytesTaken(): number {
    return this.taken;
  }

  /** The arena of the run in progress, if any. */
  static current(): WordArena | undefined {
    return current.getStore();
  }

  /**
   * Run `body` in a fresh arena and release it afterwards, also when `body` throws. What `body` returns
   * must not hold the run's buffers (numbers, copies): they are recycled as soon as it finishes.
   */
  static async within<T>(body: () => Promise<T>): Promise<T> {
    const arena = new WordArena();
    try {
      return await arena.run(body);
    } finally {
      arena.release();
    }
  }

  /** Run `body` with this arena owning every buffer allocated (through allocWords) inside it. */
  run<T>(body: () => Promise<T>): Promise<T> {
    if (this.released) throw new Error('WordArena: run() after release()');
    return current.run(this, body);
  }

  /** allocWords in this arena from outside its run (e.g. a socket's data handler receiving a payload). */
  alloc(n: number, zeroed = true): BigUint64Array {
    if (this.released) throw new Error('WordArena: alloc() after release()');
    return current.run(this, () => allocWords(n, zeroed));
  }

  adopt(buffer: WordBuffer): void {
    this.owned.push(buffer);
    this.taken += buffer.byteLength;
  }

  adoptRegion(region: Region, bytes: number): void {
    this.regions.push(region);
    this.taken += bytes;
  }

  /** Detach every owned buffer and keep its memory for later allocations. Views on them become empty. */
  release(): void {
    this.released = true;
    for (const r of this.regions) returnRegion(r);
    this.regions = [];
    const owned = this.owned;
    this.owned = [];
    for (const b of owned) {
      if (b.byteLength === 0) continue; // already detached (released twice through an alias)
      const moved = b instanceof SharedArrayBuffer ? b : structuredClone(b, { transfer: [b] });
      if (pooledBytes + moved.byteLength > MAX_POOLED_BYTES) continue;
      const key = bucketKey(moved.byteLength, moved instanceof SharedArrayBuffer);
      let bucket = free.get(key);
      if (bucket === undefined) free.set(key, (bucket = []));
      bucket.push(moved);
      pooledBytes += moved.byteLength;
    }
  }
}

/**
 * A word array of length n. `zeroed: false` promises the caller writes every element before reading
 * any (a recycled buffer then skips the clearing pass); the default gives zeros like `new BigUint64Array`.
 */
export function allocWords(n: number, zeroed = true): BigUint64Array {
  const arena = current.getStore();
  if (arena === undefined || n === 0) return new BigUint64Array(n);
  const shared = n >= SPLIT_THRESHOLD && threadsEnabled();
  const region = shared && wasmEnabled() ? takeRegion(n * 8) : undefined;
  if (region !== undefined) {
    if (region.fresh) fresh++;
    else reused++;
    const words = wasmWords(region.offset, n);
    if (zeroed && !region.fresh) words.fill(0n);
    arena.adoptRegion(region, n * 8);
    return words;
  }
  const buffer = free.get(bucketKey(n * 8, shared))?.pop();
  let words: BigUint64Array;
  if (buffer === undefined) {
    fresh++;
    words = new BigUint64Array(shared ? new SharedArrayBuffer(n * 8) : new ArrayBuffer(n * 8));
  } else {
    reused++;
    pooledBytes -= buffer.byteLength;
    words = new BigUint64Array(buffer);
    if (zeroed) words.fill(0n);
  }
  arena.adopt(words.buffer);
  return words;
}

/** A copy of `src` in an arena-owned buffer (the pool-aware `src.slice()`). */
export function copyWords(src: BigUint64Array): BigUint64Array {
  const out = allocWords(src.length, false);
  out.set(src);
  return out;
}
