// Goldschmidt's inverse square root on shares (spec/kernels/inv-sqrt-goldschmidt.ts). crypten: m², q·m²
// and y·m one after the other; default: m² and y·m in one message, then q·m², and the last iteration
// only y·m.
import type { RingTensor } from '../../core/ring.ts';
import { neg } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type GoldschmidtParams, deflates } from '../../spec/kernels/reciprocal-goldschmidt.ts';
import { type Protocol, ringInput } from '../types.ts';
import {
  addConst,
  mulConst,
  mulFixed,
  mulFixedBatch,
  squareFixed,
  truncBits,
} from '../arithmetic/fixed-point.ts';

export async function invSqrtGoldschmidt(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: GoldschmidtParams,
): Promise<RingTensor> {
  let q = deflates(p) ? await mulConst(ctx.scope('deflate'), c, x, 1 / p.eta) : x;
  let y: RingTensor | undefined;
  for (let k = 0; k < p.t; k++) {
    const step = ctx.scope(`gs${k}`);
    const m = await truncBits(step.scope('m'), c, addConst(ctx, c, neg(q), 3), 1);
    const last = k === p.t - 1;
    if (c.schedule === 'crypten') {
      q = await mulFixed(step.scope('q'), c, q, await squareFixed(step.scope('m2'), c, m));
      y = y === undefined ? m : await mulFixed(step.scope('y'), c, y, m);
    } else if (last) {
      y = y === undefined ? m : await mulFixed(step.scope('y'), c, y, m);
    } else if (y === undefined) {
      q = await mulFixed(step.scope('q'), c, q, await squareFixed(step.scope('m2'), c, m));
      y = m;
    } else {
      const [m2, ym] = (await mulFixedBatch(step.scope('m2,y'), c, [
        [m, m],
        [y, m],
      ])) as [RingTensor, RingTensor];
      q = await mulFixed(step.scope('q'), c, q, m2);
      y = ym;
    }
  }
  return deflates(p) ? mulConst(ctx.scope('inflate'), c, y!, 1 / Math.sqrt(p.eta)) : y!;
}

export const invSqrtGoldschmidtProtocol: Protocol<GoldschmidtParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await invSqrtGoldschmidt(
    ctx.scope('inv_sqrt_gs'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params,
  ),
});
