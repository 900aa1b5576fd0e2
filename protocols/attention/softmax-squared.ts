// SquaredAttn on shares (spec/attention/softmax-squared.ts): ⌊x²⌋ with a square pair, then ⌊·enc(1/N)⌋.
// Labels 'softmax_squared/square/…', 'softmax_squared/scale/…'.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { SoftmaxSquaredParams } from '../../spec/attention/softmax-squared.ts';
import { type Protocol, ringInput } from '../types.ts';
import { mulConst, squareFixed } from '../steps.ts';

export const softmaxSquared = async (
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: SoftmaxSquaredParams,
): Promise<RingTensor> =>
  mulConst(ctx.scope('scale'), c, await squareFixed(ctx.scope('square'), c, x), 1 / p.n);

export const softmaxSquaredProtocol: Protocol<SoftmaxSquaredParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await softmaxSquared(
    ctx.scope('softmax_squared'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params,
  ),
});
