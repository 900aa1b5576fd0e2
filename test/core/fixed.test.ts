// Fixed-point encoding (issue 2 §1): round trips, both rounding modes against their definitions,
// CrypTen's consequences (1e-5 and 1e-12 encode to 0 at f = 16 under trunc), range errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode, encodeScalar } from '../../core/fixed.ts';
import { ringTensor } from '../../core/ring.ts';

const fmt = (ell: number, f: number, rounding: 'trunc' | 'nearest' = 'nearest') => ({ ell, f, rounding });

describe('fixed point', () => {
  it('in Z_2^64, encode and decode give the words and values of the BigInt definitions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -(2 ** 40), max: 2 ** 40, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom('trunc' as const, 'nearest' as const),
        fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: 1, maxLength: 20 }),
        (values, f, rounding, words) => {
          const t = encode(values, [values.length], fmt(64, f, rounding));
          expect(Array.from(t.data)).toEqual(
            values.map((v) => encodeScalar(v, fmt(64, f, rounding)) & ((1n << 64n) - 1n)),
          );
          const w = ringTensor(64, [words.length], BigUint64Array.from(words));
          expect(Array.from(decode(w, f))).toEqual(words.map((x) => Number(BigInt.asIntN(64, x)) * 2 ** -f));
        },
      ),
    );
  });

  it('every representable value round-trips exactly', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 4, max: 52 })
          .chain((ell) =>
            fc.tuple(
              fc.constant(ell),
              fc.integer({ min: 0, max: ell - 1 }),
              fc.bigInt({ min: -(1n << BigInt(ell - 1)), max: (1n << BigInt(ell - 1)) - 1n }),
            ),
          ),
        ([ell, f, k]) => {
          const v = Number(k) / 2 ** f;
          for (const rounding of ['trunc', 'nearest'] as const)
            expect(Array.from(decode(encode([v], [1], fmt(ell, f, rounding)), f))).toEqual([v]);
        },
      ),
    );
  });

  it('trunc rounds toward zero, nearest rounds half to even', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (v, f) => {
          const scaled = v * 2 ** f;
          expect(encodeScalar(v, fmt(64, f, 'trunc'))).toBe(BigInt(Math.trunc(scaled)));
          const n = encodeScalar(v, fmt(64, f, 'nearest'));
          const err = Math.abs(Number(n) - scaled);
          expect(err).toBeLessThanOrEqual(0.5);
          if (err === 0.5) expect(n % 2n).toBe(0n);
        },
      ),
    );
  });

  it('ties go to even', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5].map((v) => encodeScalar(v, fmt(16, 0)))).toEqual([
      0n,
      2n,
      2n,
      -0n,
      -2n,
    ]);
  });

  it('CrypTen: LayerNorm epsilons encode to 0 at f = 16 (trunc)', () => {
    expect(encodeScalar(1e-5, fmt(64, 16, 'trunc'))).toBe(0n);
    expect(encodeScalar(1e-12, fmt(64, 16, 'trunc'))).toBe(0n);
    expect(encodeScalar(0.003, fmt(64, 16, 'trunc'))).toBe(196n);
  });

  it('edges of the range encode; one ulp beyond is an error naming the value and range', () => {
    const f = fmt(8, 2);
    expect(Array.from(decode(encode([-32, 31.75, 0, 0.25, -0.25], [5], f), 2))).toEqual([
      -32, 31.75, 0, 0.25, -0.25,
    ]);
    expect(() => encode([1, 32], [2], f, 'x')).toThrow(
      /x\[1\]: 32 is outside the representable range \[-32, 31.75\]/,
    );
    expect(() => encode([Number.NaN], [1], f, 'y')).toThrow(/y\[0\]: NaN is not a finite number/);
  });
});
