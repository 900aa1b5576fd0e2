// The dealer's two-party fast path for AND triples (runtime/material/and-triple-fused.ts) against the
// generic generate-and-split path: the same words for every width, size, seed and choice of derived party,
// on one thread, and split across the helper in the WebAssembly SIMD loop; and the triple it deals is a triple (c = a ∧ b).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Key, deriveKey, rootKey } from '../../core/prg.ts';
import { KeyedTape, type Tape } from '../../core/tape.ts';
import { SPLIT_THRESHOLD, setThreadsEnabled, splitJobCount } from '../../core/parallel/split-run.ts';
import { WordArena } from '../../core/word-pool.ts';
import { simdRangeCount } from '../../core/wasm/kernels.ts';
import { ringMask } from '../../core/ring.ts';
import { Dealer } from '../../runtime/dealer.ts';
import { andTripleRequest } from '../../runtime/material/boolean.ts';
import type { Payload } from '../../runtime/payload.ts';

/** A tape that can only hand out keys: a deal that falls back to drawing words fails loudly. */
function keysOnly(inner: KeyedTape): Tape {
  const keyFor = inner.keyFor!;
  return {
    owner: 'keys-only dealer',
    keyFor,
    words: (label) => {
      throw new Error(`the fast path was not taken: '${label}' drawn as words`);
    },
    draws: [],
  };
}

/** The same keystream tape without keyFor: the dealer must take the generic path. */
function wordsOnly(inner: KeyedTape): Tape {
  return { owner: 'generic dealer', words: (l, c, b) => inner.words(l, c, b), draws: [] };
}

const plain = (shares: Readonly<Record<string, Payload>>): Record<string, bigint[]> =>
  Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, Array.from(v.data)]));

function dealBoth(tape: Tape, derived: number, width: number, count: number): Record<string, bigint[]>[] {
  const dealer = new Dealer(2, tape, derived);
  const request = andTripleRequest('t', width, [count]);
  return [0, 1].map((p) => plain(dealer.take(p, request)));
}

/**
 * Where two deals first differ (party, value, index), or undefined: a failing toEqual on 10⁵-word arrays
 * spends minutes rendering the diff.
 */
function firstDifference(x: Record<string, bigint[]>[], y: Record<string, bigint[]>[]): string | undefined {
  for (const p of [0, 1]) {
    for (const name of ['a', 'b', 'c']) {
      const [u, v] = [x[p]?.[name] ?? [], y[p]?.[name] ?? []];
      if (u.length !== v.length) return `party ${p} ${name}: ${u.length} vs ${v.length} words`;
      const i = u.findIndex((w, k) => w !== v[k]);
      if (i >= 0) return `party ${p} ${name}[${i}]: ${u[i]} vs ${v[i]}`;
    }
  }
  return undefined;
}

const dealerKey = (seed: bigint): Key => deriveKey(rootKey(seed), 'dealer');

describe('dealer: fused AND triples', () => {
  it('equal the generic path, word for word', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 1 }),
        (seed, width, count, derived) => {
          const key = dealerKey(seed);
          const fused = dealBoth(keysOnly(new KeyedTape('d', key, false)), derived, width, count);
          const generic = dealBoth(wordsOnly(new KeyedTape('d', key, false)), derived, width, count);
          expect(firstDifference(fused, generic)).toBeUndefined();
        },
      ),
    );
  });

  it('equal the generic path when split across the helper thread, in SIMD loops', async () => {
    const count = 3 * SPLIT_THRESHOLD + 13;
    for (const width of [64, 13]) {
      const key = dealerKey(BigInt(width));
      const generic = dealBoth(wordsOnly(new KeyedTape('d', key, false)), 1, width, count);
      setThreadsEnabled(true);
      const [splits, simd] = [splitJobCount(), simdRangeCount()];
      const fused = await WordArena.within(async () =>
        dealBoth(keysOnly(new KeyedTape('d', key, false)), 1, width, count),
      );
      expect(splitJobCount()).toBeGreaterThan(splits);
      expect(simdRangeCount()).toBeGreaterThan(simd);
      expect(firstDifference(fused, generic)).toBeUndefined();
    }
  });

  it('deal a triple: the shares XOR to a, b and a ∧ b within the width', () => {
    for (const width of [1, 13, 64]) {
      const [p0, p1] = dealBoth(new KeyedTape('d', dealerKey(3n), false), 1, width, 1000);
      const open = (name: string): bigint[] => p0![name]!.map((w, i) => w ^ p1![name]![i]!);
      const [a, b, c] = [open('a'), open('b'), open('c')];
      expect(c).toEqual(a.map((ai, i) => ai & b[i]!));
      expect([...a, ...b, ...c].every((w) => (w & ~ringMask(width)) === 0n)).toBe(true);
      // Not all zero: a fast path that dealt nothing would pass the line above.
      expect(a.some((w) => w !== 0n) && b.some((w) => w !== 0n)).toBe(true);
    }
  });

  it('claim their draws: the same label cannot be drawn again from that tape', () => {
    const tape = new KeyedTape('dealer', dealerKey(5n), false);
    dealBoth(tape, 1, 64, 10);
    expect(() => tape.words('t/a/share/0', 10)).toThrow(/drawn twice/);
  });

  it('are not used by a tape that records its draws (the views need the words)', () => {
    const recording = new KeyedTape('dealer', dealerKey(5n), true);
    dealBoth(recording, 1, 64, 10);
    expect(recording.draws.map((d) => d.label)).toEqual([
      't/a',
      't/b',
      't/a/share/0',
      't/b/share/0',
      't/c/share/0',
    ]);
  });
});
