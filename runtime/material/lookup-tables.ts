// Dealer material of the default schedule's comparisons (spec/comparison/lookup-layout.ts,
// docs/comparison.md "default LTZ"): a mask r uniform in Z_2^ℓ (shared arithmetically) and, for each of
// r's chunks, one-bit lookup tables shared by XOR. The parties open c = x + r and look their table shares
// up at c's chunks, so a table entry is a function of (c_j, r_j) only:
//   ltzTables  lt[i][j][v] = [v < r_j]                       if msb(r) = 0
//                          = [v > r_j] (j ≥ 1), [v ≥ r_0]    if msb(r) = 1
//              eq[i][j−1][v] = [v = r_j]   for chunks j ≥ 1 (chunk 0's equality is never used)
//              chunks of r mod 2^(ℓ−1); flipping the tables with msb(r) makes the tree compute
//              msb(r) ⊕ [c' < r'] directly (no shared msb(r) is needed).
//   eqzTables  eq[i][j][v] = [v = r_j]     for every chunk of r (all ℓ bits)
// Entry v of a table is bit v mod W of word ⌊v/W⌋; tables are laid out [element][chunk][word].
import { type BitTensor, bitTensor } from '../../core/bits.ts';
import type { RingTensor } from '../../core/ring.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';
import { EQZ_TABLES, LTZ_TABLES } from '../../spec/material.ts';
import { type LookupLayout, lookupLayout } from '../../spec/comparison/lookup-layout.ts';

/** PREFIX[k] = 2^k − 1: the words with bits [a, b) set are PREFIX[b] ⊕ PREFIX[a] (no variable shifts). */
const PREFIX = BigUint64Array.from({ length: 65 }, (_, k) =>
  k === 64 ? (1n << 64n) - 1n : (1n << BigInt(k)) - 1n,
);

/** Chunk j (chunkBits wide) of the low `bits` bits of the 64-bit words viewed as 32-bit halves. */
export function chunkOf(halves: Uint32Array, i: number, j: number, layout: LookupLayout): number {
  const start = j * layout.chunkBits;
  const width = j === layout.chunks - 1 ? layout.topChunkBits : layout.chunkBits;
  const lo = halves[2 * i]!;
  const hi = halves[2 * i + 1]!;
  // A chunk of at most 8 bits never straddles the 32-bit halves when chunkBits divides 32.
  const word = start >= 32 ? hi >>> (start - 32) : lo >>> start;
  return word & ((1 << width) - 1);
}

/** Writes the table with entries [lo, hi) set, `wordsPerTable` words from `at`. */
function writeRange(out: BigUint64Array, at: number, lo: number, hi: number, layout: LookupLayout): void {
  const W = layout.wordWidth;
  for (let w = 0; w < layout.wordsPerTable; w++) {
    const a = Math.min(W, Math.max(0, lo - w * W));
    const b = Math.min(W, Math.max(0, hi - w * W));
    out[at + w] = b > a ? PREFIX[b]! ^ PREFIX[a]! : 0n;
  }
}

export const halvesOf = (r: { readonly data: BigUint64Array }): Uint32Array =>
  new Uint32Array(r.data.buffer, r.data.byteOffset, 2 * r.data.length);

export interface LtzTableShares {
  readonly r: RingTensor;
  readonly lt: BitTensor;
  /** Absent when there is a single chunk (ℓ ≤ 9). */
  readonly eq?: BitTensor;
}

export function ltzTables(ctx: PartyContext, label: string, ell: number, shape: Shape): LtzTableShares {
  const layout = lookupLayout(ell - 1);
  const { chunks, wordsPerTable: words, wordWidth, entries } = layout;
  const n = sizeOf(shape);
  const v = ctx.deal({
    kind: LTZ_TABLES,
    label,
    items: n,
    signature: shapeSignature(ell, shape),
    generate: (d) => {
      const r = d.ring('r', ell, shape);
      const halves = halvesOf(r);
      const msbWord = ell > 32 ? 1 : 0;
      const msbBit = (ell - 1) % 32;
      const lt = new BigUint64Array(n * chunks * words);
      const eq = new BigUint64Array(n * (chunks - 1) * words);
      for (let i = 0; i < n; i++) {
        const flipped = (halves[2 * i + msbWord]! >>> msbBit) & 1;
        for (let j = 0; j < chunks; j++) {
          const rj = chunkOf(halves, i, j, layout);
          const at = (i * chunks + j) * words;
          if (flipped === 0) writeRange(lt, at, 0, rj, layout);
          else writeRange(lt, at, j === 0 ? rj : rj + 1, entries, layout);
          if (j > 0) writeRange(eq, (i * (chunks - 1) + j - 1) * words, rj, rj + 1, layout);
        }
      }
      const tables = { r, lt: bitTensor(wordWidth, [n, chunks, words], lt) };
      return chunks > 1 ? { ...tables, eq: bitTensor(wordWidth, [n, chunks - 1, words], eq) } : tables;
    },
  });
  const r = v['r'] as RingTensor;
  const lt = v['lt'] as BitTensor;
  return chunks > 1 ? { r, lt, eq: v['eq'] as BitTensor } : { r, lt };
}

export interface EqzTableShares {
  readonly r: RingTensor;
  readonly eq: BitTensor;
}

export function eqzTables(ctx: PartyContext, label: string, ell: number, shape: Shape): EqzTableShares {
  const layout = lookupLayout(ell);
  const { chunks, wordsPerTable: words, wordWidth } = layout;
  const n = sizeOf(shape);
  const v = ctx.deal({
    kind: EQZ_TABLES,
    label,
    items: n,
    signature: shapeSignature(ell, shape),
    generate: (d) => {
      const r = d.ring('r', ell, shape);
      const halves = halvesOf(r);
      const eq = new BigUint64Array(n * chunks * words);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < chunks; j++) {
          const rj = chunkOf(halves, i, j, layout);
          writeRange(eq, (i * chunks + j) * words, rj, rj + 1, layout);
        }
      }
      return { r, eq: bitTensor(wordWidth, [n, chunks, words], eq) };
    },
  });
  return { r: v['r'] as RingTensor, eq: v['eq'] as BitTensor };
}

/** Entry v of table `table` (an index into [element][chunk] order) of a party's share, as 0 or 1. */
export function tableEntry(shareHalves: Uint32Array, table: number, words: number, v: number): number {
  const word = table * words + (v >>> 6);
  return (shareHalves[2 * word + ((v >>> 5) & 1)]! >>> (v & 31)) & 1;
}
