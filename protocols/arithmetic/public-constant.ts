// Operations with a public constant on shares (spec/arithmetic/public-constant.ts): party 0 alone adds
// an encoded constant; every party multiplies by one, then the product is truncated by 2^f.
import type { RingTensor } from '../../core/ring.ts';
import { add, addScalar, mulScalar } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import type { Config } from '../../spec/config.ts';
import { truncBits } from './truncate.ts';

/** a + enc(v): party 0 adds the constant. */
export const addConst = (ctx: PartyContext, c: Config, a: RingTensor, v: number): RingTensor =>
  ctx.party === 0 ? addScalar(a, encodedConstant(c, v)) : a;

/** ⌊a·enc(v) / 2^f⌋. */
export const mulConst = (ctx: PartyContext, c: Config, a: RingTensor, v: number): Promise<RingTensor> =>
  truncBits(ctx, c, mulScalar(a, encodedConstant(c, v)), c.f);

/**
 * ⌊Σᵢ enc(vᵢ)·aᵢ / 2^f⌋: a linear combination with public coefficients (a polynomial's terms, say),
 * truncated once instead of once per term.
 */
export function mulConstSum(
  ctx: PartyContext,
  c: Config,
  terms: readonly (readonly [RingTensor, number])[],
): Promise<RingTensor> {
  const scaled = terms.map(([a, v]) => mulScalar(a, encodedConstant(c, v)));
  return truncBits(ctx, c, scaled.reduce(add), c.f, true);
}

/** a·k for a public integer k: exact, no message. */
export const mulInt = (a: RingTensor, k: bigint): RingTensor => mulScalar(a, k);
