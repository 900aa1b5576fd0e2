// Public per-row constants on shares (core/rows.ts; spec/rows/cost.ts): every party multiplies each
// row of its share by the row's encoded constant, then the product is truncated — e.g. ScaleAttn's 1/N,
// or per-head constants given row by row. No message besides the truncation's.
import type { RingTensor } from '../../core/ring.ts';
import { mulByRow } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { encodedPerRow } from '../../reference/rows.ts';
import { truncBits } from '../arithmetic/truncate.ts';

/** ⟨⌊x·enc(cᵣ) / 2^f⌋⟩ with cᵣ the public constant of the element's row (one per row of x). */
export const mulConstByRow = (
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  constants: readonly number[],
): Promise<RingTensor> => truncBits(ctx, c, mulByRow(x, encodedPerRow(c, x, constants)), c.f);
