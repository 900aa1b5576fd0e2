// Boolean sharing protocols (issue 3 §1): AND with boolean Beaver triples, reconstruction to all and to
// one party, local XOR / NOT / shifts / public constants on XOR shares — each against BigInt on the
// reconstructed words, with 2 and 3 parties, and the cost of one AND (1 round, 2 words per gate word).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { andShares } from '../../protocols/comparison/boolean/and.ts';
import {
  andPublic,
  notShare,
  shiftLeftShare,
  shiftRightShare,
  xorPublic,
} from '../../protocols/comparison/boolean/local.ts';
import { openBitsTo, openBitsToAll } from '../../runtime/comm.ts';
import { AND_TRIPLE } from '../../spec/material.ts';
import { run, xorOf, xorShares } from './helpers.ts';

const case_ = fc.record({
  parties: fc.integer({ min: 2, max: 3 }),
  width: fc.integer({ min: 1, max: 64 }),
  seed: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  n: fc.integer({ min: 1, max: 6 }),
});

describe('boolean sharing', () => {
  it('and(x, y) reconstructs to x ∧ y, in one round of 2·n·width bits to each other party', async () => {
    await fc.assert(
      fc.asyncProperty(case_, async ({ parties, width, seed, n }) => {
        const low = (1n << BigInt(width)) - 1n;
        const xs = Array.from({ length: n }, (_, i) => (BigInt(i + 1) * 0x9e3779b97f4a7c15n + seed) & low);
        const ys = Array.from({ length: n }, (_, i) => ((BigInt(i + 7) * 0xc2b2ae3d27d4eb4fn) ^ seed) & low);
        const X = xorShares(width, xs, parties, 'x');
        const Y = xorShares(width, ys, parties, 'y');
        const res = await run(parties, (ctx, p) => andShares(ctx.scope('and'), X[p]!, Y[p]!), seed);
        expect(xorOf(res.outputs)).toEqual(xs.map((x, i) => x & ys[i]!));
        expect(res.metrics.rounds).toBe(1);
        for (const m of res.metrics.parties) expect(m.bitsSent).toBe((parties - 1) * 2 * n * width);
        expect(res.metrics.preprocessing).toEqual({ [AND_TRIPLE]: n * width });
      }),
    );
  });

  it('local operations act on the shared value; reconstruction to all and to one', async () => {
    const width = 12;
    const values = [0n, 1n, 0xfffn, 0xa5an, 0x800n];
    for (const parties of [2, 3]) {
      const shares = xorShares(width, values, parties);
      const res = await run(parties, async (ctx, p) => {
        const s = shares[p]!;
        return {
          not: notShare(ctx, s),
          xorC: xorPublic(ctx, s, 0x0f0n),
          andC: andPublic(s, 0x0ffn),
          shl: shiftLeftShare(s, 3),
          shr: shiftRightShare(s, 5),
          all: await openBitsToAll(ctx, 'all', s),
          one: await openBitsTo(ctx, 1, 'one', s),
        };
      });
      const pick = (k: 'not' | 'xorC' | 'andC' | 'shl' | 'shr') => xorOf(res.outputs.map((o) => o[k]));
      expect(pick('not')).toEqual(values.map((v) => v ^ 0xfffn));
      expect(pick('xorC')).toEqual(values.map((v) => v ^ 0x0f0n));
      expect(pick('andC')).toEqual(values.map((v) => v & 0x0ffn));
      expect(pick('shl')).toEqual(values.map((v) => (v << 3n) & 0xfffn));
      expect(pick('shr')).toEqual(values.map((v) => v >> 5n));
      for (const o of res.outputs) expect(Array.from(o.all.data)).toEqual(values);
      res.outputs.forEach((o, p) =>
        p === 1 ? expect(Array.from(o.one!.data)).toEqual(values) : expect(o.one).toBeUndefined(),
      );
    }
  });

  it('and rejects operands of different widths or shapes, naming them', async () => {
    const [x] = xorShares(8, [1n, 2n], 2);
    const [y] = xorShares(4, [1n, 2n], 2);
    const [z] = xorShares(8, [1n], 2);
    await expect(run(2, (ctx) => andShares(ctx, x!, y!))).rejects.toThrow(
      /and: bit width mismatch: x has 8 bits, y has 4/,
    );
    await expect(run(2, (ctx) => andShares(ctx, x!, z!))).rejects.toThrow(
      /and: shape mismatch: x is \[2\] but y is \[1\]/,
    );
  });
});
