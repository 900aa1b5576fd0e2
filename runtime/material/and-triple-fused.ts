// The dealer's AND triples for two parties in one pass (runtime/dealer.ts, MaterialRequest.dealTwoParty).
// The generic path draws a and b, computes c = a ∧ b, draws one share of each and XORs it into the value:
// five keystream copies and four more passes over arrays too large for the cache — the dealer's half of
// an ltz run (README "Speed"). Here each 64 KiB piece of the five keystreams is read once, while the
// cipher's output is still in cache, and all six shares are written from it. The words are the generic
// path's, so vectors and views are unchanged (test/runtime/dealer-fused.test.ts compares the two).
import { defineKernel } from '../../core/parallel/split-run.ts';
import { KEYSTREAM_CHUNK_WORDS, type Key, keyScalars, keystreamReader } from '../../core/prg.ts';
import { allocWords } from '../../core/word-pool.ts';
import { type BitTensor, bitTensor } from '../../core/bits.ts';
import { ringMask } from '../../core/ring.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import { shareDrawName } from '../dealer.ts';

type Words = BigUint64Array;
type Reader = (n: number) => Words;
const ALL_ONES = ringMask(64);

function maskRange(words: Words, m: bigint, lo: number, hi: number): void {
  for (let k = lo; k < hi; k++) words[k] = words[k]! & m;
}

/**
 * Arrays [rawA, rawB, rawC, derA, derB, derC]; scalars: the keys of a, b, and the share draws of a, b, c
 * (four words each), then the width mask. raw = share draw, der = value ⊕ share draw, c = a ∧ b.
 */
const andTripleShares = defineKernel(
  import.meta.url,
  'dealer/and-triple',
  (arrays, scalars, lo, hi) => {
    const [rawA, rawB, rawC, derA, derB, derC] = arrays as [Words, Words, Words, Words, Words, Words];
    const m = scalars[20]!;
    const [nextA, nextB, nextRA, nextRB, nextRC] = [0, 4, 8, 12, 16].map((at) =>
      keystreamReader(scalars, at, lo),
    ) as [Reader, Reader, Reader, Reader, Reader];
    for (let off = lo; off < hi; off += KEYSTREAM_CHUNK_WORDS) {
      const n = Math.min(KEYSTREAM_CHUNK_WORDS, hi - off);
      const [A, B, RA, RB, RC] = [nextA(n), nextB(n), nextRA(n), nextRB(n), nextRC(n)];
      // The share draws are copied as they are (memcpy); the derived shares are three short loops, each
      // BigInt used once per expression (see adder-kernels.ts on why).
      rawA.set(RA, off);
      rawB.set(RB, off);
      rawC.set(RC, off);
      for (let k = 0; k < n; k++) derA[off + k] = (A[k]! ^ RA[k]!) & m;
      for (let k = 0; k < n; k++) derB[off + k] = (B[k]! ^ RB[k]!) & m;
      for (let k = 0; k < n; k++) derC[off + k] = ((A[k]! & B[k]!) ^ RC[k]!) & m;
      if (m !== ALL_ONES) for (const raw of [rawA, rawB, rawC]) maskRange(raw, m, off, off + n);
    }
  },
  // Five ciphers to set up per chunk: as prg/chacha20, at least 256 KiB of each keystream.
  { minChunk: 1 << 15 },
);

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
