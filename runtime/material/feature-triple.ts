// Feature triples (spec/material.ts FEATURE_TRIPLE): the dealer's material for a Beaver product x·g
// where g has one value per feature of x (LayerNorm's γ), as CrypTen's broadcasting `mul` draws it for a
// weight of shape [n]: a uniform of x's shape, b uniform of shape [n], c = a·b with b broadcast over the
// rows. Named values: a, b, c.
import type { RingTensor } from '../../core/ring.ts';
import { mulByFeature } from '../../core/rows.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';
import { FEATURE_TRIPLE } from '../../spec/material.ts';

export interface FeatureTripleShares {
  readonly a: RingTensor;
  readonly b: RingTensor;
  readonly c: RingTensor;
}

export function featureTriple(
  ctx: PartyContext,
  label: string,
  ell: number,
  shape: Shape,
): FeatureTripleShares {
  const featureShape = [shape[shape.length - 1] ?? 1];
  const v = ctx.deal({
    kind: FEATURE_TRIPLE,
    label,
    items: sizeOf(shape),
    signature: shapeSignature(ell, shape, featureShape),
    generate: (d) => {
      const a = d.ring('a', ell, shape);
      const b = d.ring('b', ell, featureShape);
      return { a, b, c: mulByFeature(a, b) };
    },
  });
  return { a: v['a'] as RingTensor, b: v['b'] as RingTensor, c: v['c'] as RingTensor };
}
