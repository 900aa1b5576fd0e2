// ReLU softmax on shares (spec/attention/softmax-relu.ts): ReLU (a comparison and one product), then the
// shared denominator with ε added by party 0. Labels 'softmax_relu/numerator/relu/…', then the
// denominator's.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { SoftmaxReluParams } from '../../spec/attention/softmax-relu.ts';
import { type Protocol, ringInput } from '../types.ts';
import { normalizeRows, relu } from '../steps.ts';

export async function softmaxRelu(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: SoftmaxReluParams,
): Promise<RingTensor> {
  const g = await relu(ctx.scope('numerator'), c, x);
  return normalizeRows(ctx, c, g, p.denominator, p.epsilon);
}

export const softmaxReluProtocol: Protocol<SoftmaxReluParams> = async (ctx, { config, params }, inputs) => ({
  z: await softmaxRelu(ctx.scope('softmax_relu'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
