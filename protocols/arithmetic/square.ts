// Squaring with a square pair (spec/arithmetic/square.ts): open e = x − r; x² = r² + 2·e·r + e².
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { squarePair } from '../../runtime/material/beaver.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import { type Protocol, ringInput } from '../types.ts';
import { truncate } from './truncate.ts';

/** ⟨x²⟩ over the ring, no truncation. One round, one opened element per input element. */
export async function squareProduct(ctx: PartyContext, x: RingTensor): Promise<RingTensor> {
  const { ell } = x;
  const n = x.data.length;
  const { r, r2 } = squarePair(ctx, 'pair', ell, x.shape);
  const m = ringMask(ell);
  const masked = new BigUint64Array(n);
  for (let i = 0; i < n; i++) masked[i] = (x.data[i]! - r.data[i]!) & m;
  const e = (await openToAll(ctx, 'open', ringTensor(ell, x.shape, masked))).data;
  const z = new BigUint64Array(n);
  // split by party: no BigInt-valued conditional inside a hot loop (see mul.ts)
  if (ctx.party === 0) {
    for (let i = 0; i < n; i++) {
      const ei = e[i]!;
      z[i] = (r2.data[i]! + 2n * ei * r.data[i]! + ei * ei) & m;
    }
  } else {
    for (let i = 0; i < n; i++) z[i] = (r2.data[i]! + 2n * e[i]! * r.data[i]!) & m;
  }
  return ringTensor(ell, x.shape, z);
}

export async function secureSquare(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  return truncate(ctx, config, await squareProduct(ctx, x), config.f);
}

export const squareProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await secureSquare(ctx, config, ringInput(ctx, inputs, 'x', config.ell)),
});
