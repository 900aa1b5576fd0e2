// Ring tensors over Z_{2^ℓ} for every ℓ from 4 to 64 (issue 2 §1): the ring laws, and every kernel
// against plain BigInt arithmetic mod 2^ℓ (an independent model), with the edge values −2^(ℓ−1),
// 2^(ℓ−1)−1, 0 and ±1 always present.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RingTensor, fromIntegers, ringTensor, signedValues } from '../../core/ring.ts';
import { add, addScalar, matmul, mul, mulScalar, neg, sub, sumLastAxis } from '../../core/ring-ops.ts';
import { divTowardZero, shiftRightArith, shiftRightCeil, shiftRightLogical } from '../../core/shift.ts';

const ringWidth = fc.integer({ min: 4, max: 64 });

const edges = (ell: number): bigint[] => [
  0n,
  1n,
  (1n << BigInt(ell)) - 1n,
  1n << BigInt(ell - 1),
  (1n << BigInt(ell - 1)) - 1n,
];

/** A width and a few vectors of one length, edge values always included. */
const vectors = (count: number) =>
  ringWidth
    .chain((ell) =>
      fc.tuple(
        fc.constant(ell),
        fc.array(
          fc.array(fc.bigInt({ min: 0n, max: (1n << BigInt(ell)) - 1n }), { minLength: 3, maxLength: 3 }),
          { minLength: count, maxLength: count },
        ),
      ),
    )
    .map(([ell, rand]) => ({
      ell,
      vs: rand.map((r, k) =>
        fromIntegers(
          ell,
          [8],
          [...edges(ell).slice(k % 2), ...r].slice(0, 8).concat(Array(8).fill(0n)).slice(0, 8),
        ),
      ),
    }));

const mod = (v: bigint, ell: number): bigint => BigInt.asUintN(ell, v);
const values = (t: RingTensor): bigint[] => Array.from(t.data);

describe('ring kernels agree with BigInt arithmetic mod 2^ℓ', () => {
  it('add, sub, mul, neg', () => {
    fc.assert(
      fc.property(vectors(2), ({ ell, vs: [a, b] }) => {
        const x = values(a!);
        const y = values(b!);
        expect(values(add(a!, b!))).toEqual(x.map((v, i) => mod(v + y[i]!, ell)));
        expect(values(sub(a!, b!))).toEqual(x.map((v, i) => mod(v - y[i]!, ell)));
        expect(values(mul(a!, b!))).toEqual(x.map((v, i) => mod(v * y[i]!, ell)));
        expect(values(neg(a!))).toEqual(x.map((v) => mod(-v, ell)));
      }),
    );
  });

  it('scalar ops take any integer', () => {
    fc.assert(
      fc.property(vectors(1), fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }), ({ ell, vs: [a] }, c) => {
        expect(values(mulScalar(a!, c))).toEqual(values(a!).map((v) => mod(v * c, ell)));
        expect(values(addScalar(a!, c))).toEqual(values(a!).map((v) => mod(v + c, ell)));
      }),
    );
  });

  it('ring laws: commutative, associative, distributive, additive inverse', () => {
    fc.assert(
      fc.property(vectors(3), ({ vs: [a, b, c] }) => {
        expect(values(add(a!, b!))).toEqual(values(add(b!, a!)));
        expect(values(mul(a!, b!))).toEqual(values(mul(b!, a!)));
        expect(values(add(add(a!, b!), c!))).toEqual(values(add(a!, add(b!, c!))));
        expect(values(mul(mul(a!, b!), c!))).toEqual(values(mul(a!, mul(b!, c!))));
        expect(values(mul(a!, add(b!, c!)))).toEqual(values(add(mul(a!, b!), mul(a!, c!))));
        expect(values(add(a!, neg(a!))).every((v) => v === 0n)).toBe(true);
      }),
    );
  });

  it('signed reading is two’s complement', () => {
    fc.assert(
      fc.property(ringWidth, (ell) => {
        const t = fromIntegers(ell, [5], edges(ell));
        const h = 1n << BigInt(ell - 1);
        expect(signedValues(t)).toEqual([0n, 1n, -1n, -h, h - 1n]);
      }),
    );
  });
});

