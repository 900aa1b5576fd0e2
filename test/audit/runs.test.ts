// The two-sample tests' common input (audit/stats/runs.ts): 64-bit words sorted and read through their
// 32-bit halves are in signed order, and merging two sorted samples by halves gives the same runs of
// equal values as merging them as BigInts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted, mergeWords, sortWords } from '../../audit/stats/runs.ts';

const halves = (v: readonly bigint[]): Uint32Array => new Uint32Array(BigInt64Array.from(v).buffer);
const whole = (w: { s: Int32Array; u: Uint32Array; length: number }): bigint[] =>
  Array.from({ length: w.length }, (_, i) => (BigInt(w.s[2 * i + 1]!) << 32n) + BigInt(w.u[2 * i]!));
// a few values drawn often, so samples have ties and atoms
const word = fc.oneof(
  fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
  fc.constantFrom(0n, -1n, 1n << 40n, -(1n << 63n), (1n << 63n) - 1n, 5n),
);

describe('runs of two samples of 64-bit words', () => {
  it('sortWords orders as signed 64-bit integers; mergeWords gives the runs mergeSorted gives', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 60 }), (a, b) => {
        const sa = sortWords(halves(a));
        const sb = sortWords(halves(b));
        const ba = BigInt64Array.from(a).sort();
        const bb = BigInt64Array.from(b).sort();
        expect(whole(sa)).toEqual([...ba]);
        const r = mergeWords(sa, sb);
        const s = mergeSorted(ba, bb);
        expect([r.length, r.nA, r.nB]).toEqual([s.length, s.nA, s.nB]);
        expect([...r.a.subarray(0, r.length)]).toEqual([...s.a.subarray(0, s.length)]);
        expect([...r.b.subarray(0, r.length)]).toEqual([...s.b.subarray(0, s.length)]);
      }),
    );
  });
});
