// The comparison steps the kernels take on shares (ALGORITHMS.md §2): ltz from the comparison family
// (protocols/comparison/ltz.ts), sign = 1 − 2·ltz computed locally (scale 1), and |x| = sign·x as an
// exact Beaver product (no truncation: the sign has scale 1).
import type { RingTensor } from '../../core/ring.ts';
import { addScalar, mulScalar } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { mulRaw } from '../arithmetic/mul.ts';
import { ltz } from '../comparison/ltz.ts';

export interface SignSplit {
  /** ⟨[x < 0]⟩, scale 1. */
  readonly negative: RingTensor;
  /** ⟨1 − 2·[x < 0]⟩, scale 1. */
  readonly sign: RingTensor;
  /** ⟨sign·x⟩ = ⟨|x|⟩. */
  readonly abs: RingTensor;
}

/** 1 + k·b for a scale-1 share b: party 0 adds the 1. */
export const affineInt = (ctx: PartyContext, b: RingTensor, k: bigint): RingTensor =>
  ctx.party === 0 ? addScalar(mulScalar(b, k), 1n) : mulScalar(b, k);

export async function signSplit(ctx: PartyContext, c: Config, x: RingTensor): Promise<SignSplit> {
  const negative = await ltz(ctx, c, x);
  const sign = affineInt(ctx, negative, -2n);
  return { negative, sign, abs: await mulRaw(ctx.scope('abs'), sign, x) };
}
