// The public choices of the composite normalisers and the CrypTen max they rest on, against independent
// models: MPCViT's global binarisation (the top μ fraction of α, ⌊(1 − μ)·L·H⌋ heads left out), the
// evenly spread budget of softmax rows, CrypTen's log-reduction plan (int(math.log(k)) halvings), and on
// shares — CrypTen's max(dim) returns each row's exact maximum (ties, negative values, rows of one) under
// 2 and 3 parties, and weighted_index a one-hot at one of the row's 1s.
import fc from 'fast-check';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { ringTensor } from '../../core/ring.ts';
import { binarise } from '../../spec/attention/head-choice.ts';
import { softmaxRows } from '../../spec/attention/row-choice.ts';
import { logReductionPlan, productTreeLevels } from '../../spec/comparison/max-log-reduction.ts';
import { resolveConfig } from '../../spec/config.ts';
import { maxLogReduction } from '../../protocols/comparison/max-log-reduction.ts';
import { weightedIndex } from '../../protocols/comparison/weighted-index.ts';
import { arithmeticShares, run, signed, sumShares } from '../comparison/helpers.ts';

describe('MPCViT head binarisation', () => {
  it('keeps ⌊μ·L·H⌉ heads — exactly L·H − ⌊(1 − μ)·L·H⌋ — with the largest α', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (alphas, mu) => {
          const mask = binarise(alphas, mu);
          const kept = alphas.filter((_, i) => mask[i] === 1);
          const dropped = alphas.filter((_, i) => mask[i] === 0);
          expect(kept.length).toBe(alphas.length - Math.floor((1 - mu) * alphas.length));
          if (kept.length > 0 && dropped.length > 0)
            expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...dropped));
        },
      ),
    );
  });

  it('CIFAR vit_7_4_32: 28 heads, μ = 0.5 keeps 14; μ = 0 none; μ = 1 all', () => {
    const alphas = Array.from({ length: 28 }, (_, i) => Math.sin(i * 1.7));
    expect(binarise(alphas, 0.5).filter((m) => m === 1)).toHaveLength(14);
    expect(binarise(alphas, 0).filter((m) => m === 1)).toHaveLength(0);
    expect(binarise(alphas, 1).filter((m) => m === 1)).toHaveLength(28);
  });
});

describe('PriViT row budget', () => {
  it('takes b rows, spread so that any two consecutive softmax rows are ⌊R/b⌋ or ⌈R/b⌉ apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, frac) => {
          const b = Math.floor(frac * rows);
          const chosen = softmaxRows({ budget: b as t.Int }, rows);
          expect(chosen).toHaveLength(b);
          for (let k = 1; k < chosen.length; k++) {
            const gap = chosen[k]! - chosen[k - 1]!;
            expect(gap).toBeGreaterThanOrEqual(Math.floor(rows / b));
            expect(gap).toBeLessThanOrEqual(Math.ceil(rows / b));
          }
        },
      ),
    );
    expect(softmaxRows({ mask: [0, 1, 1, 0] }, 4)).toEqual([1, 2]);
  });
});

describe("CrypTen's max(dim) by log reduction", () => {
  it('halves int(math.log(k)) times, then multiplies the pairwise results by a halving tree', () => {
    expect(logReductionPlan(128)).toEqual({ halves: [64, 32, 16, 8], rest: 8 });
    expect(logReductionPlan(512)).toEqual({ halves: [256, 128, 64, 32, 16, 8], rest: 8 });
    expect(logReductionPlan(65)).toEqual({ halves: [32, 16, 8, 4], rest: 5 });
    expect(logReductionPlan(2)).toEqual({ halves: [], rest: 2 });
    expect(productTreeLevels(7)).toEqual([3, 2, 1]);
  });

  for (const parties of [2, 3])
    it(`gives each row's exact maximum on shares (${parties} parties)`, async () => {
      const config = resolveConfig('crypten', { parties });
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 23 }),
          fc.infiniteStream(fc.integer({ min: -4, max: 4 })),
          async (rows, k, draws) => {
            const it = draws[Symbol.iterator]();
            // Few distinct values, so rows have ties; scaled to fixed point.
            const values = Array.from({ length: rows * k }, () => BigInt(it.next().value * 65536));
            const shares = arithmeticShares(64, values, parties).map((s) =>
              ringTensor(64, [rows, k], s.data),
            );
            const out = await run(parties, (ctx, p) => maxLogReduction(ctx, config, shares[p]!));
            const got = sumShares(64, out.outputs).map((v) => signed(v, 64));
            for (let r = 0; r < rows; r++)
              expect(got[r]).toBe(values.slice(r * k, (r + 1) * k).reduce((a, b) => (b > a ? b : a)));
          },
        ),
        { numRuns: 8 },
      );
    });

  it('weighted_index puts a single 1 on one of the row’s 1s', async () => {
    const config = resolveConfig('crypten', { parties: 2 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.bigInt({ min: 0n, max: 1000n }),
        async (rows, seed) => {
          const bits = rows.map((r) => (r.some((b) => b) ? r : r.map((_, j) => j === 0)));
          const values = bits.flat().map((b) => (b ? 1n : 0n));
          const shares = arithmeticShares(64, values, 2).map((s) => ringTensor(64, [bits.length, 6], s.data));
          const out = await run(2, (ctx, p) => weightedIndex(ctx, config, shares[p]!), seed);
          const hot = sumShares(64, out.outputs);
          bits.forEach((row, r) => {
            const picked = hot.slice(r * 6, (r + 1) * 6);
            expect(picked.filter((v) => v === 1n)).toHaveLength(1);
            expect(picked.filter((v) => v !== 0n && v !== 1n)).toHaveLength(0);
            expect(row[picked.indexOf(1n)]).toBe(true);
          });
        },
      ),
      { numRuns: 10 },
    );
  });
});
