// exp_taylor on shares (spec/kernels/exp-taylor.ts): one square, then 1 + x + x²/2.
import { add } from '../../core/ring-ops.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { squareProduct } from '../arithmetic/square.ts';
import { type Protocol, ringInput } from '../types.ts';
import { addConst, squareFx, truncBits } from './secure-steps.ts';

export const expTaylorProtocol: Protocol<NoParams> = async (ctx, { config: c }, inputs) => {
  const x = ringInput(ctx, inputs, 'x', c.ell);
  const s = ctx.scope('exp_taylor');
  const half =
    c.schedule === 'crypten'
      ? await truncBits(s.scope('half'), c, await squareFx(s.scope('sq'), c, x), 1)
      : await truncBits(s.scope('half'), c, await squareProduct(s.scope('sq'), x), c.f + 1);
  return { z: addConst(ctx, c, add(x, half), 1) };
};
