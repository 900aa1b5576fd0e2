// ReLU softmax on a row with no positive score (spec/attention/softmax-relu.ts): every numerator is
// exactly 0 and the denominator is ε — which at f = 16 encodes to 0 under CrypTen's truncating encoding
// (1e-5·2^16 = 0.66) and to one ulp when rounding to nearest — so the reciprocal runs outside its range;
// the spec says the row gives 0 all the same. For MPCViT's RSAttn (ε = 1e-5) and MPCFormer's 2ReLU
// (ε = 0), under both schedules, with 2 and 3 parties: rows of non-positive scores among ordinary ones
// come out as 0 within one truncation's ulps (the reference exactly 0), the ordinary rows within their
// bounds, and the case passes every check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode, decode } from '../../core/fixed.ts';
import { executeCase } from '../../harness/execute.ts';
import { failuresOf } from '../../harness/summary.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { encodedValue } from '../../spec/arithmetic/tracked.ts';

const PARAMS = [
  { epsilon: 1e-5, denominator: { method: 'newton', iterations: 10, signStep: false, eta: 0.25 } },
  { epsilon: 0, denominator: { method: 'newton', iterations: 10, signStep: true, eta: 0.25 } },
  { epsilon: 1e-5, denominator: { method: 'goldschmidt', t: 13, eta: 4.5 } },
];
const CONFIGS = [
  resolveConfig('crypten', { parties: 2 }),
  resolveConfig('default', { parties: 2 }),
  resolveConfig('default', { parties: 3 }),
];

it('1e-5 encodes to 0 under CrypTen’s encoding at f = 16, and to one ulp when rounding to nearest', () => {
  expect(encodedValue(CONFIGS[0]!, 1e-5)).toBe(0);
  expect(encodedValue(CONFIGS[1]!, 1e-5)).toBe(2 ** -16);
});

describe('softmax_relu: a row with no positive score gives 0', () => {
  for (const params of PARAMS)
    for (const config of CONFIGS)
      it(`${JSON.stringify(params)}, ${config.profile} ${config.parties} parties`, async () => {
        const protocol = findProtocol('softmax_relu').bind(params);
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 1, max: 9 }),
            fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
            fc.infiniteStream(fc.double({ min: -8, max: 0, noNaN: true })),
            fc.infiniteStream(fc.double({ min: 0.5, max: 4, noNaN: true })),
            fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
            async (n, empty, negatives, positives, seed) => {
              const values: number[] = [];
              const neg = negatives[Symbol.iterator]();
              const pos = positives[Symbol.iterator]();
              // An empty row: scores ≤ 0 (some exactly 0); an ordinary row: every score positive.
              for (const e of empty)
                for (let j = 0; j < n; j++)
                  values.push(e ? (j === 0 ? 0 : neg.next().value) : pos.next().value);
              const shape = [empty.length, n];
              const inputs = { x: encode(values, shape, config, 'x') };
              const result = await executeCase({ protocol, config, shapes: { x: shape }, inputs, seed });
              expect(failuresOf(result)).toEqual([]);
              const z = result.outputs[0]!;
              const ulps = result.bounds.implementationUlps;
              const out = decode(z.protocol, config.f);
              const ref = decode(z.reference, config.f);
              empty.forEach((e, r) => {
                if (!e) return;
                for (let j = 0; j < n; j++) {
                  expect(ref[r * n + j]).toBe(0);
                  expect(z.ideal[r * n + j]).toBe(0);
                  expect(Math.abs(out[r * n + j]!)).toBeLessThanOrEqual(ulps * 2 ** -config.f);
                }
              });
            },
          ),
          { numRuns: 6 },
        );
      });
});
