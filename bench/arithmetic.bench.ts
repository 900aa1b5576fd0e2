// Arithmetic speed (issue 2, "Speed"): 2 parties in one process, dealer preprocessing included, from
// shared inputs to shared outputs. Targets: mul ≥ 15 M elements/s at 10^6, matmul 256×256·256×256 in
// < 0.5 s, peak RSS < 1 GiB for the 10^6-element mul. Each is compared with the cleartext ring kernel
// of the same size (core/ring-ops.ts mul / matmul).
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { matmul, mul } from '../core/ring-ops.ts';
import { chachaWords, rootKey, deriveKey } from '../core/prg.ts';
import { runParties } from '../runtime/run.ts';
import { mulFixed } from '../protocols/arithmetic/mul.ts';
import { matmulFixed } from '../protocols/arithmetic/matmul.ts';
import { resolveConfig } from '../spec/config.ts';
import type { Shape } from '../core/shape.ts';
import { sizeOf } from '../core/shape.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

const random = (label: string, shape: Shape): RingTensor =>
  ringTensor(64, shape, chachaWords(deriveKey(rootKey(9n), label), sizeOf(shape)));

async function benchMul(profile: string, n: number): Promise<BenchRow> {
  const config = resolveConfig(profile);
  const shares = await benchInputs(() =>
    [0, 1].map((i) => ({ x: random(`x${i}`, [n]), y: random(`y${i}`, [n]) })),
  );
  const ms = await timeMedian(5, () =>
    runRecycled(() =>
      runParties({ parties: 2, seed: 1n }, (ctx, i) => mulFixed(ctx, config, shares[i]!.x, shares[i]!.y)),
    ),
  );
  const clear = await timeMedian(5, () => mul(shares[0]!.x, shares[0]!.y));
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const eps = (n / ms) * 1000;
  // The target is for 10^6 elements; the 10^5 row is for scale.
  const target =
    n === 1_000_000 ? { target: '≥ 15 M/s, < 1 GiB', met: eps >= 15e6 && peakRssMiB < 1024 } : {};
  return row(`mul ${profile} 2p`, n, ms, { ratioToCleartext: clear / ms, ...target, peakRssMiB });
}

async function benchMatmul(profile: string, d: number): Promise<BenchRow> {
  const config = resolveConfig(profile);
  const shares = await benchInputs(() =>
    [0, 1].map((i) => ({ x: random(`X${i}`, [d, d]), y: random(`Y${i}`, [d, d]) })),
  );
  const ms = await timeMedian(3, () =>
    runRecycled(() =>
      runParties({ parties: 2, seed: 1n }, (ctx, i) => matmulFixed(ctx, config, shares[i]!.x, shares[i]!.y)),
    ),
  );
  const clear = await timeMedian(3, () => matmul(shares[0]!.x, shares[0]!.y));
  return row(`matmul ${d}×${d}·${d}×${d} ${profile} 2p`, d * d, ms, {
    ratioToCleartext: clear / ms,
    target: '< 500 ms',
    met: ms < 500,
  });
}

const suite: BenchSuite = {
  name: 'arithmetic',
  async run() {
    return [
      await benchMul('crypten', 1_000_000),
      await benchMul('default', 1_000_000),
      await benchMul('crypten', 100_000),
      await benchMatmul('crypten', 256),
      await benchMatmul('default', 256),
    ];
  },
};
export default suite;
