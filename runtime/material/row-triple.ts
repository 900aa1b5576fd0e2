// Row triples (spec/material.ts ROW_TRIPLE): the dealer's material for a Beaver product x·r where r has
// one value per row of x, as CrypTen's broadcasting `mul` draws it: a uniform of x's shape, b uniform
// with one value per row, c = a·b with b broadcast over its row. Named values: a, b, c.
import type { RingTensor } from '../../core/ring.ts';
import { mulByRow, perRowShape } from '../../core/rows.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';
import { ROW_TRIPLE } from '../../spec/material.ts';

export interface RowTripleShares {
  readonly a: RingTensor;
  readonly b: RingTensor;
  readonly c: RingTensor;
}

export function rowTriple(ctx: PartyContext, label: string, ell: number, shape: Shape): RowTripleShares {
  const rowShape = perRowShape(shape);
  const v = ctx.deal({
    kind: ROW_TRIPLE,
    label,
    items: sizeOf(shape),
    signature: shapeSignature(ell, shape, rowShape),
    generate: (d) => {
      const a = d.ring('a', ell, shape);
      const b = d.ring('b', ell, rowShape);
      return { a, b, c: mulByRow(a, b) };
    },
  });
  return { a: v['a'] as RingTensor, b: v['b'] as RingTensor, c: v['c'] as RingTensor };
}
