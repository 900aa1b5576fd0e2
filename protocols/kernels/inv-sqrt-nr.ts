// Newton inverse square root and sqrt on shares (spec/kernels/inv-sqrt-nr.ts, sqrt.ts). The default
// schedule opens x·y and y² together, then one raw product and a single folded truncation.
import type { RingTensor } from '../../core/ring.ts';
import { mulScalar, neg, sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { INV_SQRT_EXP_ITERATIONS, type InvSqrtNrParams } from '../../spec/kernels/inv-sqrt-nr.ts';
import { type Protocol, ringInput } from '../types.ts';
import { exp } from './exp.ts';
import {
  addConst,
  mulConst,
  mulFixed,
  mulFixedBatch,
  mulRaw,
  squareFixed,
  truncBits,
} from '../arithmetic/fixed-point.ts';

export async function invSqrtNr(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  iterations: number,
): Promise<RingTensor> {
  const half = await truncBits(ctx.scope('half'), c, x, 1);
  const e = await exp(ctx.scope('guess'), c, neg(addConst(ctx, c, half, 0.2)), INV_SQRT_EXP_ITERATIONS);
  const scaled = addConst(ctx, c, await mulConst(ctx.scope('times2.2'), c, e, 2.2), 0.2);
  let y = sub(scaled, await truncBits(ctx.scope('x/1024'), c, x, 10));
  for (let i = 0; i < iterations; i++) {
    const step = ctx.scope(`nr${i}`);
    if (c.schedule === 'crypten') {
      const xy2 = await mulFixed(step.scope('x*y2'), c, x, await squareFixed(step.scope('y2'), c, y));
      const w = addConst(ctx, c, neg(xy2), 3);
      y = await truncBits(step.scope('half'), c, await mulFixed(step.scope('y*w'), c, y, w), 1);
    } else {
      const [p, q] = (await mulFixedBatch(step.scope('xy,y2'), c, [
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
  z: await invSqrtNr(
    ctx.scope('inv_sqrt'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params.iterations,
  ),
});

/** ⟨√x⟩ = ⟨x·inv_sqrt(x)⟩ under `ctx` (the protocol scopes it 'sqrt'). */
export async function sqrt(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  iterations: number,
): Promise<RingTensor> {
  return mulFixed(ctx.scope('times-x'), c, await invSqrtNr(ctx, c, x, iterations), x);
}

export const sqrtProtocol: Protocol<InvSqrtNrParams> = async (ctx, { config, params }, inputs) => ({
  z: await sqrt(ctx.scope('sqrt'), config, ringInput(ctx, inputs, 'x', config.ell), params.iterations),
});
