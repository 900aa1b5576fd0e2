// Division by a public integer (protocols/arithmetic/divide.ts; spec/arithmetic/truncation.ts): under
// each truncation method, on shares of values from the whole range the methods are meant for
// (|x| < 2^(ℓ−2)), the opened quotient lies within the method's ulps of ⌊x/d⌋ — computed here with
// BigInt floor division, not by the code under test — except for a local method's rare share wrap,
// which the spec counts separately (and which must then be at least 2^(ℓ/2) off). The cost is the
// truncation's: nothing for the local methods, one round and a trunc-pair per element with the dealer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ringMask, ringTensor } from '../../core/ring.ts';
import { divInt } from '../../protocols/arithmetic/divide.ts';
import { divIntFloor } from '../../core/shift.ts';
import { resolveConfig } from '../../spec/config.ts';
import { divisionUlps } from '../../spec/arithmetic/truncation.ts';
import { arithmeticShares, run, sumShares } from '../comparison/helpers.ts';

const ell = 64;
const m = ringMask(ell);
const signed = (v: bigint): bigint => BigInt.asIntN(ell, v);
/** ⌊a/d⌋ for signed BigInts (BigInt division rounds toward zero). */
const floorDiv = (a: bigint, d: bigint): bigint => (a >= 0n ? a / d : -((-a + d - 1n) / d));

const configs = [
  resolveConfig('crypten', { parties: 2 }),
  resolveConfig('default', { parties: 2 }),
  resolveConfig('default', { parties: 3 }),
];

describe('divInt: division of shares by a public integer', () => {
  for (const config of configs) {
    it(`${config.truncation} (${config.parties} parties): within ${config.truncation === 'dealer' ? '1–2' : divisionUlps(config, 3)} ulps of ⌊x/d⌋`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.bigInt({ min: -(1n << 61n), max: (1n << 61n) - 1n }), { minLength: 1, maxLength: 12 }),
          fc.constantFrom(3, 7, 192, 768, 197, 1024, 768 * 65536),
          fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
          async (xs, d, seed) => {
            const shares = arithmeticShares(ell, xs, config.parties, 'div');
            const result = await run(
              config.parties,
              (ctx, i) => divInt(ctx.scope('mean'), config, ringTensor(ell, [xs.length], shares[i]!.data), d),
              seed,
            );
            const z = sumShares(ell, result.outputs);
            const ulps = BigInt(divisionUlps(config, d));
            let wraps = 0;
            xs.forEach((x, i) => {
              const off = signed(z[i]! - floorDiv(x, BigInt(d)));
              if (off >= -ulps && off <= ulps) return;
              // A local method's share wrap is off by about 2^ℓ/d: garbage, and far from the quotient.
              expect(config.truncation, `x = ${x}, d = ${d}: off by ${off}`).not.toBe('dealer');
              expect(off < 0n ? -off : off).toBeGreaterThanOrEqual(1n << 32n);
              wraps += 1;
            });
            // |x| < 2^61 wraps with probability < 1/4 per element; more than half is not a wrap.
            expect(wraps).toBeLessThanOrEqual(Math.max(1, xs.length / 2));
            expect(result.metrics.rounds).toBe(config.truncation === 'dealer' ? 1 : 0);
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it('the dealer method with a divisor that is not a power of two errs by up to 2 ulps, and needs them', async () => {
    // The dropped fractions of ⌊2^(ℓ−1)/d⌋ and ⌊2^(ℓ−2)/d⌋ (spec/arithmetic/truncation.ts): over many
    // values, some quotient is off by 2; with d a power of two never by more than 1.
    const config = resolveConfig('default', { parties: 3 });
    const xs = Array.from({ length: 400 }, (_, i) => BigInt(i * 7919 - 1_000_000) * 123457n);
    const worst = async (d: number): Promise<bigint> => {
      const shares = arithmeticShares(ell, xs, 3, `div${d}`);
      const result = await run(
        3,
        (ctx, i) => divInt(ctx, config, ringTensor(ell, [xs.length], shares[i]!.data), d),
        5n,
      );
      const z = sumShares(ell, result.outputs);
      return xs.reduce((w, x, i) => {
        const off = signed(z[i]! - floorDiv(x, BigInt(d)));
        const a = off < 0n ? -off : off;
        return a > w ? a : w;
      }, 0n);
    };
    expect(await worst(768)).toBe(2n);
    expect(await worst(1024)).toBeLessThanOrEqual(1n);
  });

  it('the clear floor division agrees with BigInt floor division (and refuses a divisor out of range)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 62n), max: (1n << 62n) - 1n }),
        fc.bigInt({ min: 1n, max: 1n << 40n }),
        (x, d) => {
          const t = ringTensor(ell, [1], BigUint64Array.of(x & m));
          expect(signed(divIntFloor(t, d).data[0]!)).toBe(floorDiv(x, d));
        },
      ),
    );
    const t = ringTensor(ell, [1], BigUint64Array.of(5n));
    expect(() => divIntFloor(t, 0n)).toThrow(/divisor 0 must be an integer in \[1, 2\^63\)/);
  });
});
