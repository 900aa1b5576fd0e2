// MPCViT's heterogeneous attention on shares (spec/attention/attention-heads.ts): the rows of the RSAttn
// heads and of the ScaleAttn heads, taken out by their public indices (local), go through their
// normaliser one set after the other and are put back (protocols/rows/row-sets.ts). Labels
// 'attention_heads/relu/…', 'attention_heads/scale/…'.
import type { RingTensor } from '../../core/ring.ts';
import { rowDims } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { AttentionHeadsParams } from '../../spec/attention/attention-heads.ts';
import { headMask, rowsOfHeads } from '../../spec/attention/head-choice.ts';
import { type Protocol, ringInput } from '../types.ts';
import { mapRowSets, mulConst } from '../steps.ts';
import { softmaxRelu } from './softmax-relu.ts';

export function attentionHeads(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: AttentionHeadsParams,
): Promise<RingTensor> {
  const { n } = rowDims('attention_heads', 'x', x.shape);
  const mask = headMask(p.heads);
  return mapRowSets(x, [
    { rows: rowsOfHeads(mask, x.shape, 1), apply: (part) => softmaxRelu(ctx.scope('relu'), c, part, p.relu) },
    { rows: rowsOfHeads(mask, x.shape, 0), apply: (part) => mulConst(ctx.scope('scale'), c, part, 1 / n) },
  ]);
}

export const attentionHeadsProtocol: Protocol<AttentionHeadsParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await attentionHeads(
    ctx.scope('attention_heads'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params,
  ),
});
