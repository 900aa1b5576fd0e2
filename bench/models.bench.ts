// Whole layers and models (issue 14, "Speed and memory"): 2 parties in one process, dealer included.
// The ring matmul row is a product of two shared operands at a BERT-base projection's shape
// ([128, 768]·[768, 768], 75.5 M multiply-adds): elements are multiply-adds, the target ≥ 1 G/s, and the
// ratio is to one cleartext 64-bit matmul of the same shape (core/ring-ops.ts matmul, the same kernel).
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { matmul } from '../core/ring-ops.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { type Shape, sizeOf } from '../core/shape.ts';
import { runParties } from '../runtime/run.ts';
import { matmulFixed } from '../protocols/arithmetic/matmul.ts';
import { resolveConfig } from '../spec/config.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

const random = (label: string, shape: Shape): RingTensor =>
  ringTensor(64, shape, chachaWords(deriveKey(rootKey(14n), label), sizeOf(shape)));

async function benchRingMatmul(m: number, k: number, n: number): Promise<BenchRow> {
  const config = resolveConfig('default');
  const shares = await benchInputs(() =>
    [0, 1].map((i) => ({ x: random(`X${i}`, [m, k]), y: random(`Y${i}`, [k, n]) })),
  );
  const ms = await timeMedian(5, () =>
    runRecycled(() =>
      runParties({ parties: 2, seed: 1n }, (ctx, i) => matmulFixed(ctx, config, shares[i]!.x, shares[i]!.y)),
    ),
  );
  const clear = await timeMedian(5, () => runRecycled(async () => matmul(shares[0]!.x, shares[0]!.y)));
  const madds = m * k * n;
  return row(`ring matmul shared×shared [${m},${k}]·[${k},${n}] default 2p (multiply-adds)`, madds, ms, {
    ratioToCleartext: clear / ms,
    target: '≥ 1 G/s',
    met: (madds / ms) * 1000 >= 1e9,
  });
}

const suite: BenchSuite = {
  name: 'models',
  async run() {
    return [await benchRingMatmul(128, 768, 768)];
  },
};
export default suite;
