// Which heads take which normaliser (ALGORITHMS.md §6; MPCViT arXiv 2211.13955 §3.3, heterogeneous
// attention): a public per-head choice, given either as a mask or as MPCViT's architecture parameters α
// with a ratio μ. MPCViT's binarisation is global over the layers: sort the L·H values α ascending; the
// heads at sorted positions ≥ ⌊(1 − μ)·L·H⌋ — the top μ fraction — take the ReLU softmax (RSAttn), the
// rest ScaleAttn (equal α keep their head order, the sort being stable). CIFAR's vit_7_4_32 has
// L·H = 28 heads, and μ = 0.5 keeps 14. The heads are the axes of x before the last two ([H, N, N], or
// [L, H, N, N] with the layers' heads in row-major order).
import * as t from 'io-ts';
import { inputError } from '../../core/errors.ts';
import { type Shape, formatShape, sizeOf } from '../../core/shape.ts';
import { chosenBy } from '../codecs.ts';

const Bit = t.union([t.literal(0), t.literal(1)]);

/** A head mask: 1 takes the ReLU softmax (RSAttn), 0 ScaleAttn; one entry per head. */
export const HeadMask = t.refinement(t.array(Bit), (m) => m.length >= 1, 'list of 0/1, one per head (≥ 1)');

/** μ, the fraction of heads that keep RSAttn. */
export const Ratio = t.refinement(
  t.number,
  (v) => Number.isFinite(v) && v >= 0 && v <= 1,
  'number in [0, 1]',
);

const Alphas = t.refinement(
  t.array(t.number),
  (a) => a.length >= 1 && a.every(Number.isFinite),
  'list of finite numbers, one per head (≥ 1)',
);

export const HeadChoice = chosenBy('HeadChoice', undefined, {
  mask: t.type({ mask: HeadMask }),
  alphas: t.type({ alphas: Alphas, mu: Ratio }),
});
export type HeadChoice = t.TypeOf<typeof HeadChoice>;

/** MPCViT's global binarisation: 1 for the heads whose α is in the top μ fraction. */
export function binarise(alphas: readonly number[], mu: number): (0 | 1)[] {
  const order = alphas.map((a, i) => ({ a, i })).sort((p, q) => p.a - q.a || p.i - q.i);
  const cut = Math.floor((1 - mu) * alphas.length);
  const mask = alphas.map((): 0 | 1 => 0);
  order.forEach(({ i }, position) => {
    if (position >= cut) mask[i] = 1;
  });
  return mask;
}

/** The per-head choice as a mask. */
export const headMask = (c: HeadChoice): readonly (0 | 1)[] =>
  'mask' in c ? c.mask : binarise(c.alphas, c.mu);

/** Heads of x: the product of its axes before the last two (1 for a matrix or a vector). */
export const headsOf = (shape: Shape): number => sizeOf(shape.slice(0, -2));

/** Rows per head: the second-to-last axis (1 for a vector). */
export const rowsPerHead = (shape: Shape): number => (shape.length >= 2 ? shape[shape.length - 2]! : 1);

/** Check that x has one head per entry of the choice, or an input error naming both. */
export function assertHeads(id: string, c: HeadChoice, x: Shape): void {
  const want = headMask(c).length;
  const have = headsOf(x);
  if (have !== want)
    throw inputError(
      `${id}: x of shape ${formatShape(x)} has ${have} head(s) (the axes before the last two) but the head ${'mask' in c ? 'mask' : 'parameters α'} has ${want} entries; give a shape [${want}, queries, keys] or one entry per head`,
    );
}

/** The row indices of x that belong to heads with mask value `kind`. */
export function rowsOfHeads(mask: readonly (0 | 1)[], x: Shape, kind: 0 | 1): number[] {
  const q = rowsPerHead(x);
  const out: number[] = [];
  mask.forEach((m, h) => {
    if (m === kind) for (let r = 0; r < q; r++) out.push(h * q + r);
  });
  return out;
}
