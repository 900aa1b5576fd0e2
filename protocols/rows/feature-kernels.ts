// The local loops of the per-feature Beaver product (mul-by-feature.ts) as split-able kernels
// (core/parallel/split-run.ts), one per party role as the row product's (row-kernels.ts). Element i of
// x is feature i mod n; the opened vector is ε (|x| values) followed by δ (one value per feature).
import { defineKernel } from '../../core/parallel/split-run.ts';

type Words = BigUint64Array;

/** out = (x − a) ‖ (g − b). Arrays [x, a, g, b, out (|x| + n)], scalars [mask]. */
export const maskByFeature = defineKernel(import.meta.url, 'features/mask', (arrays, scalars, lo, hi) => {
  const [x, a, g, b, out] = arrays as [Words, Words, Words, Words, Words];
  const m = scalars[0]!;
  const N = x.length;
  for (let i = lo; i < hi; i++) out[i] = (x[i]! - a[i]!) & m;
  // The per-feature part is short: the chunk that holds element 0 does it.
  if (lo === 0) for (let j = 0; j < g.length; j++) out[N + j] = (g[j]! - b[j]!) & m;
});

/**
 * Party 0: z = c + ε·b + δ·a + ε·δ with b, δ those of the element's feature; ε‖δ = mine + other.
 * Arrays [c, a, b, mine, other, z], scalars [mask, n].
 */
export const combineByFeatureLead = defineKernel(
  import.meta.url,
  'features/combine-lead',
  (arrays, scalars, lo, hi) => {
    const [c, a, b, mine, other, z] = arrays as [Words, Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    const n = Number(scalars[1]!);
    const N = z.length;
    let j = lo % n;
    for (let i = lo; i < hi; i++) {
      const e = mine[i]! + other[i]!;
      const d = mine[N + j]! + other[N + j]!;
      z[i] = (c[i]! + e * b[j]! + d * a[i]! + e * d) & m;
      j = j + 1 === n ? 0 : j + 1;
    }
  },
);

/** Other parties: z = c + ε·b + δ·a. Arrays and scalars as combineByFeatureLead. */
export const combineByFeatureOther = defineKernel(
  import.meta.url,
  'features/combine-other',
  (arrays, scalars, lo, hi) => {
    const [c, a, b, mine, other, z] = arrays as [Words, Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    const n = Number(scalars[1]!);
    const N = z.length;
    let j = lo % n;
    for (let i = lo; i < hi; i++) {
      const d = mine[N + j]! + other[N + j]!;
      z[i] = (c[i]! + (mine[i]! + other[i]!) * b[j]! + d * a[i]!) & m;
      j = j + 1 === n ? 0 : j + 1;
    }
  },
);
