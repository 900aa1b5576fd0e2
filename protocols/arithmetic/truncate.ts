// Truncation of a shared value by 2^k, by the configured method (spec/arithmetic/truncation.ts).
// Every fixed-point product ends here.
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { divTowardZero, shiftRightArith } from '../../core/shift.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { truncPair } from '../../runtime/material/trunc-pair.ts';
import type { Config } from '../../spec/config.ts';
import { match } from 'ts-pattern';
import { neg } from '../../core/ring-ops.ts';

export async function truncate(
  ctx: PartyContext,
  config: Config,
  share: RingTensor,
  k: number,
): Promise<RingTensor> {
  if (k === 0) return share;
  return match(config.truncation)
    .with('local-trunc', () => Promise.resolve(divTowardZero(share, k)))
    .with('local-secureml', () =>
      Promise.resolve(ctx.party === 0 ? shiftRightArith(share, k) : neg(shiftRightArith(neg(share), k))),
    )
    .with('dealer', () => dealerTruncate(ctx.scope('trunc'), share, k))
    .exhaustive();
}

async function dealerTruncate(ctx: PartyContext, share: RingTensor, k: number): Promise<RingTensor> {
  const { ell } = share;
  const { r, rLow, rMsb } = truncPair(ctx, 'pair', ell, k, share.shape);
  const m = ringMask(ell);
  const lead = ctx.party === 0;
  const shift = 1n << BigInt(ell - 2); // moves |x| < 2^(ℓ−2) into [0, 2^(ℓ−1))
  const n = share.data.length;
  const masked = new BigUint64Array(n);
  for (let i = 0; i < n; i++) masked[i] = (share.data[i]! + r.data[i]! + (lead ? shift : 0n)) & m;
  const c = await openToAll(ctx, 'open', ringTensor(ell, share.shape, masked));
  const low = ringMask(ell - 1);
  const div = 1n << BigInt(k);
  const top = BigInt(ell - 1);
  const msbWeight = 1n << BigInt(ell - 1 - k);
  const unshift = 1n << BigInt(ell - 2 - k);
  const out = new BigUint64Array(n);
  for (let i = 0; i < n; i++) {
    const ci = c.data[i]!;
    const cMsb = ci >> top;
    // b = msb(c) ⊕ msb(r) = msb(c) + msb(r)·(1 − 2·msb(c)), linear in the shared msb(r)
    const bShare = (lead ? cMsb : 0n) + (cMsb === 0n ? rMsb.data[i]! : -rMsb.data[i]!);
    const pub = lead ? (ci & low) / div - unshift : 0n;
    out[i] = (pub - rLow.data[i]! + msbWeight * bShare) & m;
  }
  return ringTensor(ell, share.shape, out);
}
