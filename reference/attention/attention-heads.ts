// Reference of MPCViT's heterogeneous attention (spec/attention/attention-heads.ts): RSAttn on the rows of
// the RSAttn heads, ⌊x·enc(1/N)⌋ on the others.
import type { RingTensor } from '../../core/ring.ts';
import { rowDims } from '../../core/rows.ts';
import type { Config } from '../../spec/config.ts';
import type { AttentionHeadsParams } from '../../spec/attention/attention-heads.ts';
import { headMask, rowsOfHeads } from '../../spec/attention/head-choice.ts';
import type { Reference } from '../types.ts';
import { mapRowSets, mulConst } from '../steps.ts';
import { softmaxRelu } from './softmax-relu.ts';

export function attentionHeads(c: Config, x: RingTensor, p: AttentionHeadsParams): RingTensor {
  const { n } = rowDims('attention_heads', 'x', x.shape);
  const mask = headMask(p.heads);
  return mapRowSets(x, [
    { rows: rowsOfHeads(mask, x.shape, 1), apply: (part) => softmaxRelu(c, part, p.relu) },
    { rows: rowsOfHeads(mask, x.shape, 0), apply: (part) => mulConst(c, part, 1 / n) },
  ]);
}

export const attentionHeadsReference: Reference<AttentionHeadsParams> = (c, p, inputs) => ({
  z: attentionHeads(c, inputs['x']!, p),
});
