// gelu_tanh on shares (spec/gelu/tanh.ts): x³ as CrypTen's pow(3) (a square, then a product), the tanh
// argument (two truncations under crypten, one under default), CrypTen's tanh, and the gate.
import type { RingTensor } from '../../core/ring.ts';
import { add } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import { SQRT_2_OVER_PI, TANH_GELU_CUBIC } from '../../spec/gelu/tanh.ts';
import { mulConst, mulConstSum, mulFixed, squareFixed, tanh } from '../steps.ts';
import { type Protocol, ringInput } from '../types.ts';
import { geluGate } from './gate.ts';

export async function geluTanh(ctx: PartyContext, c: Config, x: RingTensor): Promise<RingTensor> {
  const cube = await mulFixed(ctx.scope('cube'), c, await squareFixed(ctx.scope('square'), c, x), x);
  const y =
    c.schedule === 'crypten'
      ? await mulConst(
          ctx.scope('scale'),
          c,
          add(x, await mulConst(ctx.scope('cubic'), c, cube, TANH_GELU_CUBIC)),
          SQRT_2_OVER_PI,
        )
      : await mulConstSum(ctx.scope('argument'), c, [
          [x, SQRT_2_OVER_PI],
          [cube, TANH_GELU_CUBIC * SQRT_2_OVER_PI],
        ]);
  return geluGate(ctx.scope('gate'), c, x, await tanh(ctx.scope('tanh'), c, y));
}

export const geluTanhProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await geluTanh(ctx.scope('gelu_tanh'), config, ringInput(ctx, inputs, 'x', config.ell)),
});
