// Communication patterns every protocol uses (ALGORITHMS.md §1 "Reconstruct / open", §2 for bits):
// send a share to every party or to one, and gather the shares back in party order. One mechanism for
// arithmetic (ring) and XOR (bit) shares; only how the parts combine differs (sum vs XOR). Opening to
// all costs 1 round and (n−1)·|x|·width bits per party.
import { type BitTensor, bitTensor, xorAll } from '../core/bits.ts';
import { runtimeError } from '../core/errors.ts';
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { sumAll } from '../core/ring-ops.ts';
import type { PartyContext } from './context.ts';
import { type Payload, describePayload } from './payload.ts';

/** Receive party `from`'s share of a value laid out like `like` (same kind, width and size). */
async function receiveLike<T extends Payload>(
  ctx: PartyContext,
  from: number,
  name: string,
  like: T,
): Promise<T> {
  const part: Payload =
    like.kind === 'ring' ? await ctx.recvRing(from, name, like.ell) : await ctx.recvBits(from, name);
  const sameWidth = part.kind === 'ring' || (like.kind === 'bits' && part.width === like.width);
  if (!sameWidth || part.data.length !== like.data.length) {
    throw runtimeError(
      `party ${ctx.party}, round ${ctx.round}, label '${ctx.label(name)}': party ${from} sent ${describePayload(part)}, expected ${describePayload(like)}`,
    );
  }
  return part as T;
}

/**
 * Every party sends its share to every other; returns every party's share in party order, not combined,
 * for hot kernels that fold the sum (or XOR) into their own loop instead of materialising the value.
 */
export async function exchangeShares<T extends Payload>(
  ctx: PartyContext,
  name: string,
  share: T,
): Promise<T[]> {
  for (const j of ctx.others) ctx.send(j, name, share);
  const parts: T[] = [];
  for (let j = 0; j < ctx.parties; j++)
    parts.push(j === ctx.party ? share : await receiveLike(ctx, j, name, share));
  return parts;
}

/** Every other party sends its share to `receiver`, which gets all shares in party order; others get undefined. */
export async function gatherSharesAt<T extends Payload>(
  ctx: PartyContext,
  receiver: number,
  name: string,
  share: T,
): Promise<T[] | undefined> {
  if (ctx.party !== receiver) {
    ctx.send(receiver, name, share);
    return undefined;
  }
  const parts: T[] = [];
  for (let j = 0; j < ctx.parties; j++)
    parts.push(j === ctx.party ? share : await receiveLike(ctx, j, name, share));
  return parts;
}

const sumLike = (name: string, parts: readonly RingTensor[], like: RingTensor): RingTensor =>
  ringTensor(like.ell, like.shape, sumAll(name, parts).data);
const xorLike = (name: string, parts: readonly BitTensor[], like: BitTensor): BitTensor =>
  bitTensor(like.width, like.shape, xorAll(name, parts).data);

/** The opened value of an additive sharing, at every party. */
export async function openToAll(ctx: PartyContext, name: string, share: RingTensor): Promise<RingTensor> {
  return sumLike(name, await exchangeShares(ctx, name, share), share);
}

/** The opened value of an additive sharing at `receiver` only. */
export async function openTo(
  ctx: PartyContext,
  receiver: number,
  name: string,
  share: RingTensor,
): Promise<RingTensor | undefined> {
  const parts = await gatherSharesAt(ctx, receiver, name, share);
  return parts === undefined ? undefined : sumLike(name, parts, share);
}

/** The opened value of an XOR sharing, at every party. */
export async function openBitsToAll(ctx: PartyContext, name: string, share: BitTensor): Promise<BitTensor> {
  return xorLike(name, await exchangeShares(ctx, name, share), share);
}

/** The opened value of an XOR sharing at `receiver` only. */
export async function openBitsTo(
  ctx: PartyContext,
  receiver: number,
  name: string,
  share: BitTensor,
): Promise<BitTensor | undefined> {
  const parts = await gatherSharesAt(ctx, receiver, name, share);
  return parts === undefined ? undefined : xorLike(name, parts, share);
}
