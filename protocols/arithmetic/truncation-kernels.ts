// The two local loops of the dealer-assisted truncation (truncate.ts, ALGORITHMS.md §1) as split-able
// kernels (core/parallel/split-run.ts). Loops are split by party through the `lead` and `shift` scalars
// (0 at every party but 0) rather than written with BigInt conditionals, which V8 does not keep on its
// 64-bit path.
import { defineKernel } from '../../core/parallel/split-run.ts';

type Words = BigUint64Array;

/** out = x + r + shift. Arrays [x, r, out], scalars [shift, mask]. */
export const addMasks = defineKernel(import.meta.url, 'trunc/add-masks', (arrays, scalars, lo, hi) => {
  const [x, r, out] = arrays as [Words, Words, Words];
  const [shift, m] = scalars as [bigint, bigint];
  for (let i = lo; i < hi; i++) out[i] = (x[i]! + r[i]! + shift) & m;
});

/**
 * From the opened c = x + r + 2^(ℓ−2), for a divisor d (2^k, or a public integer): out = pub − rLow +
 * ⌊2^(ℓ−1)/d⌋·⟨msb(c) ⊕ msb(r)⟩, where pub = ⌊(c mod 2^(ℓ−1)) / d⌋ − ⌊2^(ℓ−2)/d⌋ and msb(c) are taken by
 * party 0 only (lead = 1 there, else 0). Arrays [c, rLow, rMsb, out], scalars [mask, low = 2^(ℓ−1) − 1,
 * d, msbWeight = ⌊2^(ℓ−1)/d⌋, unshift = ⌊2^(ℓ−2)/d⌋, lead].
 */
export const unmaskTruncation = defineKernel(import.meta.url, 'trunc/unmask', (arrays, scalars, lo, hi) => {
  const [c, rLow, rMsb, out] = arrays as [Words, Words, Words, Words];
  const [m, low, div, msbWeight, unshift, lead] = scalars as [bigint, bigint, bigint, bigint, bigint, bigint];
  for (let i = lo; i < hi; i++) {
    const ci = c[i]!;
    const cMsb = (ci & ~low & m) / (low + 1n);
    const pub = ((ci & low) / div - unshift) * lead;
    // share of b = msb(c) ⊕ msb(r) = msb(c) + msb(r)·(1 − 2·msb(c)), linear in the shared msb(r)
    const bShare = cMsb * lead + rMsb[i]! * (1n - 2n * cMsb);
    out[i] = (pub - rLow[i]! + msbWeight * bShare) & m;
  }
});
