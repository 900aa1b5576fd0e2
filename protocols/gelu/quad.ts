// gelu_quad on shares (spec/gelu/quad.ts): crypten ⌊⌊enc(0.125)·x⌋·x⌋ + ⌊enc(c₁)·x⌋ + enc(c₀), in the
// released code's order; default ⌊(x² + 8·enc(c₁)·x)/2^(f+3)⌋ + enc(c₀) from one square pair.
import type { RingTensor } from '../../core/ring.ts';
import { add } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type GeluQuadParams, quadCoefficients } from '../../spec/gelu/quad.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import { addConst, mulConst, mulFixed, mulInt, squareRaw, truncBits } from '../steps.ts';
import { type Protocol, ringInput } from '../types.ts';

export async function geluQuad(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: GeluQuadParams,
): Promise<RingTensor> {
  const [, linear, constant] = quadCoefficients(p);
  if (c.schedule === 'crypten') {
    const square = await mulFixed(
      ctx.scope('square'),
      c,
      await mulConst(ctx.scope('eighth'), c, x, 0.125),
      x,
    );
    return addConst(ctx, c, add(square, await mulConst(ctx.scope('linear'), c, x, linear)), constant);
  }
  const raw = add(await squareRaw(ctx.scope('square'), x), mulInt(x, 8n * encodedConstant(c, linear)));
  return addConst(ctx, c, await truncBits(ctx.scope('eighth'), c, raw, c.f + 3), constant);
}

export const geluQuadProtocol: Protocol<GeluQuadParams> = async (ctx, { config, params }, inputs) => ({
  z: await geluQuad(ctx.scope('gelu_quad'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
