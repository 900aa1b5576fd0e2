// The WebAssembly SIMD loops (core/wasm/) against the JavaScript bodies they replace: the committed binary
// is the build of kernels.wat, every SIMD kernel gives the JavaScript words on random data and ranges
// (odd ends included), arrays carved after the memory grew are seen by the helper thread, and whole
// protocol runs give the same outputs with their arrays in the memory as without.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKernels } from '../../scripts/build-wasm.ts';
import { SPLIT_THRESHOLD, kernelNamed, setThreadsEnabled } from '../../core/parallel/split-run.ts';
import { simdRangeCount } from '../../core/wasm/kernels.ts';
import {
  inWasmMemory,
  returnRegion,
  setWasmEnabled,
  setWasmPageLimit,
  wasmMemory,
  takeRegion,
  wasmCarvedBytes,
  wasmWords,
} from '../../core/wasm/memory.ts';
import { WordArena, allocWords } from '../../core/word-pool.ts';
import { xorWords } from '../../core/ring-kernels.ts';
import { slowOnMain } from './fixtures/throwing-kernel.ts';
import '../../protocols/comparison/adder-kernels.ts';
import '../../protocols/arithmetic/beaver-kernels.ts';
import '../../protocols/comparison/boolean/and-kernels.ts';
import '../../protocols/comparison/b2a.ts';

afterEach(() => {
  setThreadsEnabled(true);
  setWasmEnabled(true);
  setWasmPageLimit(Infinity);
});

/** n words in the WebAssembly memory holding `values`, and a way to give them back. */
function inMemory(values: readonly bigint[]): { words: BigUint64Array; free: () => void } {
  const region = takeRegion(values.length * 8)!;
  const words = wasmWords(region.offset, values.length);
  words.set(values);
  return { words, free: () => returnRegion(region) };
}

const word = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });

/**
 * Run kernel `name` over [lo, hi) on arrays in the memory (the SIMD path) and on plain copies (the
 * JavaScript path); return both results as plain arrays.
 */
function bothPaths(
  name: string,
  inputs: readonly bigint[][],
  scalars: readonly bigint[],
  lo: number,
  hi: number,
): { simd: bigint[][]; js: bigint[][] } {
  const body = kernelNamed(name)!;
  const placed = inputs.map(inMemory);
  const plain = inputs.map((v) => BigUint64Array.from(v));
  expect(placed.every((p) => inWasmMemory(p.words))).toBe(true);
  const before = simdRangeCount();
  body(
    placed.map((p) => p.words),
    scalars,
    lo,
    hi,
  );
  if (hi - lo >= 2) expect(simdRangeCount()).toBeGreaterThan(before); // the SIMD path was tried
  body(plain, scalars, lo, hi);
  const simd = placed.map((p) => Array.from(p.words));
  placed.forEach((p) => p.free());
  return { simd, js: plain.map((p) => Array.from(p)) };
}

/** A word range [lo, hi) of n, lo a multiple of 8 as split-run hands out. */
const rangeOf = (n: number, a: number, b: number): [number, number] => {
  const lo = Math.min(8 * Math.floor(a / 8), n);
  return [lo, Math.max(lo, Math.min(n, lo + b))];
};

