// PriViT's per-row attention switch on shares (spec/attention/attention-rows.ts): the softmax rows and
// the SquaredAttn rows, taken out by their public indices (local), go through their normaliser one set
// after the other and are put back (protocols/rows/row-sets.ts). Labels 'attention_rows/softmax/…',
// 'attention_rows/squared/…'.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { AttentionRowsParams } from '../../spec/attention/attention-rows.ts';
import { rowsOf, softmaxRows, squaredRows } from '../../spec/attention/row-choice.ts';
import { type Protocol, ringInput } from '../types.ts';
import { mapRowSets } from '../steps.ts';
import { softmax } from './softmax.ts';
import { softmaxSquared } from './softmax-squared.ts';

export function attentionRows(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: AttentionRowsParams,
): Promise<RingTensor> {
  const rows = rowsOf(x.shape);
  return mapRowSets(x, [
    { rows: softmaxRows(p.rows, rows), apply: (part) => softmax(ctx.scope('softmax'), c, part, p.softmax) },
    {
      rows: squaredRows(p.rows, rows),
      apply: (part) => softmaxSquared(ctx.scope('squared'), c, part, p.squared),
    },
  ]);
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
