// Rows of a tensor (DESIGN.md, Values: the last axis is the row). A tensor of shape [..., n] is
// rows × n values; a per-row value has shape [...] (the leading axes) or [..., 1]. These are the local
// operations every row-wise protocol shares — on clear values and on additive shares alike, since
// a sum and a broadcast are linear: a row sum of shares is a share of the row sum, at no cost.
import { inputError } from './errors.ts';
import { type RingTensor, ringMask, ringTensor } from './ring.ts';
import { type Shape, formatShape, sizeOf } from './shape.ts';
import { allocWords } from './word-pool.ts';

export interface RowDims {
  /** Number of rows: the product of the leading axes (1 for a vector). */
  readonly rows: number;
  /** Row length: the last axis. */
  readonly n: number;
}

/** Rows and row length of `shape`, or an input error naming the operand and the operation. */
export function rowDims(op: string, name: string, shape: Shape): RowDims {
  const n = shape[shape.length - 1];
  if (n === undefined || n === 0)
    throw inputError(
      `${op}: ${name} of shape ${formatShape(shape)} has ${n === undefined ? 'no axis' : 'rows of length 0'}; the last axis is the row and needs at least one value`,
    );
  return { rows: sizeOf(shape.slice(0, -1)), n };
}

/** The shape of one value per row of `shape`: the leading axes. */
export const perRowShape = (shape: Shape): Shape => shape.slice(0, -1);

/** Whether `per` holds one value per row of `shape`: shape [...] or [..., 1]. */
export function isPerRowOf(per: Shape, shape: Shape): boolean {
  const lead = shape.slice(0, -1);
  const same = (a: Shape): boolean => a.length === lead.length && a.every((d, i) => d === lead[i]);
  return same(per) || (per[per.length - 1] === 1 && same(per.slice(0, -1)));
}

/** Check that `per` holds one value per row of `x`, or an input error naming both operands. */
export function assertPerRow(
  op: string,
  x: { name: string; shape: Shape },
  per: { name: string; shape: Shape },
): void {
  if (!isPerRowOf(per.shape, x.shape))
    throw inputError(
      `${op}: shape mismatch: ${per.name} is ${formatShape(per.shape)} but ${x.name} is ${formatShape(x.shape)}; one value per row of ${x.name} is ${formatShape(perRowShape(x.shape))} or ${formatShape([...perRowShape(x.shape), 1])}`,
    );
}

/** 2^32, to split a sum of 32-bit halves into its low word and carry. */
const WORD = 4294967296;

/**
 * Σ over each row: shape [..., n] → [...]. Linear, so it is local on additive shares. Summed on the
 * words' 32-bit halves as Numbers (exact below 2^53, rows up to 2^21 values) — a BigInt accumulator
 * allocates at every step (measured 12× slower at [1 536, 128]).
 */
export function rowSum(x: RingTensor): RingTensor {
  const { rows, n } = rowDims('rowSum', 'x', x.shape);
  const out = allocWords(rows, false);
  const h = new Uint32Array(x.data.buffer, x.data.byteOffset, 2 * x.data.length);
  const o = new Uint32Array(out.buffer, out.byteOffset, 2 * rows);
  for (let r = 0; r < rows; r++) {
    let lo = 0;
    let hi = 0;
    for (let j = 2 * r * n; j < 2 * (r + 1) * n; j += 2) {
      lo += h[j]!;
      hi += h[j + 1]!;
    }
    o[2 * r] = lo >>> 0;
    o[2 * r + 1] = (hi + Math.floor(lo / WORD)) >>> 0;
  }
  if (x.ell < 64) {
    const m = ringMask(x.ell);
    for (let r = 0; r < rows; r++) out[r] = out[r]! & m;
  }
  return ringTensor(x.ell, perRowShape(x.shape), out);
}

/** Each row's value repeated over its row: per-row values (shape [...] or [..., 1]) → `shape`. */
export function broadcastRows(per: RingTensor, shape: Shape): RingTensor {
  assertPerRow('broadcastRows', { name: 'x', shape }, { name: 'per-row value', shape: per.shape });
  const { rows, n } = rowDims('broadcastRows', 'x', shape);
  const out = allocWords(rows * n, false);
  for (let r = 0; r < rows; r++) out.fill(per.data[r]!, r * n, (r + 1) * n);
  return ringTensor(per.ell, shape, out);
}

/**
 * x·p with p per row, elementwise: z[r, j] = x[r, j]·p[r] mod 2^ℓ (no truncation). On shares, p must be
 * public (or one of the two factors must be); a product of two shared factors is a protocol.
 */
export function mulByRow(x: RingTensor, per: RingTensor): RingTensor {
  assertPerRow('mulByRow', { name: 'x', shape: x.shape }, { name: 'per-row factor', shape: per.shape });
  const { rows, n } = rowDims('mulByRow', 'x', x.shape);
  const m = ringMask(x.ell);
  const out = allocWords(rows * n, false);
  const d = x.data;
  for (let r = 0; r < rows; r++) {
    const k = per.data[r]!;
    for (let j = r * n; j < (r + 1) * n; j++) out[j] = (d[j]! * k) & m;
  }
  return ringTensor(x.ell, x.shape, out);
}

/** The rows of x at the given row indices, in that order: shape [k, n] (local, public indices). */
export function takeRows(x: RingTensor, indices: readonly number[]): RingTensor {
  const { rows, n } = rowDims('takeRows', 'x', x.shape);
  const out = allocWords(indices.length * n, false);
  indices.forEach((r, k) => {
    if (!Number.isInteger(r) || r < 0 || r >= rows)
      throw inputError(`takeRows: row index ${r} is outside 0…${rows - 1}`);
    out.set(x.data.subarray(r * n, (r + 1) * n), k * n);
  });
  return ringTensor(x.ell, [indices.length, n], out);
}

/** Write the rows of `part` ([k, n]) at the given row indices of a tensor of `shape` (the others from `into`). */
export function putRows(into: RingTensor, indices: readonly number[], part: RingTensor): RingTensor {
  const { rows, n } = rowDims('putRows', 'x', into.shape);
  if (part.data.length !== indices.length * n)
    throw inputError(`putRows: ${part.data.length} values for ${indices.length} rows of ${n}`);
  const out = allocWords(rows * n, false);
  out.set(into.data);
  indices.forEach((r, k) => {
    if (!Number.isInteger(r) || r < 0 || r >= rows)
      throw inputError(`putRows: row index ${r} is outside 0…${rows - 1}`);
    out.set(part.data.subarray(k * n, (k + 1) * n), r * n);
  });
  return ringTensor(into.ell, into.shape, out);
}
