// exp by the limit method on shares (spec/kernels/exp.ts): truncate x by n bits, add 1, square n times.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { ExpParams } from '../../spec/kernels/exp.ts';
import { type Protocol, ringInput } from '../types.ts';
import { addConst, squareFixed, truncBits } from '../arithmetic/fixed-point.ts';

export async function exp(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  iterations: number,
): Promise<RingTensor> {
  let y = addConst(ctx, c, await truncBits(ctx.scope('scale'), c, x, iterations), 1);
  for (let i = 0; i < iterations; i++) y = await squareFixed(ctx.scope(`sq${i}`), c, y);
  return y;
}

export const expProtocol: Protocol<ExpParams> = async (ctx, { config, params }, inputs) => ({
  z: await exp(ctx.scope('exp'), config, ringInput(ctx, inputs, 'x', config.ell), params.iterations),
});
