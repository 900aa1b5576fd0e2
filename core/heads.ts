// Attention heads as a layout (ALGORITHMS.md §4, §6): a projection's output [N, H·d] holds H heads of
// d columns side by side; per-head products want [H, N, d]. Splitting, merging, transposing and picking
// heads only move values, so they are local on additive shares and exact on clear values; the same
// index maps serve ring tensors and float64 arrays.
import { inputError } from './errors.ts';
import { type RingTensor, ringTensor } from './ring.ts';
import { type Shape, formatShape } from './shape.ts';
import { allocWords } from './word-pool.ts';

type Words = BigUint64Array | Float64Array;

/** [N, H·d] → [H, N, d] into `out`. */
function splitInto<T extends Words>(x: T, out: T, n: number, h: number, d: number): T {
  for (let i = 0; i < n; i++)
    for (let head = 0; head < h; head++)
      for (let j = 0; j < d; j++) out[(head * n + i) * d + j] = x[i * h * d + head * d + j]!;
  return out;
}

/** [H, N, d] → [N, H·d] into `out`. */
function mergeInto<T extends Words>(x: T, out: T, n: number, h: number, d: number): T {
  for (let head = 0; head < h; head++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++) out[i * h * d + head * d + j] = x[(head * n + i) * d + j]!;
  return out;
}

/** [B, r, c] → [B, c, r] into `out`. */
function transposeInto<T extends Words>(x: T, out: T, b: number, r: number, c: number): T {
  for (let k = 0; k < b; k++)
    for (let i = 0; i < r; i++)
      for (let j = 0; j < c; j++) out[(k * c + j) * r + i] = x[(k * r + i) * c + j]!;
  return out;
}

/** N and d of a [N, H·d] operand with H heads, or an input error naming it. */
export function headLayout(op: string, name: string, shape: Shape, heads: number): { n: number; d: number } {
  const [n, width] = shape;
  if (shape.length !== 2 || n === undefined || width === undefined || heads < 1 || width % heads !== 0)
    throw inputError(
      `${op}: ${name} of shape ${formatShape(shape)} is not [N, H·d] with H = ${heads} heads; its last axis must be a multiple of ${heads}`,
    );
  return { n, d: width / heads };
}

/** Shares or clear values [N, H·d] as [H, N, d]. */
export function splitHeads(x: RingTensor, heads: number): RingTensor {
  const { n, d } = headLayout('splitHeads', 'x', x.shape, heads);
  return ringTensor(x.ell, [heads, n, d], splitInto(x.data, allocWords(x.data.length, false), n, heads, d));
}

/** [H, N, d] as [N, H·d]. */
export function mergeHeads(x: RingTensor): RingTensor {
  const [h, n, d] = x.shape as [number, number, number];
  return ringTensor(x.ell, [n, h * d], mergeInto(x.data, allocWords(x.data.length, false), n, h, d));
}

/** [B, r, c] as [B, c, r]. */
export function transposeBatch(x: RingTensor): RingTensor {
  const [b, r, c] = x.shape as [number, number, number];
  return ringTensor(x.ell, [b, c, r], transposeInto(x.data, allocWords(x.data.length, false), b, r, c));
}

/** Float64 twins of the above, for ideal functions. */
export const splitHeadsReal = (x: Float64Array, n: number, heads: number, d: number): Float64Array =>
  splitInto(x, new Float64Array(x.length), n, heads, d);
export const mergeHeadsReal = (x: Float64Array, n: number, heads: number, d: number): Float64Array =>
  mergeInto(x, new Float64Array(x.length), n, heads, d);
export const transposeBatchReal = (x: Float64Array, b: number, r: number, c: number): Float64Array =>
  transposeInto(x, new Float64Array(x.length), b, r, c);

/** Float64 batched product [B, m, k]·[B, k, n] (one right operand for all when `sharedB`). */
export function matmulBatchReal(
  a: Float64Array,
  b: Float64Array,
  batch: number,
  m: number,
  k: number,
  n: number,
  sharedB = false,
): Float64Array {
  const out = new Float64Array(batch * m * n);
  for (let t = 0; t < batch; t++) {
    const bo = sharedB ? 0 : t * k * n;
    for (let i = 0; i < m; i++)
      for (let p = 0; p < k; p++) {
        const v = a[(t * m + i) * k + p]!;
        if (v === 0) continue;
        const row = (t * m + i) * n;
        for (let j = 0; j < n; j++) out[row + j]! += v * b[bo + p * n + j]!;
      }
  }
  return out;
}
