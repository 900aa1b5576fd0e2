// A party's view records its draws as they came from the PRG, its input shares, its preprocessing and
// the messages it received — even when the protocol reuses a drawn buffer (zero sharing subtracts
// into it).
import { describe, expect, it } from 'vitest';
import { chachaWords, deriveKey } from '../../core/prg.ts';
import { fromIntegers } from '../../core/ring.ts';
import { runParties } from '../../runtime/run.ts';
import { beaverTriple } from '../../runtime/material/beaver.ts';

describe('views', () => {
  it('record the raw zero-sharing draws, not the z_i computed from them', async () => {
    const r = await runParties({ parties: 3, seed: 8n }, async (ctx) => ctx.zeroShare('z', 16, [4]));
    const sum = [0, 1, 2, 3].map((i) => r.outputs.reduce((a, z) => a + z.data[i]!, 0n) & 0xffffn);
    expect(sum).toEqual([0n, 0n, 0n, 0n]);
    r.views.forEach((v, i) => {
      const next = v.tapes.find((t) => t.tape.includes(`zero-sharing with ${(i + 1) % 3}`))!;
      const raw = Array.from(chachaWords(deriveKey(r.keys.przs[i]!, 'z'), 4), (w) => w & 0xffffn);
      expect(Array.from(next.draws[0]!.words)).toEqual(raw);
    });
  });

  it('record inputs, preprocessing and received messages in order', async () => {
    const x = fromIntegers(64, [2], [5n, 6n]);
    const r = await runParties({ parties: 2, seed: 8n, inputs: [{ x }, {}] }, async (ctx) => {
      const t = beaverTriple(ctx, 't', 64, [2]);
      if (ctx.party === 0) ctx.send(1, 'm', t.a);
      else await ctx.recv(0, 'm');
    });
    expect(r.views[0]!.inputs['x']).toBe(x);
    expect(r.views.map((v) => v.preprocessing.map((p) => `${p.kind}:${p.label}`))).toEqual([
      ['beaver-triple:t'],
      ['beaver-triple:t'],
    ]);
    expect(r.views[1]!.received.map((m) => `${m.from}:${m.label}:${m.round}`)).toEqual(['0:m:1']);
    expect(r.views[1]!.received[0]!.payload).toBe(r.views[0]!.preprocessing[0]!.values['a']);
  });
});
