// The shared WebAssembly memory that large arena arrays live in (docs/speed.md, "The mechanisms"), so the SIMD loops of
// kernels.wasm can run on them: a JavaScript BigInt loop moves ≈0.5 G words/s here, the same loop in
// WebAssembly SIMD ≈2 G (measured, scratch/wasmproto). One memory per process, shared with the helper
// thread (it arrives in the helper's workerData), so both threads address the same words.
//
// Regions are carved from the top of the memory and recycled by size: the word pool (core/word-pool.ts)
// hands them out inside a WordArena and takes them back on release(), as it does SharedArrayBuffers. A
// WebAssembly memory cannot shrink, so a region, once carved, stays in the process: the memory's size is
// the most a run ever held at once (plus sizes it no longer uses). wasm32 stops at 4 GiB: when the memory
// cannot grow, takeRegion says so and the pool falls back to a plain SharedArrayBuffer, whose loops run
// in JavaScript. MPCSPEC_WASM=0 keeps every array out of the memory.
import { isMainThread, workerData } from 'node:worker_threads';

const PAGE_BYTES = 1 << 16;
const MAX_PAGES = 1 << 16;
/** Grow in steps of 16 MiB: every growth gives `memory.buffer` a new SharedArrayBuffer object. */
const GROW_PAGES = 256;
/** Region sizes and starts are multiples of a cache line. */
const ALIGN = 64;

let enabled = process.env['MPCSPEC_WASM'] !== '0';

/** Put large arena arrays into the WebAssembly memory or not (tests compare both paths). */
export function setWasmEnabled(on: boolean): void {
  enabled = on;
}

export const wasmEnabled = (): boolean => enabled;

/**
 * Each thread's scratch words at the start of the memory (main thread first, then the helper): where a
 * kernel stages data it did not get in the memory, such as the cipher's keystream, for a SIMD loop.
 */
export const SCRATCH_WORDS = 1 << 16;
const SCRATCH_BYTES = SCRATCH_WORDS * 8;
const THREADS = 2;
const REGIONS_START = ALIGN + THREADS * SCRATCH_BYTES;

let memory = (workerData as { wasmMemory?: WebAssembly.Memory } | null | undefined)?.wasmMemory;

let unavailable = false;

/**
 * This process's memory, created on first use (the helper thread receives the main thread's), or
 * undefined where it cannot be had: a shared memory reserves its 4 GiB maximum of address space up
 * front, which a process limit (ulimit -v) may refuse. Arrays then stay in SharedArrayBuffers.
 */
export function wasmMemory(): WebAssembly.Memory | undefined {
  if (memory === undefined && !unavailable) {
    try {
      memory = new WebAssembly.Memory({
        initial: Math.ceil(REGIONS_START / PAGE_BYTES),
        maximum: MAX_PAGES,
        shared: true,
      });
    } catch {
      unavailable = true;
    }
  }
  return memory;
}

/** The memory, where the caller holds arrays in it (so it exists). */
function theMemory(): WebAssembly.Memory {
  const m = wasmMemory();
  if (m === undefined) throw new Error('no WebAssembly memory, yet an array in it was asked for');
  return m;
}

/** The memory's buffer objects seen by this thread: an array is in the memory iff its buffer is one. */
const buffers = new WeakSet<ArrayBufferLike>();

function currentBuffer(): SharedArrayBuffer {
  const b = theMemory().buffer as unknown as SharedArrayBuffer;
  buffers.add(b);
  return b;
}

export const inWasmMemory = (words: BigUint64Array): boolean => buffers.has(words.buffer);

/** n words at byte `offset` of the memory (either thread). */
export function wasmWords(offset: number, n: number): BigUint64Array {
  return new BigUint64Array(currentBuffer(), offset, n);
}

/** This thread's scratch words (SCRATCH_WORDS of them). */
export const threadScratch = (): BigUint64Array =>
  wasmWords(ALIGN + (isMainThread ? 0 : 1) * SCRATCH_BYTES, SCRATCH_WORDS);

export interface Region {
  readonly offset: number;
  readonly bytes: number;
  /** Never handed out before, so still zero. */
  readonly fresh: boolean;
}

let top = REGIONS_START;
let pageLimit = MAX_PAGES;

/** Cap the memory below wasm32's 4 GiB (tests reach the fallback this way); pages of 64 KiB. */
export function setWasmPageLimit(pages: number): void {
  pageLimit = Math.min(pages, MAX_PAGES);
}
const freeBySize = new Map<number, number[]>();
let carvedBytes = 0;

/** Bytes of the memory carved into regions so far (the pool's footprint in it). */
export const wasmCarvedBytes = (): number => carvedBytes;

/** A region of at least `bytes` bytes (main thread only), or undefined when the memory is full. */
export function takeRegion(bytes: number): Region | undefined {
  const size = Math.ceil(bytes / ALIGN) * ALIGN;
  const pooled = freeBySize.get(size)?.pop();
  if (pooled !== undefined) return { offset: pooled, bytes: size, fresh: false };
  const m = wasmMemory();
  if (m === undefined) return undefined;
  const end = top + size;
  const have = m.buffer.byteLength;
  if (end > have) {
    const pages = Math.ceil((end - have) / PAGE_BYTES / GROW_PAGES) * GROW_PAGES;
    if (have / PAGE_BYTES + pages > pageLimit) return undefined;
    try {
      m.grow(pages);
    } catch {
      return undefined; // the system would not commit the pages: a SharedArrayBuffer instead
    }
  }
  const offset = top;
  top = end;
  carvedBytes += size;
  return { offset, bytes: size, fresh: true };
}

/** Give a region back for a later takeRegion of the same size. */
export function returnRegion(region: Region): void {
  let bucket = freeBySize.get(region.bytes);
  if (bucket === undefined) freeBySize.set(region.bytes, (bucket = []));
  bucket.push(region.offset);
}
