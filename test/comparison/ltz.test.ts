// LTZ (issue 3 §2–§5): exact on the whole ring for every ℓ in 4…64 under both schedules, on the ring's
// boundary values and random ones, with 2 and 3 parties; a fast-check property over ℓ, values and seeds;
// and the contract other engineers rely on (output shares are 0/1 in Z_2^ℓ, labels scoped per call).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ringTensor } from '../../core/ring.ts';
import { ltz } from '../../protocols/comparison/ltz.ts';
import { resolveConfig } from '../../spec/config.ts';
import { ltzCost } from '../../spec/comparison/cost.ts';
import { arithmeticShares, randomValues, ringEdgeValues, run, signed, sumShares } from './helpers.ts';

const PROFILES = ['crypten', 'default'] as const;
const ALL_WIDTHS = Array.from({ length: 61 }, (_, i) => i + 4);
const isNegative = (v: bigint, ell: number): bigint => (signed(v, ell) < 0n ? 1n : 0n);

describe('ltz', () => {
  for (const profile of PROFILES) {
    it(`${profile}: [x < 0] exactly for every ℓ in 4…64 (boundary and random values, 2 parties)`, async () => {
      for (const ell of ALL_WIDTHS) {
        const config = resolveConfig(profile, { ell });
        const values = [...ringEdgeValues(ell), ...randomValues(ell, 12, 'ltz')];
        const shares = arithmeticShares(ell, values, 2);
        const res = await run(2, (ctx, p) => ltz(ctx, config, shares[p]!));
        expect(sumShares(ell, res.outputs), `ℓ = ${ell}`).toEqual(values.map((v) => isNegative(v, ell)));
        const spec = ltzCost(config, values.length);
        expect(res.metrics.rounds, `ℓ = ${ell}`).toBe(spec.rounds);
        expect(
          res.metrics.parties.map((m) => m.bitsSent),
          `ℓ = ${ell}`,
        ).toEqual(spec.bitsSent);
      }
    });

    it(`${profile}: 3 parties on a sample of ring widths`, async () => {
      for (const ell of [4, 5, 8, 9, 10, 17, 31, 33, 63, 64]) {
        const config = resolveConfig(profile, { ell, parties: 3 });
        const values = [...ringEdgeValues(ell), ...randomValues(ell, 6, 'ltz3')];
        const shares = arithmeticShares(ell, values, 3);
        const res = await run(3, (ctx, p) => ltz(ctx, config, shares[p]!));
        expect(sumShares(ell, res.outputs), `ℓ = ${ell}`).toEqual(values.map((v) => isNegative(v, ell)));
      }
    });
  }

  it('property: any ℓ, any values, any seed, either schedule', async () => {
    const arb = fc.integer({ min: 4, max: 64 }).chain((ell) =>
      fc.record({
        ell: fc.constant(ell),
        profile: fc.constantFrom(...PROFILES),
        parties: fc.integer({ min: 2, max: 3 }),
        values: fc.array(fc.bigInt({ min: 0n, max: (1n << BigInt(ell)) - 1n }), {
          minLength: 1,
          maxLength: 8,
        }),
        seed: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ ell, profile, parties, values, seed }) => {
        const config = resolveConfig(profile, { ell, parties });
        const shares = arithmeticShares(ell, values, parties, `p${seed}`);
        const res = await run(parties, (ctx, p) => ltz(ctx, config, shares[p]!), seed);
        expect(sumShares(ell, res.outputs)).toEqual(values.map((v) => isNegative(v, ell)));
      }),
    );
  });

  it('callers compare twice under two scopes; the same scope twice is refused (a reused label)', async () => {
    const config = resolveConfig('default', { ell: 16 });
    const shares = arithmeticShares(16, [5n, 0xfff0n], 2);
    const twice = await run(2, async (ctx, p) => [
      await ltz(ctx.scope('cmp0'), config, shares[p]!),
      await ltz(ctx.scope('cmp1'), config, shares[p]!),
    ]);
    expect(
      sumShares(
        16,
        twice.outputs.map((o) => o[1]!),
      ),
    ).toEqual([0n, 1n]);
    await expect(
      run(2, async (ctx, p) => [await ltz(ctx, config, shares[p]!), await ltz(ctx, config, shares[p]!)]),
    ).rejects.toThrow(/ltz\/tables/);
  });

  it('rejects a tensor of another ring, naming operand and shape', async () => {
    const config = resolveConfig('crypten', { ell: 32 });
    const x = ringTensor(16, [3], new BigUint64Array(3));
    await expect(run(2, (ctx) => ltz(ctx, config, x))).rejects.toThrow(
      /ltz: operand x is a Z_2\^16 tensor of shape \[3\] but the run uses ℓ = 32/,
    );
  });
});
