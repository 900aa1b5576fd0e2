// Ring matrix products over Z_2^64 (ALGORITHMS.md §1, "Matrix multiply"; issue 14's fast ring matmul):
// out += A·B for one product or a batch of them (attention heads), the kernel under matrix triples, their
// dealer and every linear layer. Callers mask to Z_2^ℓ afterwards; products wrap mod 2^64.
//
// How it runs: one range kernel over output rows (core/parallel/split-run.ts), so the helper thread takes
// half the rows of a large product, and each range runs the WebAssembly SIMD loop `matmul_rows`
// (core/wasm/kernels.wat: blocks of 2 rows × 8 columns held in registers) when the three arrays live in
// the shared WebAssembly memory. Operands that do not — small tensors, arrays made outside an arena — are
// copied in for the product and the result copied back: the copies are O(mk + kn + mn) words against
// O(mkn) multiply-adds. The JavaScript i-k-j loop stays the definition and runs wherever the memory is
// off (MPCSPEC_WASM=0, a process without it). Every path gives the same words: a sum mod 2^64 does not
// depend on its order.
import { defineKernel } from './parallel/split-run.ts';
import { addressOf, simdLoops } from './wasm/kernels.ts';
import {
  type Region,
  inWasmMemory,
  returnRegion,
  takeRegion,
  wasmEnabled,
  wasmWords,
} from './wasm/memory.ts';

/** Below this many multiply-adds one thread does it all (a hand-off costs tens of microseconds). */
const SPLIT_WORK = 1 << 19;
/** Below this many multiply-adds per word copied, operands are not worth copying into the memory. */
const STAGE_RATIO = 4;

/**
 * Rows [r0, r1) of out[o..] += A[a..]·B[b..] for an [m, k]·[k, n] product whose A, B and out start at
 * word offsets a, b and o: the i-k-j loop, so the inner loop streams a row of B and a row of out.
 */
function rowsJs(
  A: BigUint64Array,
  B: BigUint64Array,
  out: BigUint64Array,
  offsets: readonly [number, number, number],
  k: number,
  n: number,
  r0: number,
  r1: number,
): void {
  const [a, b, o] = offsets;
  for (let i = r0; i < r1; i++) {
    const rowOut = o + i * n;
    for (let p = 0; p < k; p++) {
      const aip = A[a + i * k + p]!;
      if (aip === 0n) continue;
      const rowB = b + p * n;
      for (let j = 0; j < n; j++) out[rowOut + j] = out[rowOut + j]! + aip * B[rowB + j]!;
    }
  }
}

/**
 * Output rows [lo, hi) of a batch of products, rows numbered across the batch (row g is row g mod m of
 * product ⌊g/m⌋). Arrays [A, B, out]; scalars [m, k, n, bStep], bStep the words between the batch's
 * B operands (0: one B for every product).
 */
function matmulRange(
  arrays: readonly BigUint64Array[],
  scalars: readonly bigint[],
  lo: number,
  hi: number,
): void {
  const [A, B, out] = arrays as [BigUint64Array, BigUint64Array, BigUint64Array];
  const [m, k, n, bStep] = scalars.map(Number) as [number, number, number, number];
  const simd = inWasmMemory(A) && inWasmMemory(B) && inWasmMemory(out);
  for (let g = lo; g < hi;) {
    const batch = Math.floor(g / m);
    const r0 = g - batch * m;
    const r1 = Math.min(m, hi - batch * m);
    const offsets: [number, number, number] = [batch * m * k, batch * bStep, batch * m * n];
    if (simd)
      simdLoops().matmul_rows(
        addressOf(A, offsets[0]),
        addressOf(B, offsets[1]),
        addressOf(out, offsets[2]),
        k,
        n,
        r0,
        r1,
      );
    else rowsJs(A, B, out, offsets, k, n, r0, r1);
    g = batch * m + r1;
  }
}

const matmulRows = defineKernel(import.meta.url, 'ring/matmul', matmulRange, {
  minChunk: 8,
  splitAbove: 16,
});

/** Arrays in the WebAssembly memory (copies where needed), and how to give the copies back. */
function staged(arrays: readonly BigUint64Array[]): {
  arrays: BigUint64Array[];
  done: (out: BigUint64Array) => void;
} {
  const taken: Region[] = [];
  const placed: BigUint64Array[] = [];
  for (const a of arrays) {
    if (inWasmMemory(a)) {
      placed.push(a);
      continue;
    }
    const region = takeRegion(a.length * 8);
    if (region === undefined) break; // the memory is full: run the JavaScript loop on the originals
    const words = wasmWords(region.offset, a.length);
    words.set(a);
    taken.push(region);
    placed.push(words);
  }
  const release = (): void => taken.forEach(returnRegion);
  if (placed.length < arrays.length) {
    release();
    return { arrays: [...arrays], done: () => undefined };
  }
  const outCopy = placed[placed.length - 1]!;
  return {
    arrays: placed,
    done: (out) => {
      if (outCopy !== out) out.set(outCopy);
      release();
    },
  };
}

/**
 * out += A·B over Z_2^64 for `batch` products of [m, k]·[k, n] laid out one after the other (A [batch, m,
 * k], out [batch, m, n]; B [batch, k, n], or one [k, n] for every product when `sharedB`). Callers mask.
 */
export function matmulAccumulateBatch(
  A: BigUint64Array,
  B: BigUint64Array,
  out: BigUint64Array,
  batch: number,
  m: number,
  k: number,
  n: number,
  sharedB = false,
): void {
  const rows = batch * m;
  const work = rows * k * n;
  if (work === 0) return;
  const copied = A.length + B.length + 2 * out.length;
  const inMemory = inWasmMemory(A) && inWasmMemory(B) && inWasmMemory(out);
  const stage = !inMemory && wasmEnabled() && work >= STAGE_RATIO * copied;
  const { arrays, done } = stage ? staged([A, B, out]) : { arrays: [A, B, out], done: () => undefined };
  const scalars = [m, k, n, sharedB ? 0 : k * n].map(BigInt);
  if (work < SPLIT_WORK) matmulRange(arrays, scalars, 0, rows);
  else matmulRows(arrays, scalars, rows);
  done(out);
}

/** out += A·B over Z_2^64 for A [m, k], B [k, n], out [m, n] (callers mask). */
export const matmulAccumulate = (
  A: BigUint64Array,
  B: BigUint64Array,
  out: BigUint64Array,
  m: number,
  k: number,
  n: number,
): void => matmulAccumulateBatch(A, B, out, 1, m, k, n);
