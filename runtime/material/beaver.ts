// Beaver triples and square pairs (ALGORITHMS.md §1): the dealer draws a, b uniform and deals c = a·b;
// for squaring it draws r and deals r². Named values: a, b, c / r, r2.
import { type RingTensor } from '../../core/ring.ts';
import { mul } from '../../core/ring-ops.ts';
import type { Shape } from '../../core/shape.ts';
import { sizeOf } from '../../core/shape.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';
import { BEAVER_TRIPLE, SQUARE_PAIR } from '../../spec/material.ts';

export interface TripleShares {
  readonly a: RingTensor;
  readonly b: RingTensor;
  readonly c: RingTensor;
}

export function beaverTriple(ctx: PartyContext, label: string, ell: number, shape: Shape): TripleShares {
  const v = ctx.deal({
    kind: BEAVER_TRIPLE,
    label,
    items: sizeOf(shape),
    signature: shapeSignature(ell, shape),
    generate: (d) => {
      const a = d.ring('a', ell, shape);
      const b = d.ring('b', ell, shape);
      return { a, b, c: mul(a, b) };
    },
  });
  return { a: v['a'] as RingTensor, b: v['b'] as RingTensor, c: v['c'] as RingTensor };
}

export function squarePair(
  ctx: PartyContext,
  label: string,
  ell: number,
  shape: Shape,
): { r: RingTensor; r2: RingTensor } {
  const v = ctx.deal({
    kind: SQUARE_PAIR,
    label,
    items: sizeOf(shape),
    signature: shapeSignature(ell, shape),
    generate: (d) => {
      const r = d.ring('r', ell, shape);
      return { r, r2: mul(r, r) };
    },
  });
  return { r: v['r'] as RingTensor, r2: v['r2'] as RingTensor };
}
