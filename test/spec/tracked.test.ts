// The tracked error model's truncation rule is sound when the protocol's value already differs from the
// reference's (spec/arithmetic/tracked.ts): for any reference R and protocol value P = R + D with
// |D| within the tracked d, and any deviation t the secure method may add, the truncated values differ
// by no more than the d the model derives. Before the rule counted the extra ulp by which the floors of
// two different values can differ, exp at 10^7 elements (default profile) broke its own bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorModel, truncBits } from '../../spec/arithmetic/tracked.ts';
import { resolveConfig } from '../../spec/config.ts';

const floorDiv = (v: bigint, k: number): bigint => {
  const d = 1n << BigInt(k);
  return v >= 0n ? v / d : -((-v + d - 1n) / d);
};

describe('tracked truncation', () => {
  for (const profile of ['default', 'crypten'] as const) {
    const config = resolveConfig(profile, { parties: 2 });
    const m = errorModel(config);
    it(`${profile}: |⌊P/2^k⌋ + t − ⌊R/2^k⌋| ≤ the derived d when |P − R| ≤ d`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 24 }),
          fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }),
          fc.bigInt({ min: 0n, max: 1n << 20n }),
          fc.boolean(),
          fc.integer({ min: -m.truncUlps, max: m.truncUlps }),
          (k, R, dUnits, up, t) => {
            const P = up ? R + dUnits : R - dUnits;
            const u = 2 ** -config.f;
            const out = truncBits(m, { v: Number(R) * u, e: 0, d: Number(dUnits) * u, w: 0 }, k);
            const actualUlps = Number(floorDiv(P, k) + BigInt(t) - floorDiv(R, k));
            expect(Math.abs(actualUlps) * u).toBeLessThanOrEqual(out.d * (1 + 1e-12));
          },
        ),
      );
    });
  }
});
