// The local loops of the boolean Beaver AND (and.ts) as split-able kernels (core/parallel/split-run.ts).
// Split by party: a BigInt-valued conditional inside the loop leaves V8's native 64-bit path.
import { defineKernel } from '../../../core/parallel/split-run.ts';
import { ALL_ONES, type SimdBody, addressOf, combineAddresses } from '../../../core/wasm/kernels.ts';

type Words = BigUint64Array;

/** out = (x ⊕ a) ‖ (y ⊕ b). Arrays [x, a, y, b, out (2n)]; n = x.length. */
export const maskBothBits = defineKernel(
  import.meta.url,
  'and/mask-both',
  (arrays, _scalars, lo, hi) => {
    const [x, a, y, b, out] = arrays as [Words, Words, Words, Words, Words];
    const n = x.length;
    for (let i = lo; i < hi; i++) {
      out[i] = x[i]! ^ a[i]!;
      out[n + i] = y[i]! ^ b[i]!;
    }
  },
  {
    simd: (simd, arrays, _scalars, lo, hi) => {
      const [x, a, y, b, out] = arrays as [Words, Words, Words, Words, Words];
      simd.and_mask(
        ...[x, a, y, b].map((w) => addressOf(w)),
        addressOf(out),
        addressOf(out, x.length),
        lo,
        hi,
      );
    },
  },
);

/** The SIMD form of both combinations; `lead` all ones adds d ∧ e (party 0). */
const combineSimd =
  (lead: bigint): SimdBody =>
  (simd, arrays, _scalars, lo, hi) =>
    simd.and_combine(...combineAddresses(arrays), lead, lo, hi);

/** Party 0: z = c ⊕ (d ∧ b) ⊕ (e ∧ a) ⊕ (d ∧ e), d‖e = mine ⊕ other. Arrays [c, a, b, mine, other, z]. */
export const combineAndLead = defineKernel(
  import.meta.url,
  'and/combine-lead',
  (arrays, _scalars, lo, hi) => {
    const [c, a, b, mine, other, z] = arrays as [Words, Words, Words, Words, Words, Words];
    const n = z.length;
    for (let i = lo; i < hi; i++) {
      const d = mine[i]! ^ other[i]!;
      const e = mine[n + i]! ^ other[n + i]!;
      z[i] = c[i]! ^ (d & b[i]!) ^ (e & a[i]!) ^ (d & e);
    }
  },
  { simd: combineSimd(ALL_ONES) },
);

/** Other parties: z = c ⊕ (d ∧ b) ⊕ (e ∧ a). Arrays as combineAndLead. */
export const combineAndOther = defineKernel(
  import.meta.url,
  'and/combine-other',
  (arrays, _scalars, lo, hi) => {
    const [c, a, b, mine, other, z] = arrays as [Words, Words, Words, Words, Words, Words];
    const n = z.length;
    for (let i = lo; i < hi; i++)
      z[i] = c[i]! ^ ((mine[i]! ^ other[i]!) & b[i]!) ^ ((mine[n + i]! ^ other[n + i]!) & a[i]!);
  },
  { simd: combineSimd(0n) },
);
