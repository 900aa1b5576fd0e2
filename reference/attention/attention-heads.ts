// Reference of MPCViT's heterogeneous attention (spec/attention/attention-heads.ts): RSAttn on the rows of
// the RSAttn heads, ⌊x·enc(1/N)⌋ on the others.
import { type RingTensor, zeros } from '../../core/ring.ts';
import { rowDims } from '../../core/rows.ts';
import type { Config } from '../../spec/config.ts';
import type { AttentionHeadsParams } from '../../spec/attention/attention-heads.ts';
import { headMask, rowsOfHeads } from '../../spec/attention/head-choice.ts';
import type { Reference } from '../types.ts';
import { softmaxRelu } from './softmax-relu.ts';
import { mulConst, putRows, takeRows } from '../steps.ts';

export function attentionHeads(c: Config, x: RingTensor, p: AttentionHeadsParams): RingTensor {
  const { n } = rowDims('attention_heads', 'x', x.shape);
  const mask = headMask(p.heads);
  const reluRows = rowsOfHeads(mask, x.shape, 1);
  const scaleRows = rowsOfHeads(mask, x.shape, 0);
  let z = zeros(c.ell, x.shape);
  if (reluRows.length > 0) z = putRows(z, reluRows, softmaxRelu(c, takeRows(x, reluRows), p.relu));
  if (scaleRows.length > 0) z = putRows(z, scaleRows, mulConst(c, takeRows(x, scaleRows), 1 / n));
  return z;
}

export const attentionHeadsReference: Reference<AttentionHeadsParams> = (c, p, inputs) => ({
  z: attentionHeads(c, inputs['x']!, p),
});
