// What a constant row gives (spec/layernorm/rows.ts; docs/layernorm.md "Constant rows"): σ² = 0, so the
// exact LayerNorm is β (0·1/√ε), and ε = 1e-5 encodes to 0 under CrypTen's encoding at f = 16. In fixed
// point nothing divides by zero: the inverse square root of σ² + ε is whatever its iteration returns
// there — Goldschmidt 1.5^t/√η, Newton about 6.75 (y₀ ≈ 2 times 1.5³), sqrt-then-reciprocal about
// 8·2¹⁰ (the reciprocal's Newton steps double from 3e) — and x − μ is 0 in the reference (the row sum
// n·c divides exactly). On two-party shares too: dividing each share of an exact multiple of n by n
// (toward zero, or floor and ceiling) loses nothing when the shares have opposite signs, and products
// of shares of 0 truncate to 0 — so the output is β exactly, whatever r is. With dealer truncation
// (three parties) the division may be off by its 2 ulps, and the output then by up to 2 ulps · r(0).
// So, for every method and both ε encodings, on constant rows of any value and width: the reference is
// β exactly; the two-party protocol is β exactly; the three-party one is within |x − μ|·r(0) of it —
// r(0) by the methods' real recurrences, not by the code under test. Constant rows are outside the
// spec's domain: the run reports them as such.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../core/fixed.ts';
import { executeCase } from '../../harness/execute.ts';
import { findProtocol } from '../../registry/index.ts';
import { divisionUlps } from '../../spec/arithmetic/truncation.ts';
import { resolveConfig } from '../../spec/config.ts';

const layernorm = findProtocol('layernorm');

/** CrypTen's exp by the limit (1 + x/256)^256, in float64. */
const expLimit = (x: number): number => (1 + x / 256) ** 256;

/** r at s ≈ 0 by each method's recurrence in real arithmetic (an upper envelope of the fixed-point value). */
const METHODS = [
  {
    name: 'goldschmidt t = 7, η = 16',
    invSqrt: { method: 'goldschmidt', t: 7, eta: 16 },
    rAtZero: 1.5 ** 7 / 4,
  },
  { name: 'goldschmidt t = 7, η = 1', invSqrt: { method: 'goldschmidt', t: 7, eta: 1 }, rAtZero: 1.5 ** 7 },
  {
    name: 'newton (inv_sqrt, 3 steps)',
    invSqrt: { method: 'newton', iterations: 3 },
    rAtZero: (2.2 * expLimit(-0.2) + 0.2) * 1.5 ** 3,
  },
  {
    name: 'sqrt then reciprocal',
    invSqrt: { method: 'sqrt-reciprocal', sqrtIterations: 3, reciprocalIterations: 10 },
    rAtZero: (3 * expLimit(1) + 0.003) * 2 ** 10,
  },
] as const;

const CONFIGS = [
  ['crypten', 2],
  ['default', 2],
  ['default', 3],
] as const;

/** The largest |z − β| seen per method with three parties. */
const worst: Record<string, number> = {};

describe('layernorm on constant rows (σ² = 0, ε encoded to 0 or to one ulp)', () => {
  afterAll(() => {
    // The division's error does reach the three-party output, through r(0): the bound is not met
    // vacuously.
    expect(worst['sqrt then reciprocal']).toBeGreaterThan(1000 * 2 ** -16);
  });

  for (const method of METHODS)
    for (const epsilonEncoding of ['as-profile', 'at-least-one-ulp'] as const)
      for (const [profile, parties] of CONFIGS) {
        const claim = parties === 2 ? '= β' : `within ${method.rAtZero.toPrecision(4)}·|x − μ| of β`;
        it(`${method.name}, ε ${epsilonEncoding}, ${profile}, ${parties} parties: reference = β, protocol ${claim}`, async () => {
          const bound = layernorm.bind({
            invSqrt: method.invSqrt,
            epsilon: 1e-5,
            epsilonEncoding,
            affine: 'public',
          });
          const config = resolveConfig(profile, { parties });
          const u = 2 ** -config.f;
          await fc.assert(
            fc.asyncProperty(
              fc.double({ min: -64, max: 64, noNaN: true }),
              fc.constantFrom(2, 5, 192, 768),
              fc.double({ min: -4, max: 4, noNaN: true }),
              fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
              async (c, n, b, seed) => {
                const x = encode(new Array(2 * n).fill(c), [2, n], config, 'x');
                const gamma = encode(new Array(n).fill(1), [n], config, 'gamma');
                const beta = encode(new Array(n).fill(b), [n], config, 'beta');
                const r = await executeCase({
                  protocol: bound,
                  config,
                  shapes: bound.shapesFor([2, n]),
                  inputs: { x, gamma, beta },
                  seed,
                  allowOutOfDomain: true,
                });
                expect(r.outOfDomain.length, 'a constant row is outside the domain').toBeGreaterThan(0);
                expect(r.ok).toBe(false);
                const o = r.outputs[0]!;
                const beta0 = decode(beta, config.f)[0]!;
                for (const v of decode(o.reference, config.f)) expect(v).toBe(beta0);
                // |x − μ| on shares is at most the division's ulps; the products floor a few ulps more.
                const allowed =
                  parties === 2 ? 0 : divisionUlps(config, n) * u * method.rAtZero * 1.01 + 6 * u;
                const off = Math.max(...o.decoded.map((v) => Math.abs(v - beta0)));
                expect(off).toBeLessThanOrEqual(allowed);
                if (parties === 3) worst[method.name] = Math.max(worst[method.name] ?? 0, off);
              },
            ),
            { numRuns: 6 },
          );
        });
      }
});