describe('WebAssembly SIMD kernels', () => {
  it('the committed kernels.wasm is the build of kernels.wat', async () => {
    const committed = readFileSync(new URL('../../core/wasm/kernels.wasm', import.meta.url));
    expect(Buffer.compare(await buildKernels(), committed)).toBe(0);
  });

  for (const name of ['bits/xor', 'bits/and']) {
    it(`${name} gives the JavaScript words`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 80 }),
          fc.nat(),
          fc.nat(),
          (pairs, a, b) => {
            const n = pairs.length;
            const [lo, hi] = rangeOf(n, a % n, b % (n + 1));
            const inputs = [pairs.map((p) => p[0]), pairs.map((p) => p[1]), pairs.map(() => 5n)];
            const { simd, js } = bothPaths(name, inputs, [], lo, hi);
            expect(simd).toEqual(js);
          },
        ),
      );
    });
  }

  it('adder/mask-level and adder/combine-level give the JavaScript words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(word, { minLength: 40 * 20, maxLength: 40 * 20 }),
        fc.array(word, { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 64 }),
        fc.nat(),
        fc.nat(),
        (w, pool, [inMask, outMask, mult, lead], ell, a, b) => {
          const m = (1n << BigInt(ell)) - 1n;
          const take = (at: number, len: number): bigint[] => pool.slice(at * 40, at * 40 + len);
          const [lo, hi] = rangeOf(w, a % w, b % (w + 1));
          const mask = bothPaths(
            'adder/mask-level',
            [take(0, w), take(1, w), take(2, 2 * w), take(4, 2 * w), take(6, 4 * w)],
            [m, inMask!, outMask!, mult!],
            lo,
            hi,
          );
          expect(mask.simd).toEqual(mask.js);
          const combine = bothPaths(
            'adder/combine-level',
            [
              take(6, 4 * w),
              take(10, 4 * w),
              take(0, w),
              take(1, w),
              take(2, 2 * w),
              take(4, 2 * w),
              take(14, 2 * w),
            ],
            [lead! & 1n ? m : 0n, ~outMask! & m],
            lo,
            hi,
          );
          expect(combine.simd).toEqual(combine.js);
        },
      ),
    );
  });

  // The other kernels with a SIMD loop: array lengths in units of n, and how their scalars are drawn.
  const mask = fc.integer({ min: 1, max: 64 }).map((ell) => [(1n << BigInt(ell)) - 1n]);
  const divisor = fc
    .oneof(
      fc.integer({ min: 0, max: 63 }).map((k) => 1n << BigInt(k)),
      fc.constantFrom(3n, 6n, -4n, (1n << 64n) - 1n),
    )
    .map((d) => [d]);
  const lead = fc.tuple(fc.constantFrom(0n, 1n, 5n), mask).map(([l, [m]]) => [l, m!]);
  const none = fc.constant<bigint[]>([]);
  const arithmetic: [string, number[], fc.Arbitrary<bigint[]>][] = [
    ['ring/add', [1, 1, 1], mask],
    ['ring/sub', [1, 1, 1], mask],
    ['ring/mul', [1, 1, 1], mask],
    ['ring/div64', [1, 1], divisor],
    ['beaver/mask-both', [1, 1, 1, 1, 2], mask],
    ['beaver/combine-lead', [1, 1, 1, 2, 2, 1], mask],
    ['beaver/combine-other', [1, 1, 1, 2, 2, 1], mask],
    ['square/combine-lead', [1, 1, 1, 1, 1], mask],
    ['square/combine-other', [1, 1, 1, 1, 1], mask],
    ['and/mask-both', [1, 1, 1, 1, 2], none],
    ['and/combine-lead', [1, 1, 1, 2, 2, 1], none],
    ['and/combine-other', [1, 1, 1, 2, 2, 1], none],
    ['adder/finish', [1, 1], mask],
    ['b2a/unmask', [1, 1, 1], lead],
    ['bits/bit-at', [1, 1], fc.integer({ min: 0, max: 63 }).map((j) => [BigInt(j)])],
  ];
  for (const [name, lengths, scalar] of arithmetic) {
    it(`${name} gives the JavaScript words`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 40 }),
          fc.array(word, { minLength: 8 * 40, maxLength: 8 * 40 }),
          scalar,
          fc.nat(),
          fc.nat(),
          (n, pool, s, a, b) => {
            let at = 0;
            const inputs = lengths.map((units) => pool.slice(at, (at += units * n)));
            expect(inputs.map((words) => words.length)).toEqual(lengths.map((units) => units * n));
            const [lo, hi] = rangeOf(n, a % n, b % (n + 1));
            const { simd, js } = bothPaths(name, inputs, s, lo, hi);
            expect(simd).toEqual(js);
          },
        ),
      );
    });
  }

  it('the helper thread writes into arrays carved after the memory grew', async () => {
    setThreadsEnabled(true);
    const n = 4 * SPLIT_THRESHOLD + 5;
    await WordArena.within(async () => {
      const before = wasmCarvedBytes();
      // More than one growth step (16 MiB) of arrays, so the last one lies beyond the first buffer.
      let out = allocWords(n);
      while (wasmCarvedBytes() - before < 40 * 2 ** 20) out = allocWords(n);
      expect(inWasmMemory(out)).toBe(true);
      // slowOnMain sleeps on this thread, so the helper takes chunks: they must land in this memory.
      slowOnMain([out], [], n);
      expect(out.findIndex((v) => v !== 3n)).toBe(-1);
    });
  });

  it('when the memory is full, arrays are plain shared buffers and mixed calls run in JavaScript', async () => {
    setThreadsEnabled(true);
    const n = SPLIT_THRESHOLD + 3;
    await WordArena.within(async () => {
      const inside = allocWords(n);
      expect(inWasmMemory(inside)).toBe(true);
      setWasmPageLimit(wasmMemory()!.buffer.byteLength / 2 ** 16);
      // Free regions of this size may remain from other tests: take them until the memory says no.
      let outside = allocWords(n);
      while (inWasmMemory(outside)) outside = allocWords(n);
      expect(outside.buffer).toBeInstanceOf(SharedArrayBuffer);
      for (let i = 0; i < n; i++) [inside[i], outside[i]] = [BigInt(i) << 40n, BigInt(7 * i)];
      const out = allocWords(n);
      xorWords([inside, outside, out], [], n);
      expect(out.findIndex((v, i) => v !== ((BigInt(i) << 40n) ^ BigInt(7 * i)))).toBe(-1);
    });
  });

  it('is left alone with MPCSPEC_WASM=0: arena arrays are then plain shared buffers', async () => {
    setWasmEnabled(false);
    const words = await WordArena.within(async () => allocWords(SPLIT_THRESHOLD));
    expect(inWasmMemory(words)).toBe(false);
    expect(words.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
