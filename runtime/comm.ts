// Communication patterns every protocol uses (ALGORITHMS.md §1, "Reconstruct / open"): open a shared
// value to every party or to one. Opening to all costs 1 round and (n−1)·|x|·ℓ bits per party.
import { runtimeError } from '../core/errors.ts';
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { sumAll } from '../core/ring-ops.ts';
import type { PartyContext } from './context.ts';

/**
 * Every party sends its share to every other; returns every party's share in party order, not summed,
 * for hot kernels that fold the sum into their own loop instead of materialising the opened value.
 */
export async function exchangeShares(
  ctx: PartyContext,
  name: string,
  share: RingTensor,
): Promise<RingTensor[]> {
  for (const j of ctx.others) ctx.send(j, name, share);
  const parts: RingTensor[] = [];
  for (let j = 0; j < ctx.parties; j++) {
    const part = j === ctx.party ? share : await ctx.recvRing(j, name, share.ell);
    if (part.data.length !== share.data.length) {
      throw runtimeError(
        `party ${ctx.party}, round ${ctx.round}, label '${ctx.label(name)}': party ${j} sent ${part.data.length} elements, expected ${share.data.length}`,
      );
    }
    parts.push(part);
  }
  return parts;
}

/** Every party sends its share to every other and sums: the opened value, at every party. */
export async function openToAll(ctx: PartyContext, name: string, share: RingTensor): Promise<RingTensor> {
  return reshapeLike(sumAll(name, await exchangeShares(ctx, name, share)), share);
}

/** Every other party sends its share to `receiver`; only the receiver learns the value. */
export async function openTo(
  ctx: PartyContext,
  receiver: number,
  name: string,
  share: RingTensor,
): Promise<RingTensor | undefined> {
  if (ctx.party !== receiver) {
    ctx.send(receiver, name, share);
    return undefined;
  }
  const parts: RingTensor[] = [];
  for (let j = 0; j < ctx.parties; j++)
    parts.push(j === ctx.party ? share : await ctx.recvRing(j, name, share.ell));
  return reshapeLike(sumAll(name, parts), share);
}

const reshapeLike = (t: RingTensor, like: RingTensor): RingTensor => ringTensor(t.ell, like.shape, t.data);
