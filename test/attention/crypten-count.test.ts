// The crypten schedule counts what CrypTen 0.4 counts (issue 12 §3): its communicator's rounds and bytes
// for one party ((elements sent + received) × 8), measured by running CrypTen 0.4 itself — 2 parties as 2
// processes, verbose communicator, [12, 128, 128] Gaussian scores — and compared here with the spec's
// cost formulas and with a run of the protocol on the in-memory network:
//   softmax(-1)                               116 rounds, 292 626 432 bytes
//     of which max(dim, keepdim=True)          79 rounds, 263 356 416 bytes
//     exp(x − max)                              8 rounds,  25 165 824 bytes
//     reciprocal of the row sum (all positive) 28 rounds,     933 888 bytes
//     the broadcast product                     1 round,    3 170 304 bytes
//   2Quad as SecFormer codes it ((x + 5)·(x + 5), Goldschmidt with a·m and b·m one after the other,
//   deflated by a public η·N, the broadcast product): t = 7: 15 rounds, 10 100 736 bytes; t = 13: 27
//   rounds, 10 690 560 bytes.
import { describe, expect, it } from 'vitest';
import { sizeOf } from '../../core/shape.ts';
import { ringTensor } from '../../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import { checkCost } from '../../harness/cost-check.ts';
import { findProtocol } from '../../registry/index.ts';
import { runParties } from '../../runtime/run.ts';
import { resolveConfig } from '../../spec/config.ts';
import { cryptenCounterBytes, seq } from '../../spec/cost.ts';
import { expCost } from '../../spec/kernels/exp.ts';
import { reciprocalNrPosCost } from '../../spec/kernels/reciprocal-nr.ts';
import { maxLogReductionCost } from '../../spec/comparison/max-log-reduction.ts';
import { mulFixedByRowCost } from '../../spec/rows/cost.ts';
import type { Cost } from '../../spec/types.ts';

const SHAPE = [12, 128, 128];
const ROWS = 12 * 128;
const config = resolveConfig('crypten', { parties: 2 });
const counted = (c: Cost): number[] => [c.rounds, cryptenCounterBytes(c)];

describe("the crypten schedule against CrypTen 0.4's own counter at [12, 128, 128]", () => {
  it('softmax: 116 rounds and 292 626 432 bytes, phase by phase', () => {
    const cost = findProtocol('softmax').bind().cost(config, { x: SHAPE });
    expect(counted(cost)).toEqual([116, 292_626_432]);
    expect(counted(maxLogReductionCost(config, ROWS, 128))).toEqual([79, 263_356_416]);
    expect(counted(expCost(config, 8, ROWS * 128))).toEqual([8, 25_165_824]);
    expect(counted(reciprocalNrPosCost(config, 10, ROWS))).toEqual([28, 933_888]);
    expect(counted(mulFixedByRowCost(config, ROWS * 128, ROWS))).toEqual([1, 3_170_304]);
    expect(
      counted(
        seq(
          config,
          maxLogReductionCost(config, ROWS, 128),
          expCost(config, 8, ROWS * 128),
          reciprocalNrPosCost(config, 10, ROWS),
          mulFixedByRowCost(config, ROWS * 128, ROWS),
        ),
      ),
    ).toEqual([116, 292_626_432]);
  });

  it.each([
    [7, 15, 10_100_736],
    [13, 27, 10_690_560],
  ])('2Quad with SecFormer’s Goldschmidt, t = %i: %i rounds, %i bytes', (t, rounds, bytes) => {
    const p = { c: 5, denominator: { method: 'goldschmidt', t, eta: 100 } };
    expect(counted(findProtocol('softmax_2quad').bind(p).cost(config, { x: SHAPE }))).toEqual([
      rounds,
      bytes,
    ]);
  });

  it('a run of softmax on the in-memory network measures what the formula says', async () => {
    const protocol = findProtocol('softmax').bind();
    const shares = [0, 1].map((i) =>
      ringTensor(64, SHAPE, chachaWords(deriveKey(rootKey(12n), `scores/${i}`), sizeOf(SHAPE))),
    );
    // Shares of small scores: party 1 holds −r, party 0 holds x + r for x in [−2, 2).
    for (let k = 0; k < shares[0]!.data.length; k++) {
      const x = BigInt(Math.floor((k % 4096) * 64) - 131072);
      shares[1]!.data[k] = -shares[0]!.data[k]! & ((1n << 64n) - 1n);
      shares[0]!.data[k] = (shares[0]!.data[k]! + x) & ((1n << 64n) - 1n);
    }
    const run = await runParties({ parties: 2, seed: 5n }, (ctx, p) =>
      protocol.run(ctx, config, { x: SHAPE }, { x: shares[p]! }),
    );
    const check = checkCost(protocol.cost(config, { x: SHAPE }), run.metrics);
    expect(check.mismatches).toEqual([]);
    expect(run.metrics.rounds).toBe(116);
    expect(run.metrics.parties.map((q) => (q.bitsSent + q.bitsReceived) / 8)).toEqual([
      292_626_432, 292_626_432,
    ]);
  }, 120_000);
});
