// Matrix triples (ALGORITHMS.md §1, "Matrix multiply"): A [m,k], B [k,n] uniform, C = A·B.
import type { RingTensor } from '../../core/ring.ts';
import { matmul } from '../../core/ring-ops.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';
import { MATMUL_TRIPLE } from '../../spec/material.ts';

export function matmulTriple(
  ctx: PartyContext,
  label: string,
  ell: number,
  m: number,
  k: number,
  n: number,
): { A: RingTensor; B: RingTensor; C: RingTensor } {
  const v = ctx.deal({
    kind: MATMUL_TRIPLE,
    label,
    items: 1,
    signature: shapeSignature(ell, [m, k], [k, n]),
    generate: (d) => {
      const A = d.ring('A', ell, [m, k]);
      const B = d.ring('B', ell, [k, n]);
      return { A, B, C: matmul(A, B) };
    },
  });
  return { A: v['A'] as RingTensor, B: v['B'] as RingTensor, C: v['C'] as RingTensor };
}
