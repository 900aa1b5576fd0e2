// Runtime misuse fails fast, naming party, round and label, and never hangs (issue 2, "Bad input");
// rounds are logical clocks (independent messages share a round).
import { describe, expect, it } from 'vitest';
import { fromIntegers } from '../../core/ring.ts';
import { runParties } from '../../runtime/run.ts';
import { beaverTriple } from '../../runtime/material/beaver.ts';

const one = fromIntegers(64, [1], [7n]);

describe('in-memory network', () => {
  it('a recv with no matching send is a deadlock error, not a hang', async () => {
    await expect(
      runParties({ parties: 2, seed: 1n }, async (ctx) =>
        ctx.party === 0 ? ctx.recv(1, 'never') : undefined,
      ),
    ).rejects.toThrow(
      /deadlock: no message can arrive: party 0 waits in round 0 for 'never' from party 1 \(done\)/,
    );
  });

  it('two parties waiting on each other is a deadlock naming both', async () => {
    await expect(
      runParties({ parties: 2, seed: 1n }, async (ctx) => ctx.recv(1 - ctx.party, 'x')),
    ).rejects.toThrow(/party 0 waits .*party 1 waits/);
  });

  it('a label mismatch names party, round and both labels', async () => {
    await expect(
      runParties({ parties: 2, seed: 1n }, async (ctx) => {
        if (ctx.party === 0) ctx.send(1, 'open', one);
        else await ctx.recv(0, 'triple');
      }),
    ).rejects.toThrow(
      /party 1, round 0: expected 'triple' from party 0 but the next message on that channel is 'open'/,
    );
  });

  it('a party id out of range names sender, round and label', async () => {
    await expect(runParties({ parties: 2, seed: 1n }, async (ctx) => ctx.send(5, 'x', one))).rejects.toThrow(
      /party 0, round 1, label 'x': party id 5 is out of range 0…1/,
    );
  });

  it('a message nobody receives is an error', async () => {
    await expect(
      runParties({ parties: 3, seed: 1n }, async (ctx) => {
        if (ctx.party === 0) ctx.send(2, 'lost', one);
      }),
    ).rejects.toThrow(/party 2 never received 'lost' sent by party 0/);
  });

  it('a dealer label asked twice or with different shapes fails', async () => {
    await expect(
      runParties({ parties: 2, seed: 1n }, async (ctx) => {
        beaverTriple(ctx, 't', 64, [2]);
        beaverTriple(ctx, 't', 64, [2]);
      }),
    ).rejects.toThrow(/asked twice for material labelled 't'/);
    await expect(
      runParties({ parties: 2, seed: 1n }, async (ctx) => {
        beaverTriple(ctx, 't', 64, ctx.party === 0 ? [2] : [3]);
      }),
    ).rejects.toThrow(
      /party 1 asked for beaver-triple Z_2\^64 \[3\] under label 't' but party 0 asked for beaver-triple Z_2\^64 \[2\]/,
    );
  });

  it('rounds are logical clocks: independent messages share a round, dependent ones add', async () => {
    const r = await runParties({ parties: 3, seed: 1n }, async (ctx) => {
      for (const j of ctx.others) ctx.send(j, 'a', one);
      for (const j of ctx.others) await ctx.recv(j, 'a');
      if (ctx.party === 0) ctx.send(1, 'b', one);
      if (ctx.party === 1) await ctx.recv(0, 'b');
    });
    expect(r.metrics.rounds).toBe(2);
    expect(r.metrics.parties.map((p) => p.rounds)).toEqual([1, 2, 1]);
    expect(r.metrics.parties.map((p) => p.bitsSent)).toEqual([3 * 64, 2 * 64, 2 * 64]);
  });
});
