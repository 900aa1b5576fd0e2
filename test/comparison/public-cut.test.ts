// Comparisons with public thresholds (spec/comparison/public-cut.ts): on every encoded input near a
// threshold that does not encode exactly (±1.95, 1.7·√2), under both roundings, the shares open to the
// float64 comparison with the real threshold — where subtracting enc(a), as CrypTen's `x < a` does,
// misplaces an input (enc(1.95)/2^16 = 1.949997 is not below 1.95); the crypten schedule compares in
// turn, the default one compares every threshold from one mask and one opening (one set of dealer tables
// per element, whatever the number of thresholds); a value opened alongside comes back opened, in that
// opening's message under default. Measured cost equals ltPublicCost in every field.
import { describe, expect, it } from 'vitest';
import { ltPublic, ltPublicAlongside } from '../../protocols/comparison/public-cut.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import { type PublicCut, cutUnits, ltPublicCost } from '../../spec/comparison/public-cut.ts';
import { resolveConfig } from '../../spec/config.ts';
import { LTZ_TABLES } from '../../spec/material.ts';
import { checkCost } from '../../harness/cost-check.ts';
import { arithmeticShares, run, sumShares } from './helpers.ts';

const CUTS: readonly PublicCut[] = [
  { at: -1.95 },
  { at: 1.95 },
  { at: 1.7 * Math.SQRT2 },
  { at: 3, inclusive: true },
  { at: -4 },
];

describe.each(['crypten', 'default'] as const)('%s', (profile) => {
  const config = resolveConfig(profile);
  const F = 2 ** config.f;

  it('the threshold integers split the grid where the real thresholds do', () => {
    for (const cut of CUTS) {
      const k = Number(cutUnits(config, cut));
      for (let X = Math.floor(cut.at * F) - 40; X <= Math.floor(cut.at * F) + 40; X++) {
        const ideal = cut.inclusive === true ? X / F <= cut.at : X / F < cut.at;
        expect(X < k, `${JSON.stringify(cut)} at X = ${X}`).toBe(ideal);
      }
    }
  });

  it('subtracting the encoded threshold instead misplaces an input at 1.95', () => {
    const a = 1.95;
    const enc = Number(encodedConstant(config, a));
    const misplaced = Array.from({ length: 80 }, (_, i) => Math.floor(a * F) - 40 + i).filter(
      (X) => X < enc !== X / F < a,
    );
    expect(misplaced.length).toBeGreaterThan(0);
    expect(misplaced.every((X) => X < Number(cutUnits(config, { at: a })) === X / F < a)).toBe(true);
  });

  it('on shares: the bits of every threshold, the value alongside opened, the cost as stated', async () => {
    const xs = [-4.5, -4, -1.95, -1.9499, 0, 1.949997, 2.4, 2.405, 3, 3.00002].map((v) =>
      BigInt(Math.round(v * F)),
    );
    const other = [7n, -3n, 11n].map((v) => v & ((1n << 64n) - 1n));
    const xShares = arithmeticShares(config.ell, xs, 2, 'cut-x');
    const oShares = arithmeticShares(config.ell, other, 2, 'cut-o');
    const r = await run(2, async (ctx, i) => {
      const plain = await ltPublic(ctx.scope('plain'), config, xShares[i]!, CUTS);
      const withIt = await ltPublicAlongside(ctx.scope('with'), config, xShares[i]!, CUTS, oShares[i]!);
      return { plain, withIt };
    });
    const outs = r.outputs;
    CUTS.forEach((cut, j) => {
      const expected = xs.map((X) => BigInt(Number(X) < Number(cutUnits(config, cut)) ? 1 : 0));
      expect(
        sumShares(
          config.ell,
          outs.map((o) => o.plain[j]!),
        ),
      ).toEqual(expected);
      expect(
        sumShares(
          config.ell,
          outs.map((o) => o.withIt.bits[j]!),
        ),
      ).toEqual(expected);
    });
    for (const o of outs) expect(Array.from(o.withIt.opened.data)).toEqual(other);
    const rounds = r.metrics.parties[0]!.rounds;
    const stated =
      ltPublicCost(config, xs.length, CUTS.length).rounds +
      ltPublicCost(config, xs.length, CUTS.length, other.length).rounds;
    expect(rounds).toBe(stated);
    expect(ltPublicCost(config, xs.length, CUTS.length, other.length).rounds).toBe(
      profile === 'crypten'
        ? ltPublicCost(config, xs.length, CUTS.length).rounds + 1
        : ltPublicCost(config, xs.length, CUTS.length).rounds,
    );
  });

  it('measured cost equals ltPublicCost in every field, for one threshold and for several', async () => {
    const n = 6;
    const xShares = arithmeticShares(config.ell, [-3n, 0n, 5n, 1n << 20n, -(1n << 20n), 2n], 2, 'cost-x');
    const oShares = arithmeticShares(config.ell, [1n, 2n], 2, 'cost-o');
    for (const cuts of [CUTS.slice(0, 1), CUTS]) {
      for (const alongside of [false, true]) {
        const r = await run(2, async (ctx, i) =>
          alongside
            ? (await ltPublicAlongside(ctx, config, xShares[i]!, cuts, oShares[i]!)).bits
            : ltPublic(ctx, config, xShares[i]!, cuts),
        );
        const stated = ltPublicCost(config, n, cuts.length, alongside ? 2 : 0);
        const check = checkCost(stated, r.metrics);
        expect(check.mismatches, `${cuts.length} threshold(s), alongside ${alongside}`).toEqual([]);
        // the default schedule's dealer tables: once per element, however many thresholds
        const tables = r.metrics.preprocessing[LTZ_TABLES] ?? 0;
        if (profile === 'default') expect(tables).toBe(n);
      }
    }
  });
});
