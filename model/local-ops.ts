// The plan's local rearrangements (model/plan.ts LocalOp) on shares and on float64 values alike: they
// only move values (columns of a fused projection, the column blocks of some heads, some rows), so each
// party applies them to its shares with no message, and the float64 forward applies them to values.
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { allocWords } from '../core/word-pool.ts';
import type { Shape } from '../core/shape.ts';
import type { LocalOp } from './plan.ts';

type Words = BigUint64Array | Float64Array;

/** Copy column blocks: for each (from, to, width), out[:, to:to+width] = x[:, from:from+width]. */
function copyColumns<T extends Words>(
  x: T,
  xWidth: number,
  out: T,
  outWidth: number,
  rows: number,
  blocks: readonly (readonly [number, number, number])[],
): void {
  for (let r = 0; r < rows; r++)
    for (const [from, to, width] of blocks)
      out.set(x.subarray(r * xWidth + from, r * xWidth + from + width) as never, r * outWidth + to);
}

/** Apply a local op to values of one kind, given the slots' values and shapes. */
function apply<T extends Words>(
  op: LocalOp,
  get: (slot: string) => { values: T; shape: Shape },
  make: (n: number) => T,
): { values: T; shape: Shape } {
  switch (op.op) {
    case 'columns': {
      const { values, shape } = get(op.from);
      const [n, w] = shape as [number, number];
      const out = make(n * op.width);
      copyColumns(values, w, out, op.width, n, [[op.start, 0, op.width]]);
      return { values: out, shape: [n, op.width] };
    }
    case 'heads': {
      const { values, shape } = get(op.from);
      const [n, w] = shape as [number, number];
      const width = op.heads.length * op.d;
      const out = make(n * width);
      copyColumns(
        values,
        w,
        out,
        width,
        n,
        op.heads.map((h, i) => [h * op.d, i * op.d, op.d] as const),
      );
      return { values: out, shape: [n, width] };
    }
    case 'merge-heads': {
      const parts = op.parts.map((p) => ({ ...get(p.from), heads: p.heads }));
      const n = parts[0]!.shape[0]!;
      const width = parts.reduce((a, p) => a + p.heads.length, 0) * op.d;
      const out = make(n * width);
      for (const p of parts)
        copyColumns(
          p.values,
          p.shape[1]!,
          out,
          width,
          n,
          p.heads.map((h, i) => [i * op.d, h * op.d, op.d] as const),
        );
      return { values: out, shape: [n, width] };
    }
    case 'rows': {
      const { values, shape } = get(op.from);
      const w = shape[1]!;
      const out = make(op.rows.length * w);
      op.rows.forEach((r, k) => out.set(values.subarray(r * w, (r + 1) * w) as never, k * w));
      return { values: out, shape: [op.rows.length, w] };
    }
    case 'merge-rows': {
      const parts = op.parts.map((p) => ({ ...get(p.from), rows: p.rows }));
      const w = parts[0]!.shape[1]!;
      const n = parts.reduce((a, p) => a + p.rows.length, 0);
      const out = make(n * w);
      for (const p of parts)
        p.rows.forEach((r, k) => out.set(p.values.subarray(k * w, (k + 1) * w) as never, r * w));
      return { values: out, shape: [n, w] };
    }
  }
}

/** The op on shares (or clear ring values). */
export function applyToShares(op: LocalOp, get: (slot: string) => RingTensor): RingTensor {
  let ell = 64;
  const r = apply(
    op,
    (s) => {
      const t = get(s);
      ell = t.ell;
      return { values: t.data, shape: t.shape };
    },
    (n) => allocWords(n),
  );
  return ringTensor(ell, r.shape, r.values);
}

/** The op on float64 values of the given shapes. */
export const applyToReals = (
  op: LocalOp,
  get: (slot: string) => { values: Float64Array; shape: Shape },
): { values: Float64Array; shape: Shape } => apply(op, get, (n) => new Float64Array(n));
