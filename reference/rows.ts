// The cleartext row steps (protocols/rows/ and spec/rows/tracked.ts under the same names): a row sum,
// a product of each element with its row's value, with its row's public constant — each truncation the
// exact floor — and sets of rows sent through different steps.
import type { RingTensor } from '../core/ring.ts';
import { mulByRow, rowSum } from '../core/rows.ts';
import { fromIntegers, zeros } from '../core/ring.ts';
import { perRowShape, putRows, takeRows } from '../core/rows.ts';
import { shiftRightArith } from '../core/shift.ts';
import { encodedConstant } from '../spec/arithmetic/public-constant.ts';
import type { Config } from '../spec/config.ts';

export { rowSum };

/** x·r with r one value per row, at scale 2^(2f). */
export const mulRawByRow = (x: RingTensor, r: RingTensor): RingTensor => mulByRow(x, r);

/** ⌊x·r / 2^f⌋ with r one value per row. */
export const mulFixedByRow = (c: Config, x: RingTensor, r: RingTensor): RingTensor =>
  shiftRightArith(mulByRow(x, r), c.f);

/** The encoded public constants, one per row, as a per-row tensor. */
export const encodedPerRow = (c: Config, x: RingTensor, constants: readonly number[]): RingTensor =>
  fromIntegers(
    c.ell,
    perRowShape(x.shape),
    constants.map((v) => encodedConstant(c, v)),
  );

/** ⌊x·enc(cᵣ) / 2^f⌋ with cᵣ the public constant of the element's row. */
export const mulConstByRow = (c: Config, x: RingTensor, constants: readonly number[]): RingTensor =>
  shiftRightArith(mulByRow(x, encodedPerRow(c, x, constants)), c.f);

/**
 * x with every set's rows replaced by its step's output (protocols/rows/row-sets.ts on clear values);
 * rows in no set are 0.
 */
export function mapRowSets(
  x: RingTensor,
  sets: readonly { readonly rows: readonly number[]; readonly apply: (part: RingTensor) => RingTensor }[],
): RingTensor {
  let z = zeros(x.ell, x.shape);
  for (const s of sets) if (s.rows.length > 0) z = putRows(z, s.rows, s.apply(takeRows(x, s.rows)));
  return z;
}
