// The default schedule's dealer tables (runtime/material/lookup-tables.ts; docs/comparison.md), entry
// by entry, recombined from the parties' shares and checked against the definition written with
// BigInt on r: chunk j of r' = r mod 2^(ℓ−1) is bits [8j, 8j+8); lt[j][v] = [v < r_j] when msb(r) = 0,
// [v > r_j] (j ≥ 1) or [v ≥ r_0] when msb(r) = 1; eq[j][v] = [v = r_j]; entry v is bit v mod W of word
// ⌊v/W⌋. This is the layout a reimplementation must reproduce.
import { describe, expect, it } from 'vitest';
import { ringMask } from '../../core/ring.ts';
import { eqzTables, ltzTables } from '../../runtime/material/lookup-tables.ts';
import { lookupLayout, treeLayers } from '../../spec/comparison/lookup-layout.ts';
import { run, xorOf } from './helpers.ts';

const entry = (words: readonly bigint[], table: number, perTable: number, W: number, v: number): bigint =>
  (words[table * perTable + Math.floor(v / W)]! >> BigInt(v % W)) & 1n;

describe('lookup layout', () => {
  it('chunks, table words and tree layers for the ring widths of the cost table', () => {
    expect([8, 16, 32, 64].map((ell) => lookupLayout(ell - 1).chunks)).toEqual([1, 2, 4, 8]);
    expect(lookupLayout(63)).toMatchObject({
      chunkBits: 8,
      topChunkBits: 7,
      wordWidth: 64,
      wordsPerTable: 4,
    });
    expect(lookupLayout(3)).toMatchObject({
      chunks: 1,
      chunkBits: 3,
      entries: 8,
      wordWidth: 8,
      wordsPerTable: 1,
    });
    expect(treeLayers(8)).toEqual([8, 4]);
    expect(treeLayers(5)).toEqual([5, 3]);
    expect(treeLayers(2)).toEqual([]);
  });
});

describe('dealer tables', () => {
  for (const ell of [4, 8, 9, 12, 16, 33, 64]) {
    it(`ℓ = ${ell}: recombined tables match their definition`, async () => {
      const n = 6;
      const shape = [n];
      const res = await run(3, async (ctx) => ({
        lt: ltzTables(ctx, 'ltz', ell, shape),
        eq: eqzTables(ctx, 'eqz', ell, shape),
      }));
      const m = ringMask(ell);
      const sum = (k: 'lt' | 'eq') =>
        Array.from({ length: n }, (_, i) => res.outputs.reduce((a, o) => a + o[k].r.data[i]!, 0n) & m);
      // LTZ tables
      const L = lookupLayout(ell - 1);
      const ltWords = xorOf(res.outputs.map((o) => o.lt.lt));
      const eqWords = L.chunks > 1 ? xorOf(res.outputs.map((o) => o.lt.eq!)) : [];
      sum('lt').forEach((r, i) => {
        const msb = r >> BigInt(ell - 1);
        const low = r & ((1n << BigInt(ell - 1)) - 1n);
        for (let j = 0; j < L.chunks; j++) {
          const rj = Number((low >> BigInt(8 * j)) & 0xffn);
          for (let v = 0; v < L.entries; v++) {
            const want = msb === 0n ? v < rj : j === 0 ? v >= rj : v > rj;
            expect(entry(ltWords, i * L.chunks + j, L.wordsPerTable, L.wordWidth, v)).toBe(want ? 1n : 0n);
            if (j > 0)
              expect(entry(eqWords, i * (L.chunks - 1) + j - 1, L.wordsPerTable, L.wordWidth, v)).toBe(
                v === rj ? 1n : 0n,
              );
          }
        }
      });
      // Equality tables cover all ℓ bits.
      const E = lookupLayout(ell);
      const eqzWords = xorOf(res.outputs.map((o) => o.eq.eq));
      sum('eq').forEach((r, i) => {
        for (let j = 0; j < E.chunks; j++) {
          const rj = Number((r >> BigInt(8 * j)) & 0xffn);
          for (let v = 0; v < E.entries; v++)
            expect(entry(eqzWords, i * E.chunks + j, E.wordsPerTable, E.wordWidth, v)).toBe(
              v === rj ? 1n : 0n,
            );
        }
      });
    });
  }
});
