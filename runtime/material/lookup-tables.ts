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
import { allocWords } from '../../core/word-pool.ts';
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
const BIT = BigUint64Array.of(0n, 1n);

/** Where chunk j sits in a 64-bit word seen as two 32-bit halves (chunks never straddle them). */
export interface ChunkPosition {
  readonly half: number;
  readonly shift: number;
  readonly mask: number;
}

export function chunkPositions(layout: LookupLayout): ChunkPosition[] {
  return Array.from({ length: layout.chunks }, (_, j) => {
    const start = j * layout.chunkBits;
    const width = j === layout.chunks - 1 ? layout.topChunkBits : layout.chunkBits;
    return { half: start >>> 5, shift: start & 31, mask: (1 << width) - 1 };
  });
}

export const halvesOf = (r: { readonly data: BigUint64Array }): Uint32Array =>
  new Uint32Array(r.data.buffer, r.data.byteOffset, 2 * r.data.length);

// The loops below are element-major (an element's tables are contiguous: one pass over the table
// memory), work on numbers through 32-bit views rather than on BigInts, and write table words without
// BigInt-valued conditionals (those leave V8's native 64-bit path).

/** Words with entries [lo, hi) of one table set, from `at`. */
function writeRange(out: BigUint64Array, at: number, lo: number, hi: number, layout: LookupLayout): void {
  const W = layout.wordWidth;
  for (let w = 0; w < layout.wordsPerTable; w++) {
    const a = Math.min(W, Math.max(0, lo - w * W));
    const b = Math.max(a, Math.min(W, hi - w * W));
    out[at + w] = PREFIX[b]! ^ PREFIX[a]!;
  }
}

/** LTZ tables of every element: lt for every chunk, eq for chunks ≥ 1 (see the file header). */
function writeLtzTables(
  r32: Uint32Array,
  positions: readonly ChunkPosition[],
  msb: ChunkPosition,
  layout: LookupLayout,
  lt: BigUint64Array,
  eq: BigUint64Array,
): void {
  const { chunks, wordsPerTable: words, entries } = layout;
  const n = r32.length / 2;
  for (let i = 0; i < n; i++) {
    const flipped = (r32[2 * i + msb.half]! >>> msb.shift) & 1;
    for (let j = 0; j < chunks; j++) {
      const pos = positions[j]!;
      const rj = (r32[2 * i + pos.half]! >>> pos.shift) & pos.mask;
      const lo = flipped === 0 ? 0 : j === 0 ? rj : rj + 1;
      const hi = flipped === 0 ? rj : entries;
      writeRange(lt, (i * chunks + j) * words, lo, hi, layout);
      if (j > 0) writeRange(eq, (i * (chunks - 1) + j - 1) * words, rj, rj + 1, layout);
    }
  }
}

/** Equality tables of every element, one per chunk. */
function writeEqzTables(
  r32: Uint32Array,
  positions: readonly ChunkPosition[],
  layout: LookupLayout,
  eq: BigUint64Array,
): void {
  const { chunks, wordsPerTable: words } = layout;
  const n = r32.length / 2;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < chunks; j++) {
      const pos = positions[j]!;
      const rj = (r32[2 * i + pos.half]! >>> pos.shift) & pos.mask;
      writeRange(eq, (i * chunks + j) * words, rj, rj + 1, layout);
    }
  }
}

/**
 * Table lookups of a party's shares at the opened chunks: outs[k][i] = entry c_j of table
 * `firstTable + k` of element i, where j = firstChunk + k and c_j is chunk j of element i's opened c.
 */
export function lookupTables(
  c32: Uint32Array,
  positions: readonly ChunkPosition[],
  firstChunk: number,
  tables32: Uint32Array,
  tablesPerElement: number,
  words: number,
  outs: readonly BigUint64Array[],
): void {
  const n = c32.length / 2;
  const count = outs.length;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < count; k++) {
      const pos = positions[firstChunk + k]!;
      const v = (c32[2 * i + pos.half]! >>> pos.shift) & pos.mask;
      const word = (i * tablesPerElement + k) * words + (v >>> 6);
      outs[k]![i] = BIT[(tables32[2 * word + ((v >>> 5) & 1)]! >>> (v & 31)) & 1]!;
    }
  }
}

/** One table request: r uniform in Z_2^ℓ (shared additively) and the tables `write` makes from it. */
function dealTables(
  ctx: PartyContext,
  kind: string,
  label: string,
  ell: number,
  shape: Shape,
  write: (r32: Uint32Array, n: number) => Record<string, BitTensor>,
): { r: RingTensor; tables: Readonly<Record<string, BitTensor>> } {
  const v = ctx.deal({
    kind,
    label,
    items: sizeOf(shape),
    signature: shapeSignature(ell, shape),
    generate: (d) => {
      const r = d.ring('r', ell, shape);
      return { r, ...write(halvesOf(r), sizeOf(shape)) };
    },
  });
  const { r, ...tables } = v;
  return { r: r as RingTensor, tables: tables as Record<string, BitTensor> };
}

export interface LtzTableShares {
  readonly r: RingTensor;
  readonly lt: BitTensor;
  /** Absent when there is a single chunk (ℓ ≤ 9). */
  readonly eq?: BitTensor;
}

export function ltzTables(ctx: PartyContext, label: string, ell: number, shape: Shape): LtzTableShares {
  const layout = lookupLayout(ell - 1);
  const { chunks, wordsPerTable: words, wordWidth } = layout;
  const { r, tables } = dealTables(ctx, LTZ_TABLES, label, ell, shape, (r32, n) => {
    const msb: ChunkPosition = { half: (ell - 1) >>> 5, shift: (ell - 1) & 31, mask: 1 };
    const lt = allocWords(n * chunks * words);
    const eq = allocWords(n * (chunks - 1) * words);
    writeLtzTables(r32, chunkPositions(layout), msb, layout, lt, eq);
    const out: Record<string, BitTensor> = { lt: bitTensor(wordWidth, [n, chunks, words], lt) };
    if (chunks > 1) out['eq'] = bitTensor(wordWidth, [n, chunks - 1, words], eq);
    return out;
  });
  const eq = tables['eq'];
  return eq === undefined ? { r, lt: tables['lt']! } : { r, lt: tables['lt']!, eq };
}

export interface EqzTableShares {
  readonly r: RingTensor;
  readonly eq: BitTensor;
}

export function eqzTables(ctx: PartyContext, label: string, ell: number, shape: Shape): EqzTableShares {
  const layout = lookupLayout(ell);
  const { chunks, wordsPerTable: words, wordWidth } = layout;
  const { r, tables } = dealTables(ctx, EQZ_TABLES, label, ell, shape, (r32, n) => {
    const eq = allocWords(n * chunks * words);
    writeEqzTables(r32, chunkPositions(layout), layout, eq);
    return { eq: bitTensor(wordWidth, [n, chunks, words], eq) };
  });
  return { r, eq: tables['eq']! };
}
