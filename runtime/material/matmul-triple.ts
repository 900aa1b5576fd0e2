// Matrix triples (ALGORITHMS.md §1, "Matrix multiply"): A [m,k], B [k,n] uniform, C = A·B; for a batch
// of products (one per attention head) A [b,m,k], B [b,k,n] and C the product of each pair, one item
// per product.
import type { RingTensor } from '../../core/ring.ts';
import { matmul, matmulBatch } from '../../core/ring-ops.ts';
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
  batch = 1,
): { A: RingTensor; B: RingTensor; C: RingTensor } {
  const single = batch === 1;
  const left = single ? [m, k] : [batch, m, k];
  const right = single ? [k, n] : [batch, k, n];
  const v = ctx.deal({
    kind: MATMUL_TRIPLE,
    label,
    items: batch,
    signature: shapeSignature(ell, left, right),
    generate: (d) => {
      const A = d.ring('A', ell, left);
      const B = d.ring('B', ell, right);
      return { A, B, C: single ? matmul(A, B) : matmulBatch(A, B) };
    },
  });
  return { A: v['A'] as RingTensor, B: v['B'] as RingTensor, C: v['C'] as RingTensor };
}
