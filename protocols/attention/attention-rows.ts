// PriViT's per-row attention switch on shares (spec/attention/attention-rows.ts): the softmax rows and
// the SquaredAttn rows are taken out by their public indices (local), each set goes through its
// normaliser, one after the other, and the results are put back. Labels 'attention_rows/softmax/…',
// 'attention_rows/squared/…'.
import { type RingTensor, zeros } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { AttentionRowsParams } from '../../spec/attention/attention-rows.ts';
import { rowsOf, softmaxRows, squaredRows } from '../../spec/attention/row-choice.ts';
import { type Protocol, ringInput } from '../types.ts';
import { softmax } from './softmax.ts';
import { softmaxSquared } from './softmax-squared.ts';
import { putRows, takeRows } from '../steps.ts';

export async function attentionRows(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: AttentionRowsParams,
): Promise<RingTensor> {
  const rows = rowsOf(x.shape);
  const soft = softmaxRows(p.rows, rows);
  const squared = squaredRows(p.rows, rows);
  const a = (): Promise<RingTensor | undefined> =>
    soft.length === 0
      ? Promise.resolve(undefined)
      : softmax(ctx.scope('softmax'), c, takeRows(x, soft), p.softmax);
  const b = (): Promise<RingTensor | undefined> =>
    squared.length === 0
      ? Promise.resolve(undefined)
      : softmaxSquared(ctx.scope('squared'), c, takeRows(x, squared), p.squared);
  const s = await a();
  const q = await b();
  let z = zeros(c.ell, x.shape);
  if (s !== undefined) z = putRows(z, soft, s);
  if (q !== undefined) z = putRows(z, squared, q);
  return z;
}

export const attentionRowsProtocol: Protocol<AttentionRowsParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await attentionRows(
    ctx.scope('attention_rows'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params,
  ),
});
