// Truncation pairs for dealer-assisted truncation (spec/arithmetic/truncation.ts): r uniform,
// rLow = ⌊(r mod 2^(ℓ−1)) / 2^k⌋ and rMsb = the top bit of r, all shared arithmetically.
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { Shape } from '../../core/shape.ts';
import { sizeOf } from '../../core/shape.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';
import { TRUNC_PAIR } from '../../spec/material.ts';

export function truncPair(
  ctx: PartyContext,
  label: string,
  ell: number,
  k: number,
  shape: Shape,
): { r: RingTensor; rLow: RingTensor; rMsb: RingTensor } {
  const v = ctx.deal({
    kind: TRUNC_PAIR,
    label,
    items: sizeOf(shape),
    signature: `${shapeSignature(ell, shape)} k=${k}`,
    generate: (d) => {
      const r = d.ring('r', ell, shape);
      const low = ringMask(ell - 1);
      const div = 1n << BigInt(k);
      const top = BigInt(ell - 1);
      const rLow = allocWords(r.data.length, false);
      const rMsb = allocWords(r.data.length, false);
      for (let i = 0; i < r.data.length; i++) {
        rLow[i] = (r.data[i]! & low) / div;
        rMsb[i] = r.data[i]! >> top;
      }
      return { r, rLow: ringTensor(ell, shape, rLow), rMsb: ringTensor(ell, shape, rMsb) };
    },
  });
  return { r: v['r'] as RingTensor, rLow: v['rLow'] as RingTensor, rMsb: v['rMsb'] as RingTensor };
}
