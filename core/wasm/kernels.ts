// The SIMD loops of kernels.wasm (built from kernels.wat). A kernel names its loop in defineKernel's
// `simd` option (core/parallel/split-run.ts), which runs it through `withSimd`: the WebAssembly loop when
// every array of the call lives in the shared memory (core/wasm/memory.ts), the JavaScript body
// otherwise, so results never depend on where an array lives (test/core/wasm-kernels.test.ts compares
// the two on every kernel). The SIMD loops take two words at a time; an odd last word runs in JavaScript.
import { readFileSync } from 'node:fs';
import { inWasmMemory, wasmMemory } from './memory.ts';

/** A range kernel's body (core/parallel/split-run.ts RangeKernel; spelled here so the import is one way). */
type Body = (arrays: readonly BigUint64Array[], scalars: readonly bigint[], lo: number, hi: number) => void;

/**
 * The module's exports: byte addresses (i32) and 64-bit scalars (i64, given as BigInt), then the word
 * range [lo, hi); kernels.wat documents each one's parameters.
 */
type SimdLoop = (...args: (number | bigint)[]) => void;
export interface SimdLoops {
  readonly xor: SimdLoop;
  readonly and: SimdLoop;
  readonly mask_level: SimdLoop;
  readonly combine_level: SimdLoop;
  readonly and_triple: SimdLoop;
  readonly add: SimdLoop;
  readonly sub: SimdLoop;
  readonly mul: SimdLoop;
  readonly div_pow2: SimdLoop;
  readonly beaver_mask: SimdLoop;
  readonly beaver_combine: SimdLoop;
  readonly square_combine: SimdLoop;
  readonly and_mask: SimdLoop;
  readonly and_combine: SimdLoop;
  readonly adder_finish: SimdLoop;
  readonly b2a_unmask: SimdLoop;
  readonly bit_at: SimdLoop;
  readonly matmul_rows: SimdLoop;
}

let loops: SimdLoops | undefined;
let simdRanges = 0;
/** Ranges run by SIMD loops on this thread so far (tests check the SIMD path ran). */
export const simdRangeCount = (): number => simdRanges;

/** The loops, instantiated on this thread's first use. */
export function simdLoops(): SimdLoops {
  simdRanges++;
  if (loops === undefined) {
    const bytes = readFileSync(new URL('./kernels.wasm', import.meta.url));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      env: { memory: wasmMemory() },
    });
    loops = instance.exports as unknown as SimdLoops;
  }
  return loops;
}

export type SimdBody = (
  loops: SimdLoops,
  arrays: readonly BigUint64Array[],
  scalars: readonly bigint[],
  lo: number,
  hi: number,
) => void | false;

/**
 * `js` where an array lies outside the memory or `simd` returns false (a case it does not cover, such as
 * a divisor that is not a power of two), the SIMD loop otherwise.
 */
export function withSimd(js: Body, simd: SimdBody): Body {
  return (arrays, scalars, lo, hi) => {
    if (!arrays.every(inWasmMemory)) {
      js(arrays, scalars, lo, hi);
      return;
    }
    const even = lo + ((hi - lo) & ~1);
    if (even > lo && simd(simdLoops(), arrays, scalars, lo, even) === false) {
      js(arrays, scalars, lo, hi);
      return;
    }
    if (even < hi) js(arrays, scalars, even, hi);
  };
}

/** All ones, as a lead mask: the party that adds the public term (party 0) passes it, the others 0. */
export const ALL_ONES = (1n << 64n) - 1n;

/** The byte address of word `at` of an array in the memory. */
export const addressOf = (words: BigUint64Array, at = 0): number => words.byteOffset + 8 * at;

/**
 * The addresses a Beaver-style combination loop takes for arrays [c, a, b, mine, other, z], where mine
 * and other hold two halves of z's length each: c, a, b, both halves of mine, both of other, z.
 */
export function combineAddresses(arrays: readonly BigUint64Array[]): number[] {
  const [c, a, b, mine, other, z] = arrays as [BigUint64Array, ...BigUint64Array[]];
  const n = z!.length;
  return [
    addressOf(c),
    addressOf(a!),
    addressOf(b!),
    addressOf(mine!),
    addressOf(mine!, n),
    addressOf(other!),
    addressOf(other!, n),
    addressOf(z!),
  ];
}
