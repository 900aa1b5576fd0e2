// Row machinery (core/rows.ts; protocols/rows/mul-by-row.ts): the local row operations against a plain
// BigInt model, and the row-broadcast Beaver product on shares — its result against x·r computed in the
// clear, its opening |x| + rows values (not 2|x|), and the one-line errors for rows of length 0 and
// per-row operands of the wrong shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromIntegers, ringMask, ringTensor } from '../../core/ring.ts';
import { broadcastRows, mulByRow, putRows, rowDims, rowSum, takeRows } from '../../core/rows.ts';
import { mulRawByRow } from '../../protocols/rows/mul-by-row.ts';
import { arithmeticShares, run, sumShares } from '../comparison/helpers.ts';

const ell = 64;
const m = ringMask(ell);

describe('row operations on clear values', () => {
  it('rowSum, broadcastRows, mulByRow, takeRows, putRows agree with a BigInt model', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.bigInt({ min: 0n, max: m }), { minLength: 36, maxLength: 36 }),
        (rows, n, words) => {
          const x = fromIntegers(ell, [rows, n], words.slice(0, rows * n));
          const per = fromIntegers(
            ell,
            [rows],
            words
              .slice(rows * n, rows * n + rows)
              .concat(Array(rows).fill(3n))
              .slice(0, rows),
          );
          const sums = rowSum(x);
          for (let r = 0; r < rows; r++) {
            let s = 0n;
            for (let j = 0; j < n; j++) s += x.data[r * n + j]!;
            expect(sums.data[r]).toBe(s & m);
            for (let j = 0; j < n; j++) {
              expect(broadcastRows(per, [rows, n]).data[r * n + j]).toBe(per.data[r]);
              expect(mulByRow(x, per).data[r * n + j]).toBe((x.data[r * n + j]! * per.data[r]!) & m);
            }
          }
          const picked = takeRows(x, [rows - 1, 0]);
          expect(Array.from(picked.data.subarray(0, n))).toEqual(
            Array.from(x.data.subarray((rows - 1) * n, rows * n)),
          );
          const back = putRows(x, [rows - 1, 0], picked);
          expect(Array.from(back.data)).toEqual(Array.from(x.data));
        },
      ),
    );
  });

  it('rowSum wraps modulo 2^ℓ in small rings and long rows alike', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 16, 32, 64),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 300 }),
        fc.bigInt({ min: 0n, max: m }),
        (bits, rows, n, seed) => {
          const mask = ringMask(bits);
          const words = Array.from(
            { length: rows * n },
            (_, k) => (seed * BigInt(2 * k + 1) + BigInt(k)) & mask,
          );
          const sums = rowSum(fromIntegers(bits, [rows, n], words));
          for (let r = 0; r < rows; r++)
            expect(sums.data[r]).toBe(words.slice(r * n, (r + 1) * n).reduce((a, b) => a + b, 0n) & mask);
        },
      ),
    );
  });

  it('a row of length 0 and a per-row operand of the wrong shape are one-line input errors', () => {
    expect(() => rowDims('softmax', 'x', [4, 0])).toThrow(
      /softmax: x of shape \[4, 0\] has rows of length 0/,
    );
    expect(() => rowDims('softmax', 'x', [])).toThrow(/has no axis/);
    const x = ringTensor(ell, [2, 3], new BigUint64Array(6));
    expect(() => mulByRow(x, ringTensor(ell, [3], new BigUint64Array(3)))).toThrow(
      /shape mismatch: per-row factor is \[3\] but x is \[2, 3\]; one value per row of x is \[2\] or \[2, 1\]/,
    );
    expect(mulByRow(x, ringTensor(ell, [2, 1], new BigUint64Array(2))).shape).toEqual([2, 3]);
  });
});

describe('row-broadcast Beaver product', () => {
  for (const parties of [2, 3]) {
    it(`${parties} parties: x·r per row, |x| + rows values opened in one round`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 7 }),
          fc.array(fc.bigInt({ min: 0n, max: m }), { minLength: 24, maxLength: 24 }),
          fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
          async (rows, n, words, seed) => {
            const xs = words.slice(0, rows * n);
            const rs = words
              .slice(21, 21 + rows)
              .concat([5n, 6n, 7n])
              .slice(0, rows);
            const xShares = arithmeticShares(ell, xs, parties, 'x');
            const rShares = arithmeticShares(ell, rs, parties, 'r');
            const result = await run(
              parties,
              (ctx, i) =>
                mulRawByRow(
                  ctx,
                  ringTensor(ell, [rows, n], xShares[i]!.data),
                  ringTensor(ell, [rows], rShares[i]!.data),
                ),
              seed,
            );
            const z = sumShares(ell, result.outputs);
            for (let r = 0; r < rows; r++)
              for (let j = 0; j < n; j++) expect(z[r * n + j]).toBe((xs[r * n + j]! * rs[r]!) & m);
            expect(result.metrics.rounds).toBe(1);
            for (const p of result.metrics.parties)
              expect(p.bitsSent).toBe((parties - 1) * (rows * n + rows) * ell);
          },
        ),
        { numRuns: 10 },
      );
    });
  }
});
