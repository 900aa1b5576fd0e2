// Scalars of Z_{2^ℓ} for the relation search (ℓ ≤ 64): every nonzero element is 2^v·u with u odd, so
// the 2-adic valuation v and the inverse of the odd part are all that Gaussian elimination over the
// ring needs (Howell, "Spans in the module (Z_m)^s", 1986; Storjohann & Mulders, "Fast algorithms for
// linear algebra modulo N", 1998).
import { ringMask } from '../../core/ring.ts';

/** The number of trailing zero bits of x (x ≠ 0). */
export function valuation(x: bigint): number {
  const lo = Number(x & 0xffffffffn);
  if (lo !== 0) return 31 - Math.clz32(lo & -lo);
  const hi = Number((x >> 32n) & 0xffffffffn);
  return 32 + 31 - Math.clz32(hi & -hi);
}

/** u⁻¹ mod 2^64 for odd u, by Newton's iteration (each step doubles the correct low bits: 3 → 96). */
export function inverseOdd(u: bigint): bigint {
  let inv = u; // u·u ≡ 1 (mod 8)
  for (let i = 0; i < 5; i++) inv = BigInt.asUintN(64, inv * (2n - u * inv));
  return inv;
}

/** x as a signed integer of Z_{2^ℓ} (the representative in [−2^(ℓ−1), 2^(ℓ−1))). */
export const signedOf = (x: bigint, ell: number): bigint => BigInt.asIntN(ell, x & ringMask(ell));
