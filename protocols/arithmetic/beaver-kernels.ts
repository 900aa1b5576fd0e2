// The local loops of Beaver multiplication and squaring (mul.ts, square.ts) as split-able kernels
// (core/parallel/split-run.ts). They are the hottest loops of every transformer protocol. Each is a
// short loop in its own function, with the party-0 and other-party forms separate: a BigInt-valued
// conditional in the loop body makes V8 leave its native 64-bit path (measured 30× slower).
import { defineKernel } from '../../core/parallel/split-run.ts';
import { ALL_ONES, type SimdBody, addressOf, combineAddresses } from '../../core/wasm/kernels.ts';

type Words = BigUint64Array;

/** out = (x − a) ‖ (y − b). Arrays [x, a, y, b, out (2n)], scalars [mask]; n = x.length. */
export const maskBoth = defineKernel(
  import.meta.url,
  'beaver/mask-both',
  (arrays, scalars, lo, hi) => {
    const [x, a, y, b, out] = arrays as [Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    const n = x.length;
    for (let i = lo; i < hi; i++) {
      out[i] = (x[i]! - a[i]!) & m;
      out[n + i] = (y[i]! - b[i]!) & m;
    }
  },
  {
    simd: (simd, arrays, [m], lo, hi) => {
      const [x, a, y, b, out] = arrays as [Words, Words, Words, Words, Words];
      const halves = [addressOf(out), addressOf(out, x.length)];
      simd.beaver_mask(...[x, a, y, b].map((w) => addressOf(w)), ...halves, m!, lo, hi);
    },
  },
);

/** The SIMD form of both Beaver combinations; `lead` all ones adds ε·δ (party 0). */
const beaverCombineSimd =
  (lead: bigint): SimdBody =>
  (simd, arrays, [m], lo, hi) =>
    simd.beaver_combine(...combineAddresses(arrays), lead, m!, lo, hi);

/** The SIMD form of both square combinations; `lead` all ones adds e² (party 0). */
const squareCombineSimd =
  (lead: bigint): SimdBody =>
  (simd, arrays, [m], lo, hi) =>
    simd.square_combine(...arrays.map((w) => addressOf(w)), lead, m!, lo, hi);

/** Party 0: z = c + ε·b + δ·a + ε·δ, ε‖δ = mine + other. Arrays [c, a, b, mine, other, z], scalars [mask]. */
export const combineLead = defineKernel(
  import.meta.url,
  'beaver/combine-lead',
  (arrays, scalars, lo, hi) => {
    const [c, a, b, mine, other, z] = arrays as [Words, Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    const n = z.length;
    for (let i = lo; i < hi; i++) {
      const e = mine[i]! + other[i]!;
      const d = mine[n + i]! + other[n + i]!;
      z[i] = (c[i]! + e * b[i]! + d * a[i]! + e * d) & m;
    }
  },
  { simd: beaverCombineSimd(ALL_ONES) },
);

/** Other parties: z = c + ε·b + δ·a. Arrays and scalars as combineLead. */
export const combineOther = defineKernel(
  import.meta.url,
  'beaver/combine-other',
  (arrays, scalars, lo, hi) => {
    const [c, a, b, mine, other, z] = arrays as [Words, Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    const n = z.length;
    for (let i = lo; i < hi; i++)
      z[i] = (c[i]! + (mine[i]! + other[i]!) * b[i]! + (mine[n + i]! + other[n + i]!) * a[i]!) & m;
  },
  { simd: beaverCombineSimd(0n) },
);

/** Party 0: z = r² + 2·e·r + e², e = mine + other. Arrays [r, r2, mine, other, z], scalars [mask]. */
export const squareLead = defineKernel(
  import.meta.url,
  'square/combine-lead',
  (arrays, scalars, lo, hi) => {
    const [r, r2, mine, other, z] = arrays as [Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    for (let i = lo; i < hi; i++) {
      const e = mine[i]! + other[i]!;
      z[i] = (r2[i]! + 2n * e * r[i]! + e * e) & m;
    }
  },
  { simd: squareCombineSimd(ALL_ONES) },
);

/** Other parties: z = r² + 2·e·r. Arrays and scalars as squareLead. */
export const squareOther = defineKernel(
  import.meta.url,
  'square/combine-other',
  (arrays, scalars, lo, hi) => {
    const [r, r2, mine, other, z] = arrays as [Words, Words, Words, Words, Words];
    const m = scalars[0]!;
    for (let i = lo; i < hi; i++) z[i] = (r2[i]! + 2n * (mine[i]! + other[i]!) * r[i]!) & m;
  },
  { simd: squareCombineSimd(0n) },
);
