// The local loops of the boolean Beaver AND (and.ts) as split-able kernels (core/parallel/split-run.ts).
// Split by party: a BigInt-valued conditional inside the loop leaves V8's native 64-bit path.
import { defineKernel } from '../../../core/parallel/split-run.ts';

type Words = BigUint64Array;

/** out = (x ⊕ a) ‖ (y ⊕ b). Arrays [x, a, y, b, out (2n)]; n = x.length. */
export const maskBothBits = defineKernel(import.meta.url, 'and/mask-both', (arrays, _scalars, lo, hi) => {
  const [x, a, y, b, out] = arrays as [Words, Words, Words, Words, Words];
  const n = x.length;
  for (let i = lo; i < hi; i++) {
    out[i] = x[i]! ^ a[i]!;
    out[n + i] = y[i]! ^ b[i]!;
  }
});

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
);
