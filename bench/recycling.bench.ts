// What buffer recycling (core/word-pool.ts) buys, measured so the machine's drift cancels out: the same
// case runs alternately inside a WordArena (recycled buffers) and outside one (fresh arrays, page-faulted
// on first touch), pair after pair in one process, and each variant's median is reported. Whole-suite
// timings on this VM drift by ±30 % within minutes, far more than the effect being measured.
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { runParties } from '../runtime/run.ts';
import { beaverMul } from '../protocols/arithmetic/mul.ts';
import { findProtocol } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';
import { type BenchRow, type BenchSuite, row, runRecycled } from './suite.ts';

const PAIRS = 15;

const random = (label: string, n: number): RingTensor =>
  ringTensor(64, [n], chachaWords(deriveKey(rootKey(13n), label), n));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function timed(body: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await body();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function interleaved(name: string, elements: number, run: () => Promise<unknown>): Promise<BenchRow[]> {
  for (let w = 0; w < 3; w++) {
    await runRecycled(run);
    await run();
  }
  const recycled: number[] = [];
  const fresh: number[] = [];
  for (let k = 0; k < PAIRS; k++) {
    recycled.push(await timed(() => runRecycled(run)));
    fresh.push(await timed(run));
  }
  const r = median(recycled);
  const f = median(fresh);
  return [
    row(`${name}, recycled buffers (${(r / f).toFixed(2)}× fresh)`, elements, r),
    row(`${name}, fresh buffers`, elements, f),
  ];
}

const suite: BenchSuite = {
  name: 'recycling',
  async run() {
    const config = resolveConfig('crypten');
    const rows: BenchRow[] = [];
    const n = 1_000_000;
    const x = [random('x0', n), random('x1', n)];
    const y = [random('y0', n), random('y1', n)];
    rows.push(
      ...(await interleaved('mul crypten 2p', n, () =>
        runParties({ parties: 2, seed: 1n }, (ctx, i) => beaverMul(ctx, config, x[i]!, y[i]!)),
      )),
    );
    const N = 100_000;
    const v = [random('v0', N), random('v1', N)];
    for (const id of ['exp', 'ltz', 'inv_sqrt_nr']) {
      const protocol = findProtocol(id).bind();
      const shapes = protocol.shapes(N);
      // Uniform shares: outside some kernels' domains, which changes the outputs but not the work.
      rows.push(
        ...(await interleaved(`${id} crypten 2p`, N, () =>
          runParties({ parties: 2, seed: 1n }, (ctx, i) => protocol.run(ctx, config, shapes, { x: v[i]! })),
        )),
      );
    }
    return rows;
  },
};
export default suite;
