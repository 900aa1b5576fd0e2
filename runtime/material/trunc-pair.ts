// Truncation pairs for dealer-assisted truncation (spec/arithmetic/truncation.ts): r uniform,
// rLow = ⌊(r mod 2^(ℓ−1)) / 2^k⌋ and rMsb = the top bit of r, all shared arithmetically. A division
// pair is the same with a public integer divisor d for 2^k (a row mean's division by n).
import { defineKernel } from '../../core/parallel/split-run.ts';
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { Shape } from '../../core/shape.ts';
import { sizeOf } from '../../core/shape.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';
import { TRUNC_PAIR } from '../../spec/material.ts';

/**
 * rLow = ⌊(r mod 2^(ℓ−1)) / 2^k⌋ and rMsb = ⌊r / 2^(ℓ−1)⌋ (divisions: V8 lowers BigInt64 division by a
 * variable to a native instruction, a variable shift it does not). Arrays [r, rLow, rMsb], scalars
 * [2^(ℓ−1) − 1, the divisor (2^k, or d), 2^(ℓ−1)].
 */
const splitMask = defineKernel(import.meta.url, 'trunc-pair/split', (arrays, scalars, lo, hi) => {
  const [r, rLow, rMsb] = arrays as [BigUint64Array, BigUint64Array, BigUint64Array];
  const [low, div, top] = scalars as [bigint, bigint, bigint];
  for (let i = lo; i < hi; i++) {
    rLow[i] = (r[i]! & low) / div;
    rMsb[i] = r[i]! / top;
  }
});

export interface TruncPairShares {
  readonly r: RingTensor;
  readonly rLow: RingTensor;
  readonly rMsb: RingTensor;
}

function pairOf(
  ctx: PartyContext,
  label: string,
  ell: number,
  divisor: bigint,
  signature: string,
  shape: Shape,
): TruncPairShares {
  const v = ctx.deal({
    kind: TRUNC_PAIR,
    label,
    items: sizeOf(shape),
    signature: `${shapeSignature(ell, shape)} ${signature}`,
    generate: (d) => {
      const r = d.ring('r', ell, shape);
      const rLow = allocWords(r.data.length, false);
      const rMsb = allocWords(r.data.length, false);
      splitMask([r.data, rLow, rMsb], [ringMask(ell - 1), divisor, 1n << BigInt(ell - 1)], r.data.length);
      return { r, rLow: ringTensor(ell, shape, rLow), rMsb: ringTensor(ell, shape, rMsb) };
    },
  });
  return { r: v['r'] as RingTensor, rLow: v['rLow'] as RingTensor, rMsb: v['rMsb'] as RingTensor };
}

/** A pair for truncation by 2^k. */
export const truncPair = (
  ctx: PartyContext,
  label: string,
  ell: number,
  k: number,
  shape: Shape,
): TruncPairShares => pairOf(ctx, label, ell, 1n << BigInt(k), `k=${k}`, shape);

/** A pair for division by the public integer d. */
export const divisionPair = (
  ctx: PartyContext,
  label: string,
  ell: number,
  d: bigint,
  shape: Shape,
): TruncPairShares => pairOf(ctx, label, ell, d, `d=${d}`, shape);
