// The crypten profile takes CrypTen 0.4's fixed-point steps (crypten/common/functions/approximations.py):
// an independent scalar re-statement of those steps in BigInt (Python-style floor division, constants
// encoded as int(c·2^16) toward zero) must agree bit for bit with the registered references.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromIntegers } from '../../core/ring.ts';
import { findProtocol } from '../../registry/index.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import { kernelConfig } from './helpers.ts';

const config = kernelConfig('crypten');
const F = 1n << 16n;
const fl = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b)); // Python a // b
const enc = (c: number): bigint => BigInt(Math.trunc(c * 65536)); // torch (c * scale).long()
const mulP = (a: bigint, b: bigint): bigint => fl(a * b, F); // private × private, then div_(scale)

function cryptenExp(x: bigint, iters = 8): bigint {
  let r = F + fl(x, 1n << BigInt(iters)); // 1 + self.div(2**iters)
  for (let i = 0; i < iters; i++) r = mulP(r, r); // result.square()
  return r;
}

function cryptenReciprocalPos(x: bigint): bigint {
  let r = 3n * cryptenExp(F - 2n * x) + enc(0.003); // 3 * (1 - 2 * self).exp() + 0.003
  for (let i = 0; i < 10; i++) r = r + (r - mulP(mulP(r, r), x)); // result += result - result.square().mul_(self)
  return r;
}

function cryptenInvSqrt(x: bigint): bigint {
  const e = cryptenExp(-(fl(x, 2n) + enc(0.2))); // exp(self.div(2).add(0.2).neg())
  let y = fl(e * enc(2.2), F) + enc(0.2) - fl(x, 1024n); // .mul(2.2).add(0.2); y -= self.div(1024)
  for (let i = 0; i < 3; i++) y = fl(mulP(y, 3n * F - mulP(x, mulP(y, y))), 2n); // y.mul_(3 - self * y.square()).div_(2)
  return y;
}

const reference = (id: string, xs: bigint[]): bigint[] => {
  const p = findProtocol(id).bind();
  const shapes = p.shapes(xs.length);
  const out = p.reference(config, { x: fromIntegers(64, shapes['x']!, xs) }, shapes)['z']!;
  return Array.from(out.data, (v) => BigInt.asIntN(64, v));
};

const units = (lo: number, hi: number) =>
  fc.integer({ min: Math.ceil(lo * 65536), max: Math.floor(hi * 65536) });

describe('crypten profile = CrypTen 0.4 numerics', () => {
  it('constants encode toward zero: 0.003 → 196/65536, 2.2 → 144179, 2/√π → 73949', () => {
    expect(encodedConstant(config, 0.003)).toBe(196n);
    expect(encodedConstant(config, 2.2)).toBe(144179n);
    expect(encodedConstant(config, 2 / Math.sqrt(Math.PI))).toBe(73949n);
    expect(encodedConstant(config, -0.1)).toBe(-6553n);
  });

  it('exp', () => {
    fc.assert(
      fc.property(fc.array(units(-64, 4), { minLength: 1, maxLength: 50 }), (xs) => {
        const b = xs.map(BigInt);
        expect(reference('exp', b)).toEqual(b.map((x) => cryptenExp(x)));
      }),
    );
  });

  it('reciprocal (all positive)', () => {
    fc.assert(
      fc.property(fc.array(units(0.01, 50), { minLength: 1, maxLength: 50 }), (xs) => {
        const b = xs.map(BigInt);
        expect(reference('reciprocal_nr_pos', b)).toEqual(b.map(cryptenReciprocalPos));
      }),
    );
  });

  it('inv_sqrt', () => {
    fc.assert(
      fc.property(fc.array(units(0.2, 150), { minLength: 1, maxLength: 50 }), (xs) => {
        const b = xs.map(BigInt);
        expect(reference('inv_sqrt_nr', b)).toEqual(b.map(cryptenInvSqrt));
      }),
    );
  });
});
