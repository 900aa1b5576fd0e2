// Elementwise ring kernels that run split across threads (core/parallel/split-run.ts): the loops of
// ring-ops.ts, shift.ts and the dealer's share split that dominate large products. Arrays and scalars
// are positional; each body handles elements [lo, hi).
import { defineKernel } from './parallel/split-run.ts';
import { type SimdBody, addressOf } from './wasm/kernels.ts';

/** The SIMD form of out = x op y: arrays [x, y, out], then the kernel's scalars (the mask, if any). */
const binarySimd =
  (loop: 'add' | 'sub' | 'mul' | 'xor' | 'and'): SimdBody =>
  (simd, [x, y, out], scalars, lo, hi) =>
    simd[loop](addressOf(x!), addressOf(y!), addressOf(out!), ...scalars, lo, hi);

/** out = (x + y) mod 2^ℓ; `out` may be `x`. Arrays [x, y, out], scalars [mask]. */
export const addWords = defineKernel(
  import.meta.url,
  'ring/add',
  (arrays, scalars, lo, hi) => {
    const [x, y, out] = arrays as [BigUint64Array, BigUint64Array, BigUint64Array];
    const m = scalars[0]!;
    for (let i = lo; i < hi; i++) out[i] = (x[i]! + y[i]!) & m;
  },
  { simd: binarySimd('add') },
);

/** out = (x − y) mod 2^ℓ; `out` may be `x`. Arrays [x, y, out], scalars [mask]. */
export const subtractWords = defineKernel(
  import.meta.url,
  'ring/sub',
  (arrays, scalars, lo, hi) => {
    const [x, y, out] = arrays as [BigUint64Array, BigUint64Array, BigUint64Array];
    const m = scalars[0]!;
    for (let i = lo; i < hi; i++) out[i] = (x[i]! - y[i]!) & m;
  },
  { simd: binarySimd('sub') },
);

/** out = x·y mod 2^ℓ. Arrays [x, y, out], scalars [mask]. */
export const multiplyWords = defineKernel(
  import.meta.url,
  'ring/mul',
  (arrays, scalars, lo, hi) => {
    const [x, y, out] = arrays as [BigUint64Array, BigUint64Array, BigUint64Array];
    const m = scalars[0]!;
    for (let i = lo; i < hi; i++) out[i] = (x[i]! * y[i]!) & m;
  },
  { simd: binarySimd('mul') },
);

/**
 * Signed 64-bit words divided by d, rounded toward zero (V8 lowers BigInt64 division by a variable to a
 * native instruction, a variable shift it does not). Arrays [src, dst] (dst may be src), scalars [d].
 */
export const divideWords64 = defineKernel(
  import.meta.url,
  'ring/div64',
  (arrays, scalars, lo, hi) => {
    const [src, dst] = arrays as [BigUint64Array, BigUint64Array];
    const s = new BigInt64Array(src.buffer, src.byteOffset, src.length);
    const t = new BigInt64Array(dst.buffer, dst.byteOffset, dst.length);
    const d = scalars[0]!;
    for (let i = lo; i < hi; i++) t[i] = s[i]! / d;
  },
  {
    // SIMD has no division: a power-of-two divisor (truncation's 2^f) becomes a biased shift.
    simd: (simd, [src, dst], [d], lo, hi) => {
      const k = powerOfTwoExponent(d!);
      if (k === undefined) return false;
      simd.div_pow2(addressOf(src!), addressOf(dst!), k, lo, hi);
    },
  },
);

/** k when d = 2^k with 0 ≤ k ≤ 63, else undefined. */
function powerOfTwoExponent(d: bigint): number | undefined {
  if (d <= 0n || d > 1n << 63n || (d & (d - 1n)) !== 0n) return undefined;
  return d.toString(2).length - 1;
}

/** out = x ⊕ y. Arrays [x, y, out]. */
export const xorWords = defineKernel(
  import.meta.url,
  'bits/xor',
  (arrays, _scalars, lo, hi) => {
    const [x, y, out] = arrays as [BigUint64Array, BigUint64Array, BigUint64Array];
    for (let i = lo; i < hi; i++) out[i] = x[i]! ^ y[i]!;
  },
  { simd: binarySimd('xor') },
);

/** out = x ∧ y. Arrays [x, y, out]. */
export const andWords = defineKernel(
  import.meta.url,
  'bits/and',
  (arrays, _scalars, lo, hi) => {
    const [x, y, out] = arrays as [BigUint64Array, BigUint64Array, BigUint64Array];
    for (let i = lo; i < hi; i++) out[i] = x[i]! & y[i]!;
  },
  { simd: binarySimd('and') },
);

const BIT = BigUint64Array.of(0n, 1n);

/**
 * out = bit j of each word, read through a 32-bit view (little-endian, as core/prg.ts requires): number
 * shifts by a variable amount are cheap, BigInt ones are not. Arrays [words, out], scalars [j].
 */
export const bitOfWords = defineKernel(
  import.meta.url,
  'bits/bit-at',
  (arrays, scalars, lo, hi) => {
    const [words, out] = arrays as [BigUint64Array, BigUint64Array];
    const halves = new Uint32Array(words.buffer, words.byteOffset, 2 * words.length);
    const j = Number(scalars[0]!);
    const half = j >>> 5;
    const shift = j & 31;
    for (let i = lo; i < hi; i++) out[i] = BIT[(halves[2 * i + half]! >>> shift) & 1]!;
  },
  {
    simd: (simd, [words, out], [j], lo, hi) =>
      simd.bit_at(addressOf(words!), addressOf(out!), Number(j!), lo, hi),
  },
);
