// The local loops of the row-broadcast Beaver product (mul-by-row.ts) as split-able kernels
// (core/parallel/split-run.ts), one per party role as the plain product's (arithmetic/beaver-kernels.ts):
// a BigInt-valued conditional in a hot loop leaves V8's native 64-bit path. Element i of x lies in row
// ⌊i / n⌋; the opened vector is ε (|x| values) followed by δ (one value per row).
import { defineKernel } from '../../core/parallel/split-run.ts';

type Words = BigUint64Array;

/** out = (x − a) ‖ (r − b). Arrays [x, a, r, b, out (|x| + rows)], scalars [mask]; n = |x|. */
export const maskByRow = defineKernel(import.meta.url, 'rows/mask', (arrays, scalars, lo, hi) => {
  const [x, a, r, b, out] = arrays as [Words, Words, Words, Words, Words];
  const m = scalars[0]!;
  const N = x.length;
  for (let i = lo; i < hi; i++) out[i] = (x[i]! - a[i]!) & m;
  // The per-row part is short: the chunk that holds element 0 does it.
  if (lo === 0) for (let k = 0; k < r.length; k++) out[N + k] = (r[k]! - b[k]!) & m;
});

/**
 * Party 0: z = c + ε·b + δ·a + ε·δ with b, δ those of the element's row; ε‖δ = mine + other.
 * Arrays [c, a, b, mine, other, z], scalars [mask, row length].
 */
export const combineByRowLead = defineKernel(
  import.meta.url,
  'rows/combine-lead',
  (arrays, scalars, lo, hi) => {
    const [c, a, b, mine, other, z] = arrays as [Words, Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    const n = Number(scalars[1]!);
    const N = z.length;
    let row = Math.floor(lo / n);
    let end = (row + 1) * n;
    let bRow = b[row]!;
    let d = mine[N + row]! + other[N + row]!;
    for (let i = lo; i < hi; i++) {
      if (i === end) {
        row += 1;
        end += n;
        bRow = b[row]!;
        d = mine[N + row]! + other[N + row]!;
      }
      const e = mine[i]! + other[i]!;
      z[i] = (c[i]! + e * bRow + d * a[i]! + e * d) & m;
    }
  },
);

/** Other parties: z = c + ε·b + δ·a. Arrays and scalars as combineByRowLead. */
export const combineByRowOther = defineKernel(
  import.meta.url,
  'rows/combine-other',
  (arrays, scalars, lo, hi) => {
    const [c, a, b, mine, other, z] = arrays as [Words, Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    const n = Number(scalars[1]!);
    const N = z.length;
    let row = Math.floor(lo / n);
    let end = (row + 1) * n;
    let bRow = b[row]!;
    let d = mine[N + row]! + other[N + row]!;
    for (let i = lo; i < hi; i++) {
      if (i === end) {
        row += 1;
        end += n;
        bRow = b[row]!;
        d = mine[N + row]! + other[N + row]!;
      }
      z[i] = (c[i]! + (mine[i]! + other[i]!) * bRow + d * a[i]!) & m;
    }
  },
);
