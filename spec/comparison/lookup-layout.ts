// The layout of the default schedule's table-lookup comparison (docs/comparison.md, "default LTZ"):
// a masked opening c = x + r followed by local lookups of c's 8-bit chunks in dealer tables, then a
// tree of AND layers over the chunks. Spec (cost), dealer (tables) and protocol share these numbers.
//
// The compared value has `bits` bits (ℓ − 1 for LTZ: c mod 2^(ℓ−1); ℓ for equality), cut into
// chunks of CHUNK_BITS, chunk 0 the least significant, the top chunk possibly narrower. Every table
// has 2^chunkBits one-bit entries (chunkBits = min(CHUNK_BITS, bits)), entry v at bit v mod W of word
// ⌊v / W⌋, W = min(64, 2^chunkBits) bits per word.

/** 8 bits: 256-entry tables (4 words) keep the dealer's tables small and the tree at ⌈log₂(ℓ/8)⌉ levels. */
export const CHUNK_BITS = 8;

export interface LookupLayout {
  /** Bits compared: ℓ − 1 for LTZ, ℓ for equality. */
  readonly bits: number;
  readonly chunks: number;
  /** Width of every chunk but possibly the top one. */
  readonly chunkBits: number;
  /** Width of the top chunk (chunks − 1). */
  readonly topChunkBits: number;
  /** Entries per table: 2^chunkBits. */
  readonly entries: number;
  /** Bits per table word: min(64, entries). */
  readonly wordWidth: number;
  /** Words per table: entries / wordWidth. */
  readonly wordsPerTable: number;
}

export function lookupLayout(bits: number): LookupLayout {
  const chunkBits = Math.min(CHUNK_BITS, bits);
  const chunks = Math.ceil(bits / chunkBits);
  const entries = 2 ** chunkBits;
  const wordWidth = Math.min(64, entries);
  return {
    bits,
    chunks,
    chunkBits,
    topChunkBits: bits - chunkBits * (chunks - 1),
    entries,
    wordWidth,
    wordsPerTable: entries / wordWidth,
  };
}

/**
 * Node counts at the start of each boolean AND layer: nodes pair up (2k+1 over 2k) while more than two
 * remain; an odd top node passes through. The last two nodes are combined by the final mixed round.
 */
export function treeLayers(chunks: number): number[] {
  const layers: number[] = [];
  for (let k = chunks; k > 2; k = Math.ceil(k / 2)) layers.push(k);
  return layers;
}
