// Beaver's online step (ALGORITHMS.md §1) with a triple the caller brings, for the catalogue's products:
// open x − a and y − b, combine c + ε·b + δ·a (+ ε·δ at party 0). A one-element triple serves every
// element (the defect of one triple over a vector), and `masked = false` opens x and y themselves.
import { type RingTensor, ringMask, ringTensor } from '../../../core/ring.ts';
import type { PartyContext } from '../../../runtime/context.ts';
import { openToAll } from '../../../runtime/comm.ts';

export interface Triple {
  readonly a: RingTensor;
  readonly b: RingTensor;
  readonly c: RingTensor;
}

export async function beaverStep(
  ctx: PartyContext,
  x: RingTensor,
  y: RingTensor,
  t: Triple,
  masked = true,
): Promise<RingTensor> {
  const { ell } = x;
  const m = ringMask(ell);
  const n = x.data.length;
  const at = (v: RingTensor, i: number): bigint => v.data[v.data.length === 1 ? 0 : i]!;
  const open = new BigUint64Array(2 * n);
  for (let i = 0; i < n; i++) {
    open[i] = masked ? (x.data[i]! - at(t.a, i)) & m : x.data[i]!;
    open[n + i] = masked ? (y.data[i]! - at(t.b, i)) & m : y.data[i]!;
  }
  const o = (await openToAll(ctx, 'open', ringTensor(ell, [2 * n], open))).data;
  const z = new BigUint64Array(n);
  for (let i = 0; i < n; i++)
    z[i] =
      (at(t.c, i) +
        o[i]! * at(t.b, i) +
        o[n + i]! * at(t.a, i) +
        (ctx.party === 0 ? o[i]! * o[n + i]! : 0n)) &
      m;
  return ringTensor(ell, x.shape, z);
}
