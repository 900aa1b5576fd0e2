// Composites that send different rows through different steps (attention_heads by head, attention_rows
// by row switch; reference/rows.ts has the cleartext twin): each set of rows, named by public indices, is
// taken out locally (core/rows.ts takeRows), computed, and put back, the sets one after the other — the
// transport delivers each channel's messages in order, so two sets' messages are never interleaved.
import { type RingTensor, zeros } from '../../core/ring.ts';
import { putRows, takeRows } from '../../core/rows.ts';

/** Rows of x (by index, row-major over the leading axes) and the step they go through, as [k, n]. */
export interface RowSet {
  readonly rows: readonly number[];
  readonly apply: (part: RingTensor) => Promise<RingTensor>;
}

/** x with every set's rows replaced by its step's output; rows in no set are 0. */
export async function mapRowSets(x: RingTensor, sets: readonly RowSet[]): Promise<RingTensor> {
  let z = zeros(x.ell, x.shape);
  for (const s of sets) if (s.rows.length > 0) z = putRows(z, s.rows, await s.apply(takeRows(x, s.rows)));
  return z;
}
