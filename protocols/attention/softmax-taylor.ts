// Taylor softmax on shares (spec/attention/softmax-taylor.ts): the numerator 1 + x + x²/2 (one square),
// then the shared denominator. Labels under 'softmax_taylor/numerator/…' and 'softmax_taylor/…'.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { SoftmaxTaylorParams } from '../../spec/attention/softmax-taylor.ts';
import { type Protocol, ringInput } from '../types.ts';
import { expTaylor, normalizeRows } from '../steps.ts';

export async function softmaxTaylor(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: SoftmaxTaylorParams,
): Promise<RingTensor> {
  const g = await expTaylor(ctx.scope('numerator'), c, x);
  return normalizeRows(ctx, c, g, p.denominator, 0);
}

export const softmaxTaylorProtocol: Protocol<SoftmaxTaylorParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await softmaxTaylor(
    ctx.scope('softmax_taylor'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params,
  ),
});
