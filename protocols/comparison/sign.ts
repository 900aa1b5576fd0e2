// sign and abs as CrypTen defines them (ALGORITHMS.md §2; spec/comparison/sign.ts):
//   sign(x) = 1 − 2·ltz(x) ∈ {−1, +1}, with sign(0) = +1 ("0 is considered positive")
//   abs(x)  = x · sign(x): one Beaver product with an integer, no truncation ('abs/triple', 'abs/open')
// abs(−2^(ℓ−1)) wraps to −2^(ℓ−1), as in any two's-complement ring.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { mulRaw } from '../arithmetic/mul.ts';
import { affine } from './arith-local.ts';
import { ltz } from './ltz.ts';
import { assertArithmetic } from './operands.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

export async function sign(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  assertArithmetic('sign', 'x', x, config.ell);
  return affine(ctx, 1n, -2n, await ltz(ctx, config, x));
}

export async function abs(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  assertArithmetic('abs', 'x', x, config.ell);
  const c = ctx.scope('abs');
  return mulRaw(c, x, await sign(c, config, x));
}

export const signProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await sign(ctx, config, ringInput(ctx, inputs, 'x', config.ell)),
});

export const absProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await abs(ctx, config, ringInput(ctx, inputs, 'x', config.ell)),
});
