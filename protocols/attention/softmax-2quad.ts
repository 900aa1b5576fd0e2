// 2Quad on shares (spec/attention/softmax-2quad.ts): g = (x + c)² — a square pair under the default
// schedule, the released code's Beaver product (x + c)·(x + c) under the crypten schedule — then the
// shared denominator. Labels 'softmax_2quad/numerator/…', then the denominator's.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { Softmax2QuadParams } from '../../spec/attention/softmax-2quad.ts';
import { type Protocol, ringInput } from '../types.ts';
import { addConst, mulFixed, normalizeRows, squareFixed } from '../steps.ts';

/** ⟨(x + c)²⟩. */
export async function quad(ctx: PartyContext, c: Config, x: RingTensor, shift: number): Promise<RingTensor> {
  const a = addConst(ctx, c, x, shift);
  return c.schedule === 'crypten' ? mulFixed(ctx, c, a, a) : squareFixed(ctx, c, a);
}

export async function softmax2Quad(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: Softmax2QuadParams,
): Promise<RingTensor> {
  const g = await quad(ctx.scope('numerator'), c, x, p.c);
  return normalizeRows(ctx, c, g, p.denominator, 0);
}

export const softmax2QuadProtocol: Protocol<Softmax2QuadParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await softmax2Quad(ctx.scope('softmax_2quad'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
