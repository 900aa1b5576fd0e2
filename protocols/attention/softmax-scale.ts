// ScaleAttn on shares (spec/attention/softmax-scale.ts): ⌊x·enc(1/N)⌋, a public product. Labels
// 'softmax_scale/…' (a dealer truncation's, with more than two parties).
import type { RingTensor } from '../../core/ring.ts';
import { rowDims } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type SoftmaxScaleParams, tokensOf } from '../../spec/attention/softmax-scale.ts';
import { type Protocol, ringInput } from '../types.ts';
import { mulConst } from '../steps.ts';

export const softmaxScale = (
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: SoftmaxScaleParams,
): Promise<RingTensor> => mulConst(ctx, c, x, 1 / tokensOf(p, rowDims('softmax_scale', 'x', x.shape).n));

export const softmaxScaleProtocol: Protocol<SoftmaxScaleParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await softmaxScale(ctx.scope('softmax_scale'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
