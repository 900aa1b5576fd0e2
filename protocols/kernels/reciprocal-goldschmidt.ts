// Goldschmidt's reciprocal on shares (spec/kernels/reciprocal-goldschmidt.ts). The crypten schedule
// runs a·m and b·m one after the other; the default schedule opens them together (mulFixedBatch) and skips
// the last iteration's b·m, whose result nobody reads.
import type { RingTensor } from '../../core/ring.ts';
import { neg } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type GoldschmidtParams, deflates } from '../../spec/kernels/reciprocal-goldschmidt.ts';
import { type Protocol, ringInput } from '../types.ts';
import { addConst, mulConst, mulFixed, mulFixedBatch } from '../arithmetic/fixed-point.ts';

export async function reciprocalGoldschmidt(
  ctx: PartyContext,
  c: Config,
  d: RingTensor,
  p: GoldschmidtParams,
): Promise<RingTensor> {
  const twoMinus = (b: RingTensor): RingTensor => addConst(ctx, c, neg(b), 2);
  let b = deflates(p) ? await mulConst(ctx.scope('deflate'), c, d, 1 / p.eta) : d;
  let a = twoMinus(b);
  const crypten = c.schedule === 'crypten';
  if (p.t > 1 || crypten) b = await mulFixed(ctx.scope('gs0/b'), c, b, a);
  for (let k = 1; k < p.t; k++) {
    const step = ctx.scope(`gs${k}`);
    const m = twoMinus(b);
    if (crypten) {
      a = await mulFixed(step.scope('a'), c, a, m);
      b = await mulFixed(step.scope('b'), c, b, m);
    } else if (k < p.t - 1) {
      [a, b] = (await mulFixedBatch(step.scope('ab'), c, [
        [a, m],
        [b, m],
      ])) as [RingTensor, RingTensor];
    } else {
      a = await mulFixed(step.scope('a'), c, a, m);
    }
  }
  return deflates(p) ? mulConst(ctx.scope('inflate'), c, a, 1 / p.eta) : a;
}

export const reciprocalGoldschmidtProtocol: Protocol<GoldschmidtParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await reciprocalGoldschmidt(
    ctx.scope('reciprocal_gs'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params,
  ),
});
