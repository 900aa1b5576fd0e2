// The dealer's AND triples for two parties in one pass (runtime/dealer.ts, MaterialRequest.dealTwoParty).
// The generic path draws a and b, computes c = a ∧ b, draws one share of each and XORs it into the value:
// five keystream copies and four more passes over arrays too large for the cache — the dealer's half of
// an ltz run (docs/speed.md). Here each 64 KiB piece of the five keystreams is read once, while the
// cipher's output is still in cache, and all six shares are written from it. The words are the generic
// path's, so vectors and views are unchanged (test/runtime/dealer-fused.test.ts compares the two).
import { defineKernel } from '../../core/parallel/split-run.ts';
import { addressOf, simdLoops } from '../../core/wasm/kernels.ts';
import { inWasmMemory, threadScratch } from '../../core/wasm/memory.ts';
import { KEYSTREAM_CHUNK_WORDS, type Key, keyScalars, keystreamReader } from '../../core/prg.ts';
import { allocWords } from '../../core/word-pool.ts';
import { type BitTensor, bitTensor } from '../../core/bits.ts';
import { ringMask } from '../../core/ring.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import { shareDrawName } from '../dealer.ts';

type Words = BigUint64Array;

/**
 * Arrays [rawA, rawB, rawC, derA, derB, derC]; scalars: the keys of a, b, and the share draws of a, b, c
 * (four words each), then the width mask. raw = share draw, der = value ⊕ share draw, c = a ∧ b.
 */
const andTripleShares = defineKernel(
  import.meta.url,
  'dealer/and-triple',
  (arrays, scalars, lo, hi) => {
    const out = arrays as Words[];
    const m = scalars[20]!;
    const readers = [0, 4, 8, 12, 16].map((at) => keystreamReader(scalars, at, lo));
    const simd = arrays.every(inWasmMemory) ? simdLoops() : undefined;
    for (let off = lo; off < hi; off += KEYSTREAM_CHUNK_WORDS) {
      const n = Math.min(KEYSTREAM_CHUNK_WORDS, hi - off);
      const pieces = readers.map((next) => next(n));
      if (simd === undefined) {
        derivePiece(pieces, out, m, off, 0, n);
        continue;
      }
      // The cipher writes outside the WebAssembly memory: stage the pieces in this thread's scratch (a
      // memcpy into cache) and run the SIMD loop there; an odd last word runs in JavaScript.
      const scratch = threadScratch();
      pieces.forEach((p, i) => scratch.set(p, i * KEYSTREAM_CHUNK_WORDS));
      const even = n & ~1;
      simd.and_triple(
        ...pieces.map((_, i) => addressOf(scratch, i * KEYSTREAM_CHUNK_WORDS)),
        ...out.map((o) => addressOf(o, off)),
        m,
        0,
        even,
      );
      if (even < n) derivePiece(pieces, out, m, off, even, n);
    }
  },
  // Five ciphers to set up per chunk: as prg/chacha20, at least 256 KiB of each keystream.
  { minChunk: 1 << 15 },
);

/**
 * Words [from, to) of one piece of the five keystreams [a, b, rA, rB, rC] into the six share arrays
 * [rawA, rawB, rawC, derA, derB, derC] at offset `off`: raw = r ∧ m, derived = (value ⊕ r) ∧ m, c = a ∧ b.
 * Three short loops, each BigInt used once per expression (see adder-kernels.ts on why).
 */
function derivePiece(pieces: Words[], out: Words[], m: bigint, off: number, from: number, to: number): void {
  const [A, B, RA, RB, RC] = pieces as [Words, Words, Words, Words, Words];
  const [rawA, rawB, rawC, derA, derB, derC] = out as [Words, Words, Words, Words, Words, Words];
  for (let k = from; k < to; k++) {
    rawA[off + k] = RA[k]! & m;
    derA[off + k] = (A[k]! ^ RA[k]!) & m;
  }
  for (let k = from; k < to; k++) {
    rawB[off + k] = RB[k]! & m;
    derB[off + k] = (B[k]! ^ RB[k]!) & m;
  }
  for (let k = from; k < to; k++) {
    rawC[off + k] = RC[k]! & m;
    derC[off + k] = ((A[k]! & B[k]!) ^ RC[k]!) & m;
  }
}

type TripleShares = Readonly<Record<'a' | 'b' | 'c', BitTensor>>;

/** Both parties' shares of an AND triple of `width`-bit words; party `raw` gets the share draws. */
export function dealAndTriple(
  key: (draw: string) => Key,
  raw: number,
  width: number,
  shape: Shape,
): readonly [TripleShares, TripleShares] {
  const count = sizeOf(shape);
  // Claimed in the generic path's order: the values, then each value's share draw.
  const keys = ['a', 'b', ...['a', 'b', 'c'].map((name) => shareDrawName(name, raw))].map(key);
  const out = Array.from({ length: 6 }, () => allocWords(count, false));
  andTripleShares(out, [...keys.flatMap(keyScalars), ringMask(width)], count);
  const [rawA, rawB, rawC, derA, derB, derC] = out.map((w) => bitTensor(width, shape, w)) as [
    BitTensor,
    BitTensor,
    BitTensor,
    BitTensor,
    BitTensor,
    BitTensor,
  ];
  const rawShares = { a: rawA, b: rawB, c: rawC };
  const derived = { a: derA, b: derB, c: derC };
  return raw === 0 ? [rawShares, derived] : [derived, rawShares];
}
