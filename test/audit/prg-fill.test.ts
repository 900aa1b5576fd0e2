// The audit's seeded instance tapes (audit/prg-fill.ts): a stream cached while a WordArena was active
// must survive that arena's release, because the statistical mode and the batching check keep drawing
// from one PrgFill across runs.
import { describe, expect, it } from 'vitest';
import { WordArena } from '../../core/word-pool.ts';
import { PrgFill } from '../../audit/prg-fill.ts';

describe('PrgFill', () => {
  it('serves the same words after the arena its stream was drawn in is released', async () => {
    const fill = new PrgFill(11n, 64);
    const key = { source: 'party 0', label: 'mask' };
    const arena = new WordArena();
    const inside = await arena.run(async () => fill.draw(key, 3, 16, 5, 7));
    arena.release();
    const after = fill.draw(key, 3, 16, 5, 7);
    expect(after.length).toBe(21);
    expect([...after]).toEqual([...inside]);
    // And instance b alone reads the words the batch read for it.
    expect([...fill.draw(key, 3, 16, 6, 1)]).toEqual([...inside.subarray(3, 6)]);
  });
});
