// MPCViT's heterogeneous attention on shares (spec/attention/attention-heads.ts): the rows of the RSAttn
// heads and of the ScaleAttn heads are taken out by their public indices (local), each set goes through
// its normaliser, one after the other, and the results are put back. Labels 'attention_heads/relu/…',
// 'attention_heads/scale/…'.
import { type RingTensor, zeros } from '../../core/ring.ts';
import { rowDims } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { AttentionHeadsParams } from '../../spec/attention/attention-heads.ts';
import { headMask, rowsOfHeads } from '../../spec/attention/head-choice.ts';
import { type Protocol, ringInput } from '../types.ts';
import { softmaxRelu } from './softmax-relu.ts';
import { mulConst, putRows, takeRows } from '../steps.ts';

export async function attentionHeads(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: AttentionHeadsParams,
): Promise<RingTensor> {
  const { n } = rowDims('attention_heads', 'x', x.shape);
  const mask = headMask(p.heads);
  const reluRows = rowsOfHeads(mask, x.shape, 1);
  const scaleRows = rowsOfHeads(mask, x.shape, 0);
  const relu = (): Promise<RingTensor | undefined> =>
    reluRows.length === 0
      ? Promise.resolve(undefined)
      : softmaxRelu(ctx.scope('relu'), c, takeRows(x, reluRows), p.relu);
  const scale = (): Promise<RingTensor | undefined> =>
    scaleRows.length === 0
      ? Promise.resolve(undefined)
      : mulConst(ctx.scope('scale'), c, takeRows(x, scaleRows), 1 / n);
  const r = await relu();
  const s = await scale();
  let z = zeros(c.ell, x.shape);
  if (r !== undefined) z = putRows(z, reluRows, r);
  if (s !== undefined) z = putRows(z, scaleRows, s);
  return z;
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
