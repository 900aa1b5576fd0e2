// The two loops of one Sklansky level of the binary adder (adder.ts) as split-able kernels
// (core/parallel/split-run.ts). Kept short, every BigInt intermediate used once: V8 then keeps the chains
// in 64-bit registers; a long loop juggling many live BigInt values, or one inside an async function,
// falls back to heap BigInts (measured 10× slower). w = S.length words per operand.
import { defineKernel } from '../../core/parallel/split-run.ts';
import { addressOf } from '../../core/wasm/kernels.ts';

type Words = BigUint64Array;

/**
 * [X ⊕ a ; Y ⊕ b] with X = [P0; P0] and Y = [S1; P1] (P0 = P ∧ outMask, ·1 = (· ∧ inMask)·multiplier).
 * Arrays [S, P, a (2w), b (2w), masked (4w)], scalars [mask, inMask, outMask, multiplier].
 */
export const maskLevel = defineKernel(
  import.meta.url,
  'adder/mask-level',
  (arrays, scalars, lo, hi) => {
    const [S, P, ad, bd, masked] = arrays as [Words, Words, Words, Words, Words];
    const [m, inMask, outMask, multiplier] = scalars as [bigint, bigint, bigint, bigint];
    const w = S.length;
    for (let k = lo; k < hi; k++) {
      masked[k] = (P[k]! & outMask) ^ ad[k]!;
      masked[w + k] = (P[k]! & outMask) ^ ad[w + k]!; // recomputed, not reused: see above
    }
    for (let k = lo; k < hi; k++) {
      masked[2 * w + k] = (((S[k]! & inMask) * multiplier) & m) ^ bd[k]!;
      masked[3 * w + k] = (((P[k]! & inMask) * multiplier) & m) ^ bd[w + k]!;
    }
  },
  {
    simd: (simd, arrays, scalars, lo, hi) => {
      const [S, P, ad, bd, masked] = arrays as [Words, Words, Words, Words, Words];
      const w = S.length;
      simd.mask_level(
        ...[S, P].map((a) => addressOf(a)),
        ...[ad, bd].flatMap((a) => [addressOf(a), addressOf(a, w)]),
        ...[0, 1, 2, 3].map((q) => addressOf(masked, q * w)),
        ...scalars,
        lo,
        hi,
      );
    },
  },
);

/**
 * S ← S ⊕ U_S and P ← (P ∧ ¬outMask) ⊕ U_P, U the Beaver combination of the opened d, e; `lead` is all
 * ones at party 0 (which adds d ∧ e) and 0 elsewhere, a mask instead of a BigInt conditional.
 * Arrays [mine (4w), other (4w), S, P, a, b, c], scalars [lead, notOutMask].
 */
export const combineLevel = defineKernel(
  import.meta.url,
  'adder/combine-level',
  (arrays, scalars, lo, hi) => {
    const [mine, other, S, P, ad, bd, cd] = arrays as [Words, Words, Words, Words, Words, Words, Words];
    const [lead, notOutMask] = scalars as [bigint, bigint];
    const w = S.length;
    for (let k = lo; k < hi; k++) {
      const dS = mine[k]! ^ other[k]!;
      const eS = mine[2 * w + k]! ^ other[2 * w + k]!;
      S[k] = S[k]! ^ cd[k]! ^ (dS & bd[k]!) ^ (eS & ad[k]!) ^ (dS & eS & lead);
    }
    for (let k = lo; k < hi; k++) {
      const dP = mine[w + k]! ^ other[w + k]!;
      const eP = mine[3 * w + k]! ^ other[3 * w + k]!;
      P[k] = (P[k]! & notOutMask) ^ cd[w + k]! ^ (dP & bd[w + k]!) ^ (eP & ad[w + k]!) ^ (dP & eP & lead);
    }
  },
  {
    simd: (simd, arrays, scalars, lo, hi) => {
      const [mine, other, S, P, ad, bd, cd] = arrays as [Words, Words, Words, Words, Words, Words, Words];
      const w = S.length;
      const quarters = (x: Words): number[] => [0, 1, 2, 3].map((q) => addressOf(x, q * w));
      simd.combine_level(
        ...quarters(mine),
        ...quarters(other),
        addressOf(S),
        addressOf(P),
        ...[ad, bd, cd].flatMap((a) => [addressOf(a), addressOf(a, w)]),
        ...scalars,
        lo,
        hi,
      );
    },
  },
);

/** The sum: P ← P ⊕ ((S ≪ 1) ∧ mask), over the propagate words. Arrays [P, S], scalars [mask]. */
export const finishSum = defineKernel(
  import.meta.url,
  'adder/finish',
  (arrays, scalars, lo, hi) => {
    const [P, S] = arrays as [Words, Words];
    const m = scalars[0]!;
    for (let k = lo; k < hi; k++) P[k] = P[k]! ^ ((S[k]! * 2n) & m);
  },
  { simd: (simd, [P, S], [m], lo, hi) => simd.adder_finish(addressOf(P!), addressOf(S!), m!, lo, hi) },
);
