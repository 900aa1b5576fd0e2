// The relation search's linear algebra (audit/relations/howell.ts) against brute force in tiny rings:
// the kernel's span is exactly the set of relations the samples satisfy, the Howell property holds
// (the rows that start at or after column k span every relation that is zero before k), and reduction
// tests membership.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HowellRow, kernel, reduce } from '../../audit/relations/howell.ts';
import { inverseOdd, valuation } from '../../audit/relations/ring-arith.ts';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';

const key = (v: ArrayLike<bigint>): string => Array.from(v).join(',');

/** Every vector of Z_{2^ℓ}^C, as arrays. */
function allVectors(C: number, ell: number): bigint[][] {
  const q = 2 ** ell;
  return Array.from({ length: q ** C }, (_, n) =>
    Array.from({ length: C }, (_, j) => BigInt(Math.floor(n / q ** j) % q)),
  );
}

function span(basis: readonly HowellRow[], C: number, ell: number): Set<string> {
  const m = (1n << BigInt(ell)) - 1n;
  let out = new Set<string>([key(new Array<bigint>(C).fill(0n))]);
  for (const b of basis) {
    const next = new Set<string>();
    for (const s of out) {
      const v = s.split(',').map(BigInt);
      for (let a = 0n; a <= m; a++) next.add(key(v.map((x, j) => (x + a * b.row[j]!) & m)));
    }
    out = next;
  }
  return out;
}

const sample = (C: number, N: number, ell: number) =>
  fc.array(fc.array(fc.bigInt({ min: 0n, max: (1n << BigInt(ell)) - 1n }), { minLength: N, maxLength: N }), {
    minLength: C,
    maxLength: C,
  });

describe('Howell kernel over Z_2^ℓ', () => {
  it('spans exactly the relations the samples satisfy, with the Howell property at every column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), (ell, N) =>
        fc.assert(
          fc.property(sample(3, N, ell), (cols) => {
            const columns = cols.map((c) => BigUint64Array.from(c));
            const basis = kernel(columns, ell);
            const m = (1n << BigInt(ell)) - 1n;
            const relations = allVectors(3, ell).filter((c) =>
              Array.from(
                { length: N },
                (_, i) => c.reduce((a, cj, j) => a + cj * columns[j]![i]!, 0n) & m,
              ).every((x) => x === 0n),
            );
            const spanned = span(basis, 3, ell);
            expect([...spanned].sort()).toEqual(relations.map(key).sort());
            for (let k = 0; k < 3; k++) {
              const tail = basis.filter((b) => b.pivot >= k);
              const zeroBefore = relations.filter((c) => c.slice(0, k).every((x) => x === 0n)).map(key);
              expect([...span(tail, 3, ell)].sort()).toEqual(zeroBefore.sort());
            }
            for (const c of allVectors(3, ell)) {
              const r = reduce(BigUint64Array.from(c), basis, ell);
              expect(r.every((x) => x === 0n)).toBe(spanned.has(key(c)));
            }
          }),
          { numRuns: 10 },
        ),
      ),
      { numRuns: 12 },
    );
  });

  it('finds a low-bit relation (even coefficients) at ℓ = 64: 2^63·(a + b + c) = 0 when c ≡ a ⊕ b (mod 2)', () => {
    const N = 80;
    const words = (k: number): BigUint64Array => chachaWords(deriveKey(rootKey(16n), `column ${k}`), N);
    const a = words(1);
    const b = words(2);
    const c = a.map((x, i) => BigInt.asUintN(64, words(3)[i]! * 2n + ((x ^ b[i]!) & 1n)));
    const basis = kernel([a, b, c], 64);
    expect(basis.map((h) => [...h.row])).toEqual([[1n << 63n, 1n << 63n, 1n << 63n]]);
  });

  it('valuation and odd inverses', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), (x) => {
        const v = valuation(x);
        expect((x >> BigInt(v)) & 1n).toBe(1n);
        const u = x >> BigInt(v);
        expect(BigInt.asUintN(64, u * inverseOdd(u))).toBe(1n);
      }),
    );
  });
});
