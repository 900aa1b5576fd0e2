// The steps LayerNorm adds to the vocabularies: the per-feature Beaver product on shares (against x·g
// computed in the clear; |x| + n values opened in one round, not 2|x|), the per-feature helpers' shape
// errors, and ε as it is added (0 under CrypTen's encoding for 1e-5 at f = 16, one ulp when asked).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ringMask, ringTensor } from '../../core/ring.ts';
import { broadcastFeatures, mulByFeature } from '../../core/rows.ts';
import { mulRawByFeature } from '../../protocols/rows/mul-by-feature.ts';
import { resolveConfig } from '../../spec/config.ts';
import { epsilonAdded } from '../../spec/layernorm/params.ts';
import { layerNormSpec } from '../../spec/layernorm/layernorm.ts';
import { arithmeticShares, run, sumShares } from '../comparison/helpers.ts';

const ell = 64;
const m = ringMask(ell);

describe('per-feature Beaver product', () => {
  for (const parties of [2, 3]) {
    it(`${parties} parties: x·g per feature, |x| + n values opened in one round`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 7 }),
          fc.array(fc.bigInt({ min: 0n, max: m }), { minLength: 28, maxLength: 28 }),
          fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
          async (rows, n, words, seed) => {
            const xs = words.slice(0, rows * n);
            const gs = words.slice(21, 21 + n);
            const xShares = arithmeticShares(ell, xs, parties, 'x');
            const gShares = arithmeticShares(ell, gs, parties, 'g');
            const result = await run(
              parties,
              (ctx, i) =>
                mulRawByFeature(
                  ctx,
                  ringTensor(ell, [rows, n], xShares[i]!.data),
                  ringTensor(ell, [n], gShares[i]!.data),
                ),
              seed,
            );
            const z = sumShares(ell, result.outputs);
            for (let r = 0; r < rows; r++)
              for (let j = 0; j < n; j++) expect(z[r * n + j]).toBe((xs[r * n + j]! * gs[j]!) & m);
            expect(result.metrics.rounds).toBe(1);
            for (const p of result.metrics.parties)
              expect(p.bitsSent).toBe((parties - 1) * (rows * n + n) * ell);
          },
        ),
        { numRuns: 10 },
      );
    });
  }

  it('a per-feature operand of the wrong shape is a one-line input error', () => {
    const x = ringTensor(ell, [2, 3], new BigUint64Array(6));
    expect(() => mulByFeature(x, ringTensor(ell, [2], new BigUint64Array(2)))).toThrow(
      /mulByFeature: shape mismatch: the per-feature factor is \[2\] but x is \[2, 3\]; one value per feature is \[3\]/,
    );
    expect(() => broadcastFeatures(ringTensor(ell, [4], new BigUint64Array(4)), [2, 3])).toThrow(
      /broadcastFeatures: shape mismatch/,
    );
  });
});

describe('ε as LayerNorm adds it', () => {
  const p = (epsilon: number, epsilonEncoding: 'as-profile' | 'at-least-one-ulp') => ({
    ...layerNormSpec.defaults,
    epsilon,
    epsilonEncoding,
  });
  it('1e-5, 1e-6 and 1e-12 encode to 0 under CrypTen (toward zero, f = 16); 1e-5 rounds to one ulp to nearest', () => {
    const crypten = resolveConfig('crypten');
    const nearest = resolveConfig('default');
    for (const e of [1e-5, 1e-6, 1e-12]) expect(epsilonAdded(crypten, p(e, 'as-profile'))).toBe(0);
    expect(epsilonAdded(nearest, p(1e-5, 'as-profile'))).toBe(2 ** -16);
    for (const e of [1e-6, 1e-12]) expect(epsilonAdded(nearest, p(e, 'as-profile'))).toBe(0);
  });
  it('at-least-one-ulp raises an ε that would encode to 0 to 2^−f, and leaves 0 and larger ones alone', () => {
    const crypten = resolveConfig('crypten');
    expect(epsilonAdded(crypten, p(1e-12, 'at-least-one-ulp'))).toBe(2 ** -16);
    expect(epsilonAdded(resolveConfig('spu'), p(1e-12, 'at-least-one-ulp'))).toBe(2 ** -18);
    expect(epsilonAdded(crypten, p(0, 'at-least-one-ulp'))).toBe(0);
    expect(epsilonAdded(crypten, p(0.01, 'at-least-one-ulp'))).toBe(655 / 65536);
  });
});
