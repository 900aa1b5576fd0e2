// Which rows take softmax (ALGORITHMS.md §6; PriViT arXiv 2310.04604 §3): one public switch per (head,
// query row) — PriViT's released code gathers the rows with β = 1 by index, applies softmax to them and
// SquaredAttn to the rest, and scatters both back. Given either as a row mask over every row of x (its
// leading axes in row-major order), or as a budget b, the number of softmax rows, spread evenly over
// the R rows: row r takes softmax when ⌊(r + 1)·b/R⌋ > ⌊r·b/R⌋ (a learned mask puts them where training
// wants; only their number sets the cost).
import * as t from 'io-ts';
import { inputError } from '../../core/errors.ts';
import { type Shape, formatShape, sizeOf } from '../../core/shape.ts';
import { chosenBy } from '../codecs.ts';

const Bit = t.union([t.literal(0), t.literal(1)]);

export const RowMask = t.refinement(t.array(Bit), (m) => m.length >= 1, 'list of 0/1, one per row (≥ 1)');
export const Budget = t.refinement(t.Int, (b) => b >= 0, 'integer ≥ 0');

export const RowChoice = chosenBy('RowChoice', undefined, {
  mask: t.type({ mask: RowMask }),
  budget: t.type({ budget: Budget }),
});
export type RowChoice = t.TypeOf<typeof RowChoice>;

/** Rows of x: the product of its leading axes. */
export const rowsOf = (shape: Shape): number => sizeOf(shape.slice(0, -1));

/** The rows of x ([..., n] with R rows) that take softmax, ascending. */
export function softmaxRows(c: RowChoice, rows: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++)
    if (
      'mask' in c
        ? c.mask[r] === 1
        : Math.floor(((r + 1) * c.budget) / rows) > Math.floor((r * c.budget) / rows)
    )
      out.push(r);
  return out;
}

/** The rows of x that take SquaredAttn, ascending. */
export function squaredRows(c: RowChoice, rows: number): number[] {
  const chosen = new Set(softmaxRows(c, rows));
  return Array.from({ length: rows }, (_, r) => r).filter((r) => !chosen.has(r));
}

/** Check the choice against x's rows, or an input error naming the parameter and the allowed range. */
export function assertRows(id: string, c: RowChoice, x: Shape): void {
  const rows = rowsOf(x);
  if ('mask' in c && c.mask.length !== rows)
    throw inputError(
      `${id}: the row mask has ${c.mask.length} entries but x of shape ${formatShape(x)} has ${rows} rows (one entry per (head, query) row)`,
    );
  if ('budget' in c && c.budget > rows)
    throw inputError(
      `${id}: budget ${c.budget} is outside 0…${rows}, the rows of x of shape ${formatShape(x)}`,
    );
}
