// Squaring with a square pair (spec/arithmetic/square.ts): open e = x − r; x² = r² + 2·e·r + e².
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { exchangeShares } from '../../runtime/comm.ts';
import { sumAll } from '../../core/ring-ops.ts';
import { squarePair } from '../../runtime/material/beaver.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import { type Protocol, ringInput } from '../types.ts';
import { truncBits } from './truncate.ts';
import { squareLead, squareOther } from './beaver-kernels.ts';
import { subtractWords } from '../../core/ring-kernels.ts';

/** ⟨x²⟩ over the ring, no truncation. One round, one opened element per input element. */
export async function squareRaw(ctx: PartyContext, x: RingTensor): Promise<RingTensor> {
  const { ell } = x;
  const n = x.data.length;
  const { r, r2 } = squarePair(ctx, 'pair', ell, x.shape);
  const m = ringMask(ell);
  const masked = allocWords(n, false);
  subtractWords([x.data, r.data, masked], [m], n);
  const parts = await exchangeShares(ctx, 'open', ringTensor(ell, x.shape, masked));
  // e = Σ parts; with two parties the sum is folded into the combining loop (see mul.ts).
  const mine = parts.length === 2 ? masked : sumAll('open', parts).data;
  const other = parts.length === 2 ? parts[1 - ctx.party]!.data : allocWords(n);
  const z = allocWords(n, false);
  (ctx.party === 0 ? squareLead : squareOther)([r.data, r2.data, mine, other, z], [m], n);
  return ringTensor(ell, x.shape, z);
}

export async function squareFixed(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  return truncBits(ctx, config, await squareRaw(ctx, x), config.f, true);
}

export const squareProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await squareFixed(ctx, config, ringInput(ctx, inputs, 'x', config.ell)),
});
