// The ring matrix product (core/ring-matmul.ts) against a plain BigInt triple loop: every path — the
// WebAssembly SIMD loop on arrays in the memory, operands copied into the memory, the JavaScript loop,
// with and without the helper thread — gives the same words, for shapes with odd rows and columns (the
// narrow panels), batches with one B or one B per product, and a product large enough to be split.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { matmulAccumulateBatch } from '../../core/ring-matmul.ts';
import { setThreadsEnabled, splitJobCount } from '../../core/parallel/split-run.ts';
import { setWasmEnabled } from '../../core/wasm/memory.ts';
import { simdRangeCount } from '../../core/wasm/kernels.ts';
import { WordArena, allocWords } from '../../core/word-pool.ts';

afterEach(() => {
  setThreadsEnabled(true);
  setWasmEnabled(true);
});

const MASK = (1n << 64n) - 1n;

function expected(
  A: BigUint64Array,
  B: BigUint64Array,
  out: BigUint64Array,
  [batch, m, k, n]: readonly number[],
  sharedB: boolean,
): bigint[] {
  const z = Array.from(out);
  for (let b = 0; b < batch!; b++)
    for (let i = 0; i < m!; i++)
      for (let j = 0; j < n!; j++) {
        let s = z[b * m! * n! + i * n! + j]!;
        for (let p = 0; p < k!; p++)
          s += A[b * m! * k! + i * k! + p]! * B[(sharedB ? 0 : b * k! * n!) + p * n! + j]!;
        z[b * m! * n! + i * n! + j] = s & MASK;
      }
  return z;
}

const words = (n: number, seed: number): BigUint64Array => {
  let x = BigInt(seed) | 1n;
  return BigUint64Array.from(
    { length: n },
    () => (x = (x * 6364136223846793005n + 1442695040888963407n) & MASK),
  );
};

function check(dims: readonly number[], sharedB: boolean, seed: number, inArena: boolean): Promise<void> {
  const [batch, m, k, n] = dims as [number, number, number, number];
  const body = async (): Promise<void> => {
    const alloc = (len: number, s: number): BigUint64Array => {
      const w = inArena ? allocWords(len) : new BigUint64Array(len);
      w.set(words(len, s));
      return w;
    };
    const A = alloc(batch * m * k, seed);
    const B = alloc((sharedB ? 1 : batch) * k * n, seed + 1);
    const out = alloc(batch * m * n, seed + 2);
    const want = expected(A, B, out, dims, sharedB);
    matmulAccumulateBatch(A, B, out, batch, m, k, n, sharedB);
    expect(Array.from(out)).toEqual(want);
  };
  return inArena ? WordArena.within(body) : body();
}

const paths = [
  { name: 'SIMD, helper thread', wasm: true, threads: true },
  { name: 'SIMD, one thread', wasm: true, threads: false },
  { name: 'JavaScript loop', wasm: false, threads: true },
];

describe('ring matmul', () => {
  for (const path of paths) {
    it(`gives the triple loop's words on small shapes (${path.name})`, async () => {
      setWasmEnabled(path.wasm);
      setThreadsEnabled(path.threads);
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(
            fc.integer({ min: 1, max: 3 }),
            fc.integer({ min: 1, max: 13 }),
            fc.integer({ min: 1, max: 40 }),
            fc.integer({ min: 1, max: 21 }),
          ),
          fc.boolean(),
          fc.integer({ min: 1, max: 1 << 30 }),
          fc.boolean(),
          (dims, sharedB, seed, inArena) => check(dims, sharedB, seed, inArena),
        ),
        { numRuns: 40 },
      );
    });
  }

  it('takes the SIMD loop for copied operands and splits a large product with the helper', async () => {
    const simdBefore = simdRangeCount();
    await check([1, 9, 64, 19], false, 7, false);
    expect(simdRangeCount()).toBeGreaterThan(simdBefore);
    const splitBefore = splitJobCount();
    await check([2, 66, 48, 83], false, 11, true); // 526 k multiply-adds, odd column count
    expect(splitJobCount()).toBeGreaterThan(splitBefore);
  });
});
