// ReLU(x) = x · (1 − ltz(x)) (ALGORITHMS.md §2; CrypTen `self * self.ge(0)`): the comparison, then one
// Beaver product with the 0/1 result (no truncation: the bit has scale 1). Exact on the whole ring.
// Labels: '<scope>/relu/ltz/…' and '<scope>/relu/triple', '<scope>/relu/open'.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { mulRaw } from '../arithmetic/mul.ts';
import { publicMinus } from './arith-local.ts';
import { ltz } from './ltz.ts';
import { assertArithmetic } from './operands.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

export async function relu(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  assertArithmetic('relu', 'x', x, config.ell);
  const c = ctx.scope('relu');
  const nonNegative = publicMinus(c, 1n, await ltz(c, config, x));
  return mulRaw(c, x, nonNegative);
}

export const reluProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await relu(ctx, config, ringInput(ctx, inputs, 'x', config.ell)),
});
