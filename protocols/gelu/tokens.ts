// gelu_tokens on shares (spec/gelu/tokens.ts): the kept rows are taken out (locally: the choice is
// public), run through the chosen variant under '<scope>/<variant id>', and put back; the other rows are
// the identity and cost nothing.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type GeluTokensParams, keptTokens, tokenCount } from '../../spec/gelu/tokens.ts';
import { putRows, takeRows } from '../steps.ts';
import { type Protocol, ringInput } from '../types.ts';
import { geluChoice } from './choice.ts';

export async function geluTokens(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: GeluTokensParams,
): Promise<RingTensor> {
  const kept = keptTokens(p.tokens, tokenCount(x.shape));
  if (kept.length === 0) return x;
  const out = await geluChoice(ctx.scope(p.gelu.id), c, takeRows(x, kept), p.gelu);
  return putRows(x, kept, out);
}

export const geluTokensProtocol: Protocol<GeluTokensParams> = async (ctx, { config, params }, inputs) => ({
  z: await geluTokens(ctx.scope('gelu_tokens'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
