// The recycled word buffers (core/word-pool.ts): reuse happens, reused memory is cleared when asked,
// released views fail loudly, interleaved arenas never share a buffer, and a protocol run gives the
// same bytes whether its buffers are fresh or recycled.
import { describe, expect, it } from 'vitest';
import { WordArena, allocWords, copyWords, poolStats } from '../../core/word-pool.ts';
import { ringTensor } from '../../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import { runParties } from '../../runtime/run.ts';
import { mulFixed } from '../../protocols/arithmetic/mul.ts';
import { ltz } from '../../protocols/comparison/ltz.ts';
import { resolveConfig } from '../../spec/config.ts';

// An odd length no other test allocates, so the pool's buckets for it start empty.
const N = 1237;

describe('word pool', () => {
  it('outside an arena allocates plain zeroed arrays that are never recycled', () => {
    const w = allocWords(N);
    expect(w.length).toBe(N);
    expect(w.every((v) => v === 0n)).toBe(true);
    w.fill(7n);
    const arena = new WordArena();
    arena.release();
    expect(w.length).toBe(N); // not owned by the arena: untouched
    expect(w[0]).toBe(7n);
  });

  it('reuses a released buffer, clears it for zeroed requests, and detaches the old views', async () => {
    const first = new WordArena();
    const dirty = await first.run(async () => {
      const w = allocWords(N);
      w.fill(0xdeadn);
      return w;
    });
    first.release();
    expect(dirty.length).toBe(0); // a stale view is empty, so reading through it cannot go unnoticed
    expect(() => dirty[0]! + 1n).toThrow(TypeError);

    const before = poolStats().reused;
    const second = new WordArena();
    const [zeroed, raw] = await second.run(async () => {
      const z = allocWords(N);
      return [z, allocWords(N, false)] as const;
    });
    expect(poolStats().reused).toBe(before + 1); // one released buffer was available, the other is new
    expect(zeroed.every((v) => v === 0n)).toBe(true);
    expect(raw.length).toBe(N);
    second.release();
  });

  it('copyWords copies into an owned buffer', async () => {
    const src = BigUint64Array.from({ length: N }, (_, i) => BigInt(i) * 3n);
    const arena = new WordArena();
    const copy = await arena.run(async () => copyWords(src));
    expect(Array.from(copy)).toEqual(Array.from(src));
    arena.release();
    expect(copy.length).toBe(0);
    expect(src.length).toBe(N);
  });

  it('interleaved arenas own disjoint buffers', async () => {
    const a = new WordArena();
    const b = new WordArena();
    const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
    const grab = async (): Promise<BigUint64Array[]> => {
      const out: BigUint64Array[] = [];
      for (let i = 0; i < 4; i++) {
        out.push(allocWords(N));
        await tick();
      }
      return out;
    };
    const [fromA, fromB] = await Promise.all([a.run(grab), b.run(grab)]);
    a.release();
    expect(fromA.every((w) => w.length === 0)).toBe(true);
    expect(fromB.every((w) => w.length === N)).toBe(true); // b's buffers survive a's release
    b.release();
    expect(fromB.every((w) => w.length === 0)).toBe(true);
  });

  it('run() after release() is refused', () => {
    const arena = new WordArena();
    arena.release();
    expect(() => arena.run(async () => 0)).toThrow(/after release/);
  });

  it.each(['mul', 'ltz'])(
    '%s gives the same outputs with recycled buffers as with fresh ones',
    async (id) => {
      const config = resolveConfig('crypten');
      const n = 257;
      const share = (tag: string, i: number) =>
        ringTensor(64, [n], chachaWords(deriveKey(rootKey(11n), `${tag}/${i}`), n));
      const x = [share('x', 0), share('x', 1)];
      const y = [share('y', 0), share('y', 1)];
      const run = () =>
        runParties({ parties: 2, seed: 5n }, (ctx, p) =>
          id === 'mul' ? mulFixed(ctx, config, x[p]!, y[p]!) : ltz(ctx, config, x[p]!),
        );
      const fresh = (await run()).outputs.map((t) => Array.from(t.data));
      // Two arena runs: the second one allocates from the buffers the first released.
      for (let k = 0; k < 2; k++) {
        const arena = new WordArena();
        const pooled = await arena.run(async () => (await run()).outputs.map((t) => Array.from(t.data)));
        arena.release();
        expect(pooled).toEqual(fresh);
      }
    },
  );
});
