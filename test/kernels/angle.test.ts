// The secure sine's angle arithmetic (spec/kernels/angle.ts): the fast fraction of a power-of-two period
// (read from the words' halves) is the BigInt reduction, element for element; the harmonics by the
// angle-addition recurrence encode to within the rounding's ε (+ float64 noise far below an ulp) of the
// exact sines, and the `sin` kernel's directly evaluated frequencies are unchanged by the recurrence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../spec/config.ts';
import {
  angleFractions,
  encodeFrequenciesInto,
  encodeHarmonicsWords,
  periodFraction,
} from '../../spec/kernels/angle.ts';

describe('angleFractions', () => {
  it.each([
    [64, 2 ** 5],
    [64, 2 ** 21],
    [64, 2 ** 32],
    [64, 2 ** 33],
    [64, 2 ** 53],
    [40, 2 ** 36],
  ])('ℓ %i, M = %i: the fast path equals the BigInt reduction', (ell, M) => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: (1n << BigInt(ell)) - 1n }), { minLength: 1, maxLength: 64 }),
        (ws) => {
          const words = BigUint64Array.from(ws);
          const fast = angleFractions({ periodUnits: M, mask: { kind: 'ring' } }, ell, words);
          ws.forEach((w, i) => {
            expect(fast[i]).toBe(periodFraction(BigInt.asIntN(ell, w), M));
            expect(fast[i]).toBe(Number(w % BigInt(M)) / M); // exact: M divides 2^ℓ
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('encoded harmonics', () => {
  it.each(['crypten', 'default'] as const)('%s: within ε of the exact weighted sines, k = 1…7', (profile) => {
    const config = resolveConfig(profile);
    const eps = profile === 'crypten' ? 1 : 0.5;
    const weights = [1.2577, -0.0299, 0.3822, -0.0519, 0.196, -0.0625, 0.1181];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: 1,
          maxLength: 8,
        }),
        (phis) => {
          const n = phis.length;
          const s = new BigUint64Array(7 * n);
          const c = new BigUint64Array(7 * n);
          encodeHarmonicsWords(config, Float64Array.from(phis), 7, weights, s, c);
          const F = 2 ** config.f;
          phis.forEach((phi, i) => {
            for (let k = 1; k <= 7; k++) {
              const got = (x: BigUint64Array): number => Number(BigInt.asIntN(64, x[(k - 1) * n + i]!));
              const w = weights[k - 1]!;
              expect(Math.abs(got(s) - w * Math.sin(2 * Math.PI * k * phi) * F)).toBeLessThan(eps + 1e-6);
              expect(Math.abs(got(c) - w * Math.cos(2 * Math.PI * k * phi) * F)).toBeLessThan(eps + 1e-6);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the sin kernel’s frequencies are evaluated each on its own', () => {
    const config = resolveConfig('crypten');
    const s = new Float64Array(2);
    const c = new Float64Array(2);
    encodeFrequenciesInto(config, 0.3, [1, 8], s, c, 0);
    const F = 2 ** 16;
    expect(s[1]).toBe(Math.trunc(Math.sin(2 * Math.PI * ((8 * 0.3) % 1)) * F));
    expect(c[0]).toBe(Math.trunc(Math.cos(2 * Math.PI * 0.3) * F));
  });
});
