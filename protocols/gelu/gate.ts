// ½·x·(1 + y) on shares (spec/gelu/gate.ts): (0.5·x)·(1 + y) under the crypten schedule, one raw
// product truncated by f + 1 bits under the default schedule. Labels '<scope>/half', '<scope>/product'.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { addConst, mulConst, mulFixed, mulRaw, truncBits } from '../steps.ts';

export async function geluGate(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  const g = addConst(ctx, c, y, 1);
  if (c.schedule === 'crypten')
    return mulFixed(ctx.scope('product'), c, await mulConst(ctx.scope('half'), c, x, 0.5), g);
  return truncBits(ctx.scope('half'), c, await mulRaw(ctx.scope('product'), x, g), c.f + 1);
}
