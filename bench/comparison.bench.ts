// Comparison speed (issue 3, "Speed"): 2 parties in one process, dealer preprocessing included, from
// shared inputs to shared outputs, 10^5 elements. Targets under the crypten profile: ltz ≥ 1.5 M
// elements/s, relu ≥ 1.2 M/s (CrypTen 0.4 measured 0.47 M/s for lt at 10^5 on this kind of machine).
// The default schedule is reported without a target. Each row is compared with a cleartext comparison
// loop of the same size (the sign bit of every element, reference/comparison/clear.ts).
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { runParties } from '../runtime/run.ts';
import type { PartyContext } from '../runtime/context.ts';
import { ltz } from '../protocols/comparison/ltz.ts';
import { relu } from '../protocols/comparison/relu.ts';
import { max } from '../protocols/comparison/reduce.ts';
import { eq } from '../protocols/comparison/eq.ts';
import { ltz as ltzClear } from '../reference/comparison/clear.ts';
import { type Config, resolveConfig } from '../spec/config.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

const N = 100_000;
const ROWS = 781; // max over rows of 128: 99 968 elements

const shares = (tag: string, shape: number[]): RingTensor[] =>
  [0, 1].map((i) =>
    ringTensor(
      64,
      shape,
      chachaWords(
        deriveKey(rootKey(3n), `${tag}/${i}`),
        shape.reduce((a, d) => a * d, 1),
      ),
    ),
  );

type Kernel = (ctx: PartyContext, config: Config, p: number) => Promise<RingTensor>;

async function bench(
  name: string,
  profile: string,
  kernel: Kernel,
  clearMs: number,
  target?: { text: string; perSecond: number },
  elements = N,
): Promise<BenchRow> {
  const config = resolveConfig(profile);
  let seed = 0n;
  const ms = await timeMedian(7, () =>
    runRecycled(() => runParties({ parties: 2, seed: seed++ }, (ctx, p) => kernel(ctx, config, p))),
  );
  const eps = (elements / ms) * 1000;
  return row(`${name} ${profile} 2p`, elements, ms, {
    ratioToCleartext: ((clearMs / N) * elements) / ms,
    ...(target === undefined ? {} : { target: target.text, met: eps >= target.perSecond }),
  });
}

const suite: BenchSuite = {
  name: 'comparison',
  async run() {
    const [x, y, rows] = await benchInputs(() => [
      shares('x', [N]),
      shares('y', [N]),
      shares('rows', [ROWS, 128]),
    ]);
    const clearMs = await timeMedian(7, () => ltzClear(x[0]!));
    const ltzK: Kernel = (ctx, c, p) => ltz(ctx, c, x[p]!);
    const reluK: Kernel = (ctx, c, p) => relu(ctx, c, x[p]!);
    const eqK: Kernel = (ctx, c, p) => eq(ctx, c, x[p]!, y[p]!);
    const maxK: Kernel = (ctx, c, p) => max(ctx, c, rows[p]!);
    return [
      await bench('ltz', 'crypten', ltzK, clearMs, { text: '≥ 1.5 M/s', perSecond: 1.5e6 }),
      await bench('relu', 'crypten', reluK, clearMs, { text: '≥ 1.2 M/s', perSecond: 1.2e6 }),
      await bench('ltz', 'default', ltzK, clearMs),
      await bench('relu', 'default', reluK, clearMs),
      await bench('eq', 'crypten', eqK, clearMs),
      await bench('eq', 'default', eqK, clearMs),
      await bench('max [781,128]', 'crypten', maxK, clearMs, undefined, ROWS * 128),
      await bench('max [781,128]', 'default', maxK, clearMs, undefined, ROWS * 128),
    ];
  },
};
export default suite;
