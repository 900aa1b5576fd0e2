// Kernels split across the helper thread (core/parallel/split-run.ts): the split gives the same words
// as one pass — for every kernel a protocol uses, checked through whole protocol runs — the ChaCha20
// keystream continues correctly at the split point, and a helper failure is an error, never a hang.
import { afterEach, describe, expect, it } from 'vitest';
import { SPLIT_THRESHOLD, setThreadsEnabled, splitJobCount } from '../../core/parallel/split-run.ts';
import { WordArena, allocWords } from '../../core/word-pool.ts';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import { ringTensor } from '../../core/ring.ts';
import { sizeOf } from '../../core/shape.ts';
import { runParties } from '../../runtime/run.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { slowOnMain, throwsInHelper, throwsOnMain } from './fixtures/throwing-kernel.ts';
import { simdRangeCount } from '../../core/wasm/kernels.ts';

afterEach(() => setThreadsEnabled(true));

/** Run `body` in an arena with the helper on or off; return what it produced as plain arrays. */
async function inArena<T>(threads: boolean, body: () => Promise<T>): Promise<T> {
  setThreadsEnabled(threads);
  return WordArena.within(body);
}

describe('split kernels', () => {
  it('arena buffers above the threshold are shared only while the helper is enabled', async () => {
    const shared = await inArena(true, async () => allocWords(SPLIT_THRESHOLD).buffer);
    const plain = await inArena(false, async () => allocWords(SPLIT_THRESHOLD + 8).buffer);
    expect(shared).toBeInstanceOf(SharedArrayBuffer);
    expect(plain).toBeInstanceOf(ArrayBuffer);
  });

  it('the ChaCha20 keystream split at a block boundary equals one pass', async () => {
    const key = deriveKey(rootKey(21n), 'split');
    for (const n of [SPLIT_THRESHOLD, SPLIT_THRESHOLD + 5, 3 * SPLIT_THRESHOLD + 13]) {
      const serial = Array.from(chachaWords(key, n));
      const split = await inArena(true, async () => {
        const w = chachaWords(key, n);
        expect(w.buffer).toBeInstanceOf(SharedArrayBuffer);
        return Array.from(w);
      });
      expect(split).toEqual(serial);
    }
  });

  // Every kernel in core/ and protocols/ is reached by one of these runs (the dealer's draws and
  // splits, ring and bit ops, Beaver and square loops, the adder levels, the AND gates, zero sharing).
  const cases: [string, string][] = [
    ['mul', 'crypten'],
    ['mul', 'default'],
    ['square', 'crypten'],
    ['exp', 'crypten'],
    ['ltz', 'crypten'],
    ['ltz', 'default'],
    ['relu', 'crypten'],
    ['eq', 'crypten'],
    ['inv_sqrt_nr', 'default'],
  ];
  it.each(cases)('%s (%s) gives the same outputs split as in one pass', async (id, profile) => {
    const protocol = findProtocol(id).bind();
    const config = resolveConfig(profile);
    const shapes = protocol.shapes(SPLIT_THRESHOLD + 11);
    // Inputs are drawn inside each run, so they live in the run's (shared or plain) buffers too.
    const run = async (): Promise<string[]> => {
      const inputs = [0, 1].map((p) =>
        Object.fromEntries(
          protocol.inputs().map((input) => {
            const shape = shapes[input.name]!;
            const words = chachaWords(deriveKey(rootKey(22n), `${input.name}/${p}`), sizeOf(shape));
            return [input.name, ringTensor(config.ell, shape, words)];
          }),
        ),
      );
      const result = await runParties({ parties: 2, seed: 4n }, (ctx, p) =>
        protocol.run(ctx, config, shapes, inputs[p]!),
      );
      return result.outputs.map((o) =>
        JSON.stringify(Object.values(o).map((t) => Array.from(t.data, String))),
      );
    };
    const [before, simdBefore] = [splitJobCount(), simdRangeCount()];
    const serial = await inArena(false, run);
    expect(splitJobCount()).toBe(before);
    expect(simdRangeCount()).toBe(simdBefore);
    // Split runs keep their large arrays in the WebAssembly memory: kernels with a SIMD loop run it.
    const split = await inArena(true, run);
    expect(splitJobCount()).toBeGreaterThan(before); // the split path really ran
    if (profile === 'crypten' && ['ltz', 'relu', 'eq'].includes(id))
      expect(simdRangeCount()).toBeGreaterThan(simdBefore); // and so did the adder's SIMD loops
    expect(split).toEqual(serial);
  });

  it('a kernel failing on the helper thread is an error naming the kernel, not a hang', () => {
    const out = new BigUint64Array(new SharedArrayBuffer(8 * SPLIT_THRESHOLD));
    const joined = new BigUint64Array(new SharedArrayBuffer(8));
    expect(() => throwsInHelper([out, joined], [], SPLIT_THRESHOLD)).toThrow(
      /helper thread: kernel 'test\/throws-in-helper' failed: boom on the helper thread/,
    );
  });

  it('after a kernel throws on this thread, the next job is not disturbed by the helper', () => {
    const n = 4 * SPLIT_THRESHOLD;
    const scratch = new BigUint64Array(new SharedArrayBuffer(8 * n));
    expect(() => throwsOnMain([scratch], [], n)).toThrow(/boom on the main thread/);
    // Had the helper still been in the failed job, it would take this job's chunks with the old kernel
    // (writing 2 into the old array) and leave those chunks of `out` unwritten.
    const out = new BigUint64Array(new SharedArrayBuffer(8 * n));
    slowOnMain([out], [], n);
    expect(out.every((v) => v === 3n)).toBe(true);
  });

  it('with the helper disabled the whole range runs on this thread', () => {
    setThreadsEnabled(false);
    const out = new BigUint64Array(new SharedArrayBuffer(8 * SPLIT_THRESHOLD));
    const joined = new BigUint64Array(new SharedArrayBuffer(8)).fill(1n); // no helper will join: no wait
    throwsInHelper([out, joined], [], SPLIT_THRESHOLD);
    expect(out.every((v) => v === 1n)).toBe(true);
  });
});
