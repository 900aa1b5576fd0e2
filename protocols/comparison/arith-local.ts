// Local affine maps of arithmetic shares used around comparison results (ALGORITHMS.md §2): a public
// constant enters through party 0's share only; multiplying by a public integer acts on every share.
import { type RingTensor } from '../../core/ring.ts';
import { addScalar, mulScalar, neg } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';

/** ⟨k − b⟩: e.g. ge = 1 − lt, the complement of a 0/1 comparison result. */
export const publicMinus = (ctx: PartyContext, k: bigint, b: RingTensor): RingTensor =>
  ctx.party === 0 ? addScalar(neg(b), k) : neg(b);

/** ⟨k + c·b⟩ for public integers k and c: e.g. sign = 1 − 2·ltz. */
export const affine = (ctx: PartyContext, k: bigint, c: bigint, b: RingTensor): RingTensor =>
  ctx.party === 0 ? addScalar(mulScalar(b, c), k) : mulScalar(b, c);
