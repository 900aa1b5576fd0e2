// The kernels' fused square (protocols/kernels/fused-square.ts) is an optimisation only: under the
// crypten profile it must give every party exactly the shares secureSquare gives, from the same seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ringTensor } from '../../core/ring.ts';
import { secureSquare } from '../../protocols/arithmetic/square.ts';
import { squareFused } from '../../protocols/kernels/fused-square.ts';
import { runParties } from '../../runtime/run.ts';
import { resolveConfig } from '../../spec/config.ts';

describe('squareFused', () => {
  it('equals secureSquare share for share (crypten, 2 parties)', async () => {
    const config = resolveConfig('crypten');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
            fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.bigInt({ min: 0n, max: 1000n }),
        async (pairs, seed) => {
          const shares = [0, 1].map((j) =>
            ringTensor(
              64,
              [pairs.length],
              BigUint64Array.from(pairs, (p) => p[j]!),
            ),
          );
          const run = (fn: typeof secureSquare) =>
            runParties({ parties: 2, seed }, (ctx, i) => fn(ctx.scope('sq'), config, shares[i]!));
          const [a, b] = [await run(squareFused), await run(secureSquare)];
          expect(a.outputs.map((o) => [...o.data])).toEqual(b.outputs.map((o) => [...o.data]));
          expect(a.metrics).toEqual(b.metrics);
        },
      ),
    );
  });
});
