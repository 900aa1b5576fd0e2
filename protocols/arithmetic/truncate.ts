// Truncation of a shared value by 2^k, by the configured method (spec/arithmetic/truncation.ts).
// Every fixed-point product ends here.
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { divTowardZero, shiftRightArith, shiftRightCeil } from '../../core/shift.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { truncPair } from '../../runtime/material/trunc-pair.ts';
import type { Config } from '../../spec/config.ts';
import { match } from 'ts-pattern';
import { addMasks, unmaskTruncation } from './truncation-kernels.ts';

/**
 * ⟨x / 2^k⟩ by the configured method. `owned`: the caller just computed `share` and hands its buffer
 * over, so local truncation may write the result into it (one allocation and pass fewer per product).
 */
export async function truncBits(
  ctx: PartyContext,
  config: Config,
  share: RingTensor,
  k: number,
  owned = false,
): Promise<RingTensor> {
  if (k === 0) return share;
  const into = owned ? share.data : undefined;
  return match(config.truncation)
    .with('local-trunc', () => Promise.resolve(divTowardZero(share, k, into)))
    .with('local-secureml', () =>
      Promise.resolve(ctx.party === 0 ? shiftRightArith(share, k, into) : shiftRightCeil(share, k, into)),
    )
    .with('dealer', () => dealerTruncate(ctx.scope('trunc'), share, k))
    .exhaustive();
}

async function dealerTruncate(ctx: PartyContext, share: RingTensor, k: number): Promise<RingTensor> {
  const { ell } = share;
  const { r, rLow, rMsb } = truncPair(ctx, 'pair', ell, k, share.shape);
  const m = ringMask(ell);
  const n = share.data.length;
  const masked = allocWords(n, false);
  // Party 0 also adds 2^(ℓ−2), moving |x| < 2^(ℓ−2) into [0, 2^(ℓ−1)). Loops are split by party and
  // by msb(c) rather than written with BigInt conditionals, which V8 does not keep on its 64-bit path.
  const shift = ctx.party === 0 ? 1n << BigInt(ell - 2) : 0n;
  addMasks([share.data, r.data, masked], [shift, m], n);
  const c = await openToAll(ctx, 'open', ringTensor(ell, share.shape, masked));
  const low = ringMask(ell - 1);
  const div = 1n << BigInt(k);
  const msbWeight = 1n << BigInt(ell - 1 - k);
  const unshift = 1n << BigInt(ell - 2 - k);
  const lead = ctx.party === 0 ? 1n : 0n;
  const out = allocWords(n, false);
  unmaskTruncation([c.data, rLow.data, rMsb.data, out], [m, low, div, msbWeight, unshift, lead], n);
  return ringTensor(ell, share.shape, out);
}
