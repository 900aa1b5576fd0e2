// Truncation of a shared value by 2^k, by the configured method (spec/arithmetic/truncation.ts).
// Every fixed-point product ends here.
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { divTowardZero, shiftRightArith } from '../../core/shift.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { truncPair } from '../../runtime/material/trunc-pair.ts';
import type { Config } from '../../spec/config.ts';
import { match } from 'ts-pattern';
import { neg } from '../../core/ring-ops.ts';

/**
 * ⟨x / 2^k⟩ by the configured method. `owned`: the caller just computed `share` and hands its buffer
 * over, so local truncation may write the result into it (one allocation and pass fewer per product).
 */
export async function truncate(
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
      Promise.resolve(
        ctx.party === 0 ? shiftRightArith(share, k, into) : neg(shiftRightArith(neg(share), k)),
      ),
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
  for (let i = 0; i < n; i++) masked[i] = (share.data[i]! + r.data[i]! + shift) & m;
  const c = await openToAll(ctx, 'open', ringTensor(ell, share.shape, masked));
  const low = ringMask(ell - 1);
  const div = 1n << BigInt(k);
  const msbWeight = 1n << BigInt(ell - 1 - k);
  const unshift = 1n << BigInt(ell - 2 - k);
  const lead = ctx.party === 0 ? 1n : 0n;
  const out = allocWords(n, false);
  for (let i = 0; i < n; i++) {
    const ci = c.data[i]!;
    // msb(c) as 0/1, and the public part ⌊(c mod 2^(ℓ−1)) / 2^k⌋ − 2^(ℓ−2−k), both taken by party 0 only
    const cMsb = (ci & ~low & m) / (low + 1n);
    const pub = ((ci & low) / div - unshift) * lead;
    // share of b = msb(c) ⊕ msb(r) = msb(c) + msb(r)·(1 − 2·msb(c)), linear in the shared msb(r)
    const bShare = cMsb * lead + rMsb.data[i]! * (1n - 2n * cMsb);
    out[i] = (pub - rLow.data[i]! + msbWeight * bShare) & m;
  }
  return ringTensor(ell, share.shape, out);
}
