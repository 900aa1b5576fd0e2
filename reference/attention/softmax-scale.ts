// Reference of ScaleAttn (spec/attention/softmax-scale.ts): ⌊x·enc(1/N)⌋.
import type { RingTensor } from '../../core/ring.ts';
import { rowDims } from '../../core/rows.ts';
import type { Config } from '../../spec/config.ts';
import { type SoftmaxScaleParams, tokensOf } from '../../spec/attention/softmax-scale.ts';
import type { Reference } from '../types.ts';
import { mulConst } from '../steps.ts';

export const softmaxScale = (c: Config, x: RingTensor, p: SoftmaxScaleParams): RingTensor =>
  mulConst(c, x, 1 / tokensOf(p, rowDims('softmax_scale', 'x', x.shape).n));

export const softmaxScaleReference: Reference<SoftmaxScaleParams> = (c, p, inputs) => ({
  z: softmaxScale(c, inputs['x']!, p),
});
