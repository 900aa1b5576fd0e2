// Reconstruction of boolean (XOR) shares (ALGORITHMS.md §2; issue 3 §1 "reconstruct for bits"): every
// party sends its share words to every other party in one message — 1 round, (n−1)·|x|·width bits each.
import { type BitTensor, bitTensor, xorAll } from '../../../core/bits.ts';
import { runtimeError } from '../../../core/errors.ts';
import type { PartyContext } from '../../../runtime/context.ts';

/** Every party's share in party order (this party's own included), for kernels that fold the XOR in. */
export async function exchangeBitShares(
  ctx: PartyContext,
  name: string,
  share: BitTensor,
): Promise<BitTensor[]> {
  for (const j of ctx.others) ctx.send(j, name, share);
  const parts: BitTensor[] = [];
  for (let j = 0; j < ctx.parties; j++) {
    if (j === ctx.party) {
      parts.push(share);
      continue;
    }
    const part = await ctx.recvBits(j, name);
    if (part.width !== share.width || part.data.length !== share.data.length)
      throw runtimeError(
        `party ${ctx.party}, round ${ctx.round}, label '${ctx.label(name)}': party ${j} sent ${part.data.length} words of ${part.width} bits, expected ${share.data.length} of ${share.width}`,
      );
    parts.push(part);
  }
  return parts;
}

/** The XOR of every party's share, at every party. */
export async function openBitsToAll(ctx: PartyContext, name: string, share: BitTensor): Promise<BitTensor> {
  const opened = xorAll(name, await exchangeBitShares(ctx, name, share));
  return bitTensor(share.width, share.shape, opened.data);
}

/** Every other party sends its share to `receiver`; only the receiver learns the value. */
export async function openBitsTo(
  ctx: PartyContext,
  receiver: number,
  name: string,
  share: BitTensor,
): Promise<BitTensor | undefined> {
  if (ctx.party !== receiver) {
    ctx.send(receiver, name, share);
    return undefined;
  }
  const parts: BitTensor[] = [];
  for (let j = 0; j < ctx.parties; j++) parts.push(j === ctx.party ? share : await ctx.recvBits(j, name));
  return bitTensor(share.width, share.shape, xorAll(name, parts).data);
}
