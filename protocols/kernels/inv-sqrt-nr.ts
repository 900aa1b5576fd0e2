// Newton inverse square root and sqrt on shares (spec/kernels/inv-sqrt-nr.ts, sqrt.ts). The default
// schedule opens x·y and y² together, then one raw product and a single folded truncation.
import type { RingTensor } from '../../core/ring.ts';
import { mulScalar, neg, sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { INV_SQRT_EXP_ITERATIONS, type InvSqrtNrParams } from '../../spec/kernels/inv-sqrt-nr.ts';
import { type Protocol, ringInput } from '../types.ts';
import { expLimit } from './exp.ts';
import { addConst, mulConst, mulFx, mulPairs, mulRaw, squareFx, truncBits } from './secure-steps.ts';

export async function invSqrt(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  iterations: number,
): Promise<RingTensor> {
  const half = await truncBits(ctx.scope('half'), c, x, 1);
  const e = await expLimit(ctx.scope('guess'), c, neg(addConst(ctx, c, half, 0.2)), INV_SQRT_EXP_ITERATIONS);
  const scaled = addConst(ctx, c, await mulConst(ctx.scope('times2.2'), c, e, 2.2), 0.2);
  let y = sub(scaled, await truncBits(ctx.scope('x/1024'), c, x, 10));
  for (let i = 0; i < iterations; i++) {
    const step = ctx.scope(`nr${i}`);
    if (c.schedule === 'crypten') {
      const xy2 = await mulFx(step.scope('x*y2'), c, x, await squareFx(step.scope('y2'), c, y));
      const w = addConst(ctx, c, neg(xy2), 3);
      y = await truncBits(step.scope('half'), c, await mulFx(step.scope('y*w'), c, y, w), 1);
    } else {
      const [p, q] = (await mulPairs(step.scope('xy,y2'), c, [
        [x, y],
        [y, y],
      ])) as [RingTensor, RingTensor];
      const r = await mulRaw(step.scope('xy3'), p, q);
      y = await truncBits(step.scope('fold'), c, sub(mulScalar(y, 3n << BigInt(c.f)), r), c.f + 1);
    }
  }
  return y;
}

export const invSqrtNrProtocol: Protocol<InvSqrtNrParams> = async (ctx, { config, params }, inputs) => ({
  z: await invSqrt(ctx.scope('inv_sqrt'), config, ringInput(ctx, inputs, 'x', config.ell), params.iterations),
});

export const sqrtProtocol: Protocol<InvSqrtNrParams> = async (ctx, { config, params }, inputs) => {
  const x = ringInput(ctx, inputs, 'x', config.ell);
  const s = ctx.scope('sqrt');
  return { z: await mulFx(s.scope('times-x'), config, await invSqrt(s, config, x, params.iterations), x) };
};
