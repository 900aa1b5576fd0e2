// core/bits.ts extensions (issue 3 §1: shifts and public-constant operations on packed words) against
// plain BigInt arithmetic on the low `width` bits, for every width 1…64.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  andScalar,
  bitAt,
  bitTensor,
  concatBits,
  shiftLeft,
  shiftRight,
  splitBits,
  withWidth,
  xorScalar,
} from '../../core/bits.ts';

const widthAndWords = fc
  .integer({ min: 1, max: 64 })
  .chain((width) =>
    fc.tuple(
      fc.constant(width),
      fc.array(fc.bigInt({ min: 0n, max: (1n << BigInt(width)) - 1n }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 0, max: width - 1 }),
      fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    ),
  );

describe('packed boolean words (core/bits.ts)', () => {
  it('shifts, bit extraction and public constants agree with BigInt on the low width bits', () => {
    fc.assert(
      fc.property(widthAndWords, ([width, words, k, c]) => {
        const t = bitTensor(width, [words.length], BigUint64Array.from(words));
        const low = (1n << BigInt(width)) - 1n;
        expect(Array.from(shiftLeft(t, k).data)).toEqual(words.map((w) => (w << BigInt(k)) & low));
        expect(Array.from(shiftRight(t, k).data)).toEqual(words.map((w) => w >> BigInt(k)));
        expect(Array.from(bitAt(t, k).data)).toEqual(words.map((w) => (w >> BigInt(k)) & 1n));
        expect(Array.from(xorScalar(t, c).data)).toEqual(words.map((w) => w ^ (c & low)));
        expect(Array.from(andScalar(t, c).data)).toEqual(words.map((w) => w & c));
        expect(bitAt(t, k).width).toBe(1);
      }),
    );
  });

  it('withWidth keeps the low bits; concat and split are inverse', () => {
    const t = bitTensor(16, [3], BigUint64Array.of(0xffffn, 0x1234n, 0x80n));
    expect(Array.from(withWidth(t, 4).data)).toEqual([0xfn, 0x4n, 0x0n]);
    expect(withWidth(t, 32).width).toBe(32);
    const u = bitTensor(16, [2], BigUint64Array.of(7n, 9n));
    const joined = concatBits('test', [t, u]);
    expect(joined.shape).toEqual([5]);
    const [a, b] = splitBits(joined, [[3], [2]]);
    expect(Array.from(a!.data)).toEqual([0xffffn, 0x1234n, 0x80n]);
    expect(Array.from(b!.data)).toEqual([7n, 9n]);
  });

  it('rejects out-of-range shifts and mixed widths with the operation named', () => {
    const t = bitTensor(8, [1], BigUint64Array.of(1n));
    expect(() => shiftLeft(t, 8)).toThrow(/shiftLeft: shift amount 8 must be an integer in \[0, 7\]/);
    expect(() => concatBits('stack', [t, bitTensor(4, [1], BigUint64Array.of(1n))])).toThrow(
      /stack: bit width mismatch: 8 vs 4/,
    );
    expect(() => splitBits(t, [[2]])).toThrow(/split/);
  });
});
