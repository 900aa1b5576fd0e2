// The fixed-point steps of the kernels on additive shares (the secure twins of
// reference/kernels/fixed-steps.ts). Each step that talks runs under its own scope, so callers name
// every step (`ctx.scope('sq3')`) and no label is reused. `mulPairs` is the default schedule's batch:
// independent products opened together in one message (one round) and truncated together.
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import { addScalar, concat, mulScalar, split } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import type { Config } from '../../spec/config.ts';
import { beaverMul, beaverProduct } from '../arithmetic/mul.ts';
import { secureSquare } from '../arithmetic/square.ts';
import { truncate } from '../arithmetic/truncate.ts';

export const mulFx = (ctx: PartyContext, c: Config, a: RingTensor, b: RingTensor): Promise<RingTensor> =>
  beaverMul(ctx, c, a, b);

export const squareFx = (ctx: PartyContext, c: Config, a: RingTensor): Promise<RingTensor> =>
  secureSquare(ctx, c, a);

export const truncBits = (ctx: PartyContext, c: Config, a: RingTensor, k: number): Promise<RingTensor> =>
  truncate(ctx, c, a, k);

/** a + enc(c): party 0 adds the constant. */
export const addConst = (ctx: PartyContext, c: Config, a: RingTensor, v: number): RingTensor =>
  ctx.party === 0 ? addScalar(a, encodedConstant(c, v)) : a;

export const mulConst = (ctx: PartyContext, c: Config, a: RingTensor, v: number): Promise<RingTensor> =>
  truncate(ctx, c, mulScalar(a, encodedConstant(c, v)), c.f);

/** a·b at scale 2^(2f), no truncation. */
export const mulRaw = (ctx: PartyContext, a: RingTensor, b: RingTensor): Promise<RingTensor> =>
  beaverProduct(ctx, a, b);

/** Independent products in one round: [⌊aᵢ·bᵢ / 2^f⌋] with one message and one truncation. */
export async function mulPairs(
  ctx: PartyContext,
  c: Config,
  pairs: readonly (readonly [RingTensor, RingTensor])[],
): Promise<RingTensor[]> {
  const left = concat(pairs.map((p) => p[0]));
  const right = concat(pairs.map((p) => p[1]));
  const n = left.length;
  const z = await beaverMul(ctx, c, ringTensor(c.ell, [n], left), ringTensor(c.ell, [n], right));
  return split(
    c.ell,
    z.data,
    pairs.map((p) => p[0].shape),
  );
}