describe('shifts agree with BigInt division of the signed value', () => {
  const floorDiv = (a: bigint, d: bigint): bigint => (a >= 0n ? a / d : -((-a + d - 1n) / d));
  it('toward zero, floor, logical', () => {
    fc.assert(
      fc.property(
        vectors(1).chain((v) => fc.tuple(fc.constant(v), fc.integer({ min: 0, max: v.ell - 1 }))),
        ([
          {
            ell,
            vs: [a],
          },
          k,
        ]) => {
          const d = 1n << BigInt(k);
          const s = signedValues(a!);
          expect(values(divTowardZero(a!, k))).toEqual(s.map((v) => mod(v / d, ell)));
          expect(values(shiftRightArith(a!, k))).toEqual(s.map((v) => mod(floorDiv(v, d), ell)));
          expect(values(shiftRightLogical(a!, k))).toEqual(values(a!).map((v) => v / d));
        },
      ),
    );
  });

  it('at ℓ = 64, every shift amount (the 32-bit-halves kernel)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 63 }),
        (vals, k) => {
          const a = fromIntegers(64, [vals.length + 3], [...vals, 0n, 1n << 63n, (1n << 64n) - 1n]);
          const d = 1n << BigInt(k);
          expect(values(shiftRightArith(a, k))).toEqual(signedValues(a).map((v) => mod(floorDiv(v, d), 64)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shiftRightCeil is −⌊−x/2^k⌋ taken in the ring, at every width and shift (−2^(ℓ−1) included)', () => {
    fc.assert(
      fc.property(
        vectors(1).chain((v) => fc.tuple(fc.constant(v), fc.integer({ min: 0, max: v.ell - 1 }))),
        ([{ ell, vs }, k]) => {
          const a = vs[0]!;
          const d = 1n << BigInt(k);
          const negated = signedValues(a).map((v) => BigInt.asIntN(ell, -v));
          expect(values(shiftRightCeil(a, k))).toEqual(negated.map((v) => mod(-floorDiv(v, d), ell)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shiftRightCeil equals negate-shift-negate bit for bit: every shift at ℓ = 64, random widths, edge values', () => {
    const negShiftNeg = (t: RingTensor, k: number): bigint[] => values(neg(shiftRightArith(neg(t), k)));
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: 1, maxLength: 6 }),
        (vals) => {
          const a = fromIntegers(64, [vals.length + 5], [...vals, ...edges(64)]);
          for (let k = 0; k < 64; k++)
            expect(values(shiftRightCeil(a, k)), `k = ${k}`).toEqual(negShiftNeg(a, k));
        },
      ),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(
        vectors(1).chain((v) => fc.tuple(fc.constant(v), fc.integer({ min: 0, max: v.ell - 1 }))),
        ([{ vs }, k]) => {
          expect(values(shiftRightCeil(vs[0]!, k))).toEqual(negShiftNeg(vs[0]!, k));
        },
      ),
      { numRuns: 200 },
    );
    // −2^(ℓ−1) is its own negative: the result is +2^(ℓ−1−k), at ℓ = 64 and below.
    for (const ell of [5, 16, 63, 64]) {
      const min = fromIntegers(ell, [1], [1n << BigInt(ell - 1)]);
      for (const k of [0, 1, ell - 1]) {
        expect(values(shiftRightCeil(min, k)), `ℓ = ${ell}, k = ${k}`).toEqual([
          mod(1n << BigInt(ell - 1 - k), ell),
        ]);
      }
    }
  });

  it('writing into the input buffer (an owned share) gives the same result as a fresh output', () => {
    fc.assert(
      fc.property(
        vectors(1).chain((v) => fc.tuple(fc.constant(v), fc.integer({ min: 0, max: v.ell - 1 }))),
        ([
          {
            vs: [a],
          },
          k,
        ]) => {
          const fresh = [
            values(divTowardZero(a!, k)),
            values(shiftRightArith(a!, k)),
            values(shiftRightCeil(a!, k)),
          ];
          const own = () => ringTensor(a!.ell, a!.shape, new BigUint64Array(a!.data));
          const [own1, own2, own3] = [own(), own(), own()];
          expect([
            values(divTowardZero(own1, k, own1.data)),
            values(shiftRightArith(own2, k, own2.data)),
            values(shiftRightCeil(own3, k, own3.data)),
          ]).toEqual(fresh);
        },
      ),
    );
  });

  it('refuses a shift outside [0, ℓ−1]', () => {
    const t = fromIntegers(8, [1], [3n]);
    expect(() => shiftRightArith(t, 8)).toThrow(/amount 8 must be an integer in \[0, 7\]/);
  });
});

describe('matmul and reductions', () => {
  it('matmul agrees with the BigInt definition', () => {
    fc.assert(
      fc.property(
        ringWidth,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        (ell, m, k, n, s) => {
          const gen = (len: number, salt: bigint) =>
            Array.from({ length: len }, (_, i) => mod(s * BigInt(i + 1) * 0x9e3779b97f4a7c15n + salt, ell));
          const A = fromIntegers(ell, [m, k], gen(m * k, 1n));
          const B = fromIntegers(ell, [k, n], gen(k * n, 7n));
          const C = matmul(A, B);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) {
              let acc = 0n;
              for (let p = 0; p < k; p++) acc += A.data[i * k + p]! * B.data[p * n + j]!;
              expect(C.data[i * n + j]).toBe(mod(acc, ell));
            }
        },
      ),
    );
  });

  it('matmul refuses shapes that do not chain, naming them', () => {
    const A = fromIntegers(16, [2, 3], [1n, 2n, 3n, 4n, 5n, 6n]);
    expect(() => matmul(A, A)).toThrow(/shapes \[2, 3\] and \[2, 3\] do not chain/);
  });

  it('sum over the last axis', () => {
    const t = fromIntegers(8, [2, 3], [1n, 2n, 255n, 10n, 20n, 30n]);
    expect(values(sumLastAxis(t))).toEqual([2n, 60n]);
  });

  it('operands must agree in ring and shape', () => {
    const a = fromIntegers(16, [2], [1n, 2n]);
    expect(() => add(a, fromIntegers(16, [3], [1n, 2n, 3n]))).toThrow(
      /shape mismatch: a is \[2\] but b is \[3\]/,
    );
    expect(() => add(a, fromIntegers(32, [2], [1n, 2n]))).toThrow(/ring mismatch: Z_2\^16 vs Z_2\^32/);
    expect(() => ringTensor(65, [1], new BigUint64Array(1))).toThrow(/ℓ must be an integer from 1 to 64/);
  });
});
