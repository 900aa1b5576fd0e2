// What the speed mechanisms buy, measured so the machine's drift cancels out: the same case runs in
// four variants, one after the other, repeatedly in one process, and each variant's median is reported.
//   full      — inside a WordArena (recycled buffers, core/word-pool.ts) with the helper thread
//               (core/parallel/split-run.ts) and the arrays in the WebAssembly memory, so kernels with a
//               SIMD loop run it (core/wasm/): what conform and the other benches run;
//   no SIMD   — the same with MPCSPEC_WASM=0: arrays in plain SharedArrayBuffers, JavaScript loops;
//   1 thread  — recycled buffers, helper off (and so no SIMD: only shared arrays go in the memory);
//   fresh     — none: plain arrays, page-faulted on first touch, one thread.
// Whole-suite timings on this VM drift by ±30 % within minutes, more than the effects measured here.
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { setThreadsEnabled } from '../core/parallel/split-run.ts';
import { setWasmEnabled } from '../core/wasm/memory.ts';
import { runParties } from '../runtime/run.ts';
import { mulFixed } from '../protocols/arithmetic/mul.ts';
import { findProtocol } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled } from './suite.ts';

const ROUNDS = 11;

const random = (label: string, n: number): RingTensor =>
  ringTensor(64, [n], chachaWords(deriveKey(rootKey(13n), label), n));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function timed(body: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await body();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Run `body` with a mechanism switched off (setThreadsEnabled, setWasmEnabled), on again after. */
async function without(turn: (on: boolean) => void, body: () => Promise<unknown>): Promise<void> {
  turn(false);
  try {
    await body();
  } finally {
    turn(true);
  }
}

async function ablate(name: string, elements: number, run: () => Promise<unknown>): Promise<BenchRow[]> {
  const variants: [string, () => Promise<unknown>][] = [
    ['full', () => runRecycled(run)],
    ['no SIMD', () => without(setWasmEnabled, () => runRecycled(run))],
    ['1 thread', () => without(setThreadsEnabled, () => runRecycled(run))],
    ['fresh buffers, 1 thread', () => without(setThreadsEnabled, run)],
  ];
  const times: number[][] = variants.map(() => []);
  for (let k = 0; k < ROUNDS + 2; k++) {
    for (const [i, [, v]] of variants.entries()) {
      const ms = await timed(v);
      if (k >= 2) times[i]!.push(ms); // two warm-up rounds
    }
  }
  const medians = times.map(median);
  return variants.map(([label], i) =>
    row(`${name}: ${label} (${(medians[i]! / medians[0]!).toFixed(2)}× full)`, elements, medians[i]!),
  );
}

const suite: BenchSuite = {
  name: 'ablation',
  async run() {
    const config = resolveConfig('crypten');
    const rows: BenchRow[] = [];
    const n = 1_000_000;
    const [x, y] = await benchInputs(() => [
      [random('x0', n), random('x1', n)],
      [random('y0', n), random('y1', n)],
    ]);
    rows.push(
      ...(await ablate('mul crypten 2p', n, () =>
        runParties({ parties: 2, seed: 1n }, (ctx, i) => mulFixed(ctx, config, x![i]!, y![i]!)),
      )),
    );
    const N = 100_000;
    const v = await benchInputs(() => [random('v0', N), random('v1', N)]);
    for (const id of ['exp', 'ltz', 'inv_sqrt_nr']) {
      const protocol = findProtocol(id).bind();
      const shapes = protocol.shapes(N);
      // Uniform shares: outside some kernels' domains, which changes the outputs but not the work.
      rows.push(
        ...(await ablate(`${id} crypten 2p`, N, () =>
          runParties({ parties: 2, seed: 1n }, (ctx, i) => protocol.run(ctx, config, shapes, { x: v[i]! })),
        )),
      );
    }
    return rows;
  },
};
export default suite;
