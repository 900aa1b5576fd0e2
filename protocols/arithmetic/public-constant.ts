// Operations with a public constant on shares (spec/arithmetic/public-constant.ts): party 0 alone adds
// an encoded constant; every party multiplies by one, then the product is truncated by 2^f.
import type { RingTensor } from '../../core/ring.ts';
import { addScalar, mulScalar } from '../../core/ring-ops.ts';
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

/** a·k for a public integer k: exact, no message. */
export const mulInt = (a: RingTensor, k: bigint): RingTensor => mulScalar(a, k);
