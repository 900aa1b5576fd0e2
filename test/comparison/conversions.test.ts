// A2B and B2A (issue 3 §2) for every ℓ from 4 to 64: A2B reconstructs (by XOR) to the two's-complement
// word of the arithmetic value, with 2 and 3 parties; B2A of a bit reconstructs (by sum) to the bit and
// opens an ℓ-bit word under crypten, one bit under default. Sklansky masks equal CrypTen's constants.
import { describe, expect, it } from 'vitest';
import type { BitTensor } from '../../core/bits.ts';
import { ringMask } from '../../core/ring.ts';
import { a2b } from '../../protocols/comparison/a2b.ts';
import { b2a } from '../../protocols/comparison/b2a.ts';
import { sklanskyLevels } from '../../protocols/comparison/sklansky.ts';
import { resolveConfig } from '../../spec/config.ts';
import { a2bCost } from '../../spec/comparison/cost.ts';
import {
  arithmeticShares,
  randomValues,
  ringEdgeValues,
  run,
  sumShares,
  xorOf,
  xorShares,
} from './helpers.ts';

const ALL_WIDTHS = Array.from({ length: 61 }, (_, i) => i + 4);

describe('A2B (CrypTen adder tree)', () => {
  it('reconstructs to the ℓ-bit word of x for every ℓ in 4…64 (2 parties, edges and random values)', async () => {
    for (const ell of ALL_WIDTHS) {
      const config = resolveConfig('crypten', { ell });
      const values = [...ringEdgeValues(ell), ...randomValues(ell, 8, 'a2b')];
      const shares = arithmeticShares(ell, values, 2);
      const res = await run(2, (ctx, p) => a2b(ctx, config, shares[p]!));
      expect(xorOf(res.outputs), `ℓ = ${ell}`).toEqual(values);
      expect(res.metrics.rounds, `ℓ = ${ell}`).toBe(a2bCost(config, values.length).rounds);
    }
  });

  it('sums 3, 4 and 5 operands with CrypTen’s log reduction', async () => {
    for (const parties of [3, 4, 5]) {
      for (const ell of [4, 13, 64]) {
        const config = resolveConfig('crypten', { ell, parties });
        const values = [...ringEdgeValues(ell), ...randomValues(ell, 4, `a2b${parties}`)];
        const shares = arithmeticShares(ell, values, parties);
        const res = await run(parties, (ctx, p) => a2b(ctx, config, shares[p]!));
        expect(xorOf(res.outputs), `n = ${parties}, ℓ = ${ell}`).toEqual(values);
        const spec = a2bCost(config, values.length);
        expect(res.metrics.rounds).toBe(spec.rounds);
        expect(res.metrics.parties.map((m) => m.bitsSent)).toEqual(spec.bitsSent);
      }
    }
  });

  it('the Sklansky masks at ℓ = 64 are CrypTen’s __MASKS and __OUT_MASKS', () => {
    const cryptenMasks = [
      6148914691236517205n,
      2459565876494606882n,
      578721382704613384n,
      36029346783166592n,
      140737488388096n,
      2147483648n,
    ];
    const levels = sklanskyLevels(64);
    expect(levels.map((l) => l.inMask)).toEqual(cryptenMasks);
    // CrypTen: __MULTIPLIERS[i] = (1 << (2**i + 1)) - 2 and __OUT_MASKS = __MASKS * __MULTIPLIERS (int64).
    levels.forEach((l, i) => {
      const mult = (1n << BigInt(2 ** i + 1)) - 2n;
      expect(l.multiplier).toBe(mult);
      expect(l.outMask).toBe((cryptenMasks[i]! * mult) & ringMask(64));
    });
  });
});

describe('B2A of single bits (daBit)', () => {
  for (const profile of ['crypten', 'default'] as const) {
    it(`${profile}: reconstructs to the bit for every ℓ, opening ${profile === 'crypten' ? 'an ℓ-bit word' : 'one bit'}`, async () => {
      for (const ell of ALL_WIDTHS) {
        for (const parties of [2, 3]) {
          const config = resolveConfig(profile, { ell, parties });
          const bits = [0n, 1n, 1n, 0n, 1n];
          // Words with junk above bit 0: b2a converts bit 0 (CrypTen's `b & 1`).
          const words = bits.map((b, i) => b | (BigInt(i) << 1n));
          const shares = xorShares(8, words, parties);
          const res = await run(parties, (ctx, p) => b2a(ctx, config, shares[p]!));
          expect(sumShares(ell, res.outputs), `ℓ = ${ell}`).toEqual(bits);
          const width = profile === 'crypten' ? ell : 1;
          for (const m of res.metrics.parties) expect(m.bitsSent).toBe((parties - 1) * bits.length * width);
        }
      }
    });
  }

  it('rejects an arithmetic tensor where a boolean one is expected', async () => {
    const config = resolveConfig('default', { ell: 16 });
    const [x] = arithmeticShares(16, [1n], 2);
    await expect(run(2, (ctx) => b2a(ctx, config, x as unknown as BitTensor))).rejects.toThrow(
      /b2a: operand b must be a boolean \(XOR-shared\) tensor, got an arithmetic Z_2\^16 tensor of shape \[1\]/,
    );
  });
});
