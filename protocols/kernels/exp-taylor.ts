// exp_taylor on shares (spec/kernels/exp-taylor.ts): one square, then 1 + x + x²/2.
import type { RingTensor } from '../../core/ring.ts';
import { add } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import { type Protocol, ringInput } from '../types.ts';
import { addConst, squareFixed, squareRaw, truncBits } from '../arithmetic/fixed-point.ts';

/** ⟨1 + x + ⌊x²/2⌋⟩ under `ctx` (the protocol scopes it 'exp_taylor'); party 0 adds the 1. */
export async function expTaylor(ctx: PartyContext, c: Config, x: RingTensor): Promise<RingTensor> {
  const half =
    c.schedule === 'crypten'
      ? await truncBits(ctx.scope('half'), c, await squareFixed(ctx.scope('sq'), c, x), 1)
      : await truncBits(ctx.scope('half'), c, await squareRaw(ctx.scope('sq'), x), c.f + 1);
  return addConst(ctx, c, add(x, half), 1);
}

export const expTaylorProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await expTaylor(ctx.scope('exp_taylor'), config, ringInput(ctx, inputs, 'x', config.ell)),
});
