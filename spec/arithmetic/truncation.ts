// Truncation by 2^k (ALGORITHMS.md §1) — cost and error of the three methods:
//   local-trunc    (CrypTen, 2 parties): each party divides its signed share by 2^k toward zero.
//   local-secureml (SecureML, 2 parties): party 0 takes ⌊x₀/2^k⌋, party 1 takes −⌊−x₁/2^k⌋.
//   dealer         (any n): dealer gives ⟨r⟩, ⟨⌊(r mod 2^(ℓ−1))/2^k⌋⟩, ⟨msb(r)⟩; open c = x + 2^(ℓ−2) + r;
//                  ⌊x/2^k⌋ = ⌊c'/2^k⌋ − ⟨r''⟩ + 2^(ℓ−1−k)·(msb(c) ⊕ ⟨msb(r)⟩) − 2^(ℓ−2−k) (+1 w.p. < 1),
//                  exact up to one ulp whenever |x| < 2^(ℓ−2).
// Local methods wrap with probability ≤ |x|/2^(ℓ−1) (the two shares overflow as signed integers), and
// the result is then off by a multiple of 2^(ℓ−k).
// Division by a public integer D that is not a power of two (a row mean's 1/n; CrypTen's `div` by an
// integer) runs the same three methods with D for 2^k: local-trunc divides each signed share toward
// zero, local-secureml floors party 0's share and ceils the others', and the dealer's pair carries
// ⌊(r mod 2^(ℓ−1))/D⌋ while the opened c's correction uses ⌊2^(ℓ−1)/D⌋ and ⌊2^(ℓ−2)/D⌋ — whose dropped
// fractions add one ulp to the dealer method (2 ulps); a wrap is then off by 2^ℓ/D, not a multiple of
// anything, so the element is garbage.
import type { Config } from '../config.ts';
import { dealerCost, free, openToAllCost, seq } from '../cost.ts';
import type { Bounds, Cost } from '../types.ts';
import { TRUNC_PAIR } from '../material.ts';

/** Truncating `elements` values by 2^k (k = f unless given); by 2^0 there is nothing to do. */
export function truncationCost(config: Config, elements: number, k = config.f): Cost {
  if (config.truncation !== 'dealer' || k === 0) return free(config);
  return seq(config, dealerCost(config, TRUNC_PAIR, elements, 3 * elements), openToAllCost(config, elements));
}

/**
 * Error of one truncation by 2^k of values with |x| ≤ maxAbs (ring units), against ⌊x/2^k⌋:
 * local-trunc is within 2 ulps (1 when the shares have opposite signs), the others within 1.
 */
export function truncationBounds(
  config: Config,
  k: number,
  maxAbs: number,
): Pick<Bounds, 'implementationUlps' | 'wrap'> {
  if (config.truncation === 'dealer') return { implementationUlps: 1 };
  return {
    implementationUlps: config.truncation === 'local-trunc' ? 2 : 1,
    wrap: { probability: Math.min(1, maxAbs / 2 ** (config.ell - 1)), modulus: 1n << BigInt(config.ell - k) },
  };
}

/** Ulps by which a secure division by the public integer d may deviate from ⌊x/d⌋ (see the header). */
export function divisionUlps(config: Config, d: number): number {
  const powerOfTwo = Number.isInteger(Math.log2(d));
  if (config.truncation === 'dealer') return powerOfTwo ? 1 : 2;
  return config.truncation === 'local-trunc' ? 2 : 1;
}
