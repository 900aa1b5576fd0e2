// The AND tree and the final mixed round of the default schedule's table-lookup comparisons
// (docs/comparison.md "default LTZ", spec/comparison/lookup-layout.ts). A node covers a contiguous run
// of chunks and holds XOR shares of one bit per element (1-bit words, one array per node):
//   t — LTZ: the comparison decided within the run (for the lowest run: its final answer)
//   e — all chunks of the run equal (absent for the lowest run of LTZ, which never needs it)
// A layer pairs node 2q+1 (hi) over node 2q (lo) and passes an odd top node through:
//   LTZ:  t = t_hi ⊕ (e_hi ∧ t_lo),  e = e_hi ∧ e_lo (q ≥ 1)       EQ:  e = e_hi ∧ e_lo
// all gates of a layer in ONE boolean Beaver AND over the concatenation: gate-major, gate g of element i
// at index g·N + i, gates ordered [e_hi∧t_lo for q = 0…p−1] then [e_hi∧e_lo for q = 1…p−1] (LTZ) or
// [e_hi∧e_lo for q = 0…p−1] (EQ). The last two nodes meet in the final round, which lands in Z_2^ℓ.
import { allocWords } from '../../core/word-pool.ts';
import { bitTensor } from '../../core/bits.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { Shape } from '../../core/shape.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { b2aAndTriple, dabit } from '../../runtime/material/boolean.ts';
import { andShares } from './boolean/and.ts';
import { openBitsToAll } from '../../runtime/comm.ts';

export interface LtzNode {
  readonly t: BigUint64Array;
  readonly e?: BigUint64Array;
}

const concat = (parts: readonly BigUint64Array[], n: number): BigUint64Array => {
  const out = allocWords(parts.length * n);
  parts.forEach((p, g) => out.set(p, g * n));
  return out;
};

async function andGates(
  ctx: PartyContext,
  xs: readonly BigUint64Array[],
  ys: readonly BigUint64Array[],
  n: number,
): Promise<BigUint64Array[]> {
  const g = xs.length;
  const z = await andShares(ctx, bitTensor(1, [g * n], concat(xs, n)), bitTensor(1, [g * n], concat(ys, n)));
  return Array.from({ length: g }, (_, k) => z.data.subarray(k * n, (k + 1) * n));
}

function xorInto(a: BigUint64Array, b: BigUint64Array): BigUint64Array {
  const out = allocWords(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** One LTZ layer (1 round): k nodes → ⌈k/2⌉. */
export async function ltzLayer(ctx: PartyContext, nodes: readonly LtzNode[], n: number): Promise<LtzNode[]> {
  const pairs = Math.floor(nodes.length / 2);
  const hi = (q: number): LtzNode => nodes[2 * q + 1]!;
  const lo = (q: number): LtzNode => nodes[2 * q]!;
  const qs = Array.from({ length: pairs }, (_, q) => q);
  const upper = qs.slice(1);
  const out = await andGates(
    ctx,
    [...qs.map((q) => hi(q).e!), ...upper.map((q) => hi(q).e!)],
    [...qs.map((q) => lo(q).t), ...upper.map((q) => lo(q).e!)],
    n,
  );
  const next: LtzNode[] = qs.map((q) =>
    q === 0 ? { t: xorInto(hi(q).t, out[q]!) } : { t: xorInto(hi(q).t, out[q]!), e: out[pairs + q - 1]! },
  );
  if (nodes.length % 2 === 1) next.push(nodes[nodes.length - 1]!);
  return next;
}

/** One equality layer (1 round): k nodes → ⌈k/2⌉. */
export async function eqLayer(
  ctx: PartyContext,
  nodes: readonly BigUint64Array[],
  n: number,
): Promise<BigUint64Array[]> {
  const pairs = Math.floor(nodes.length / 2);
  const qs = Array.from({ length: pairs }, (_, q) => q);
  const next = await andGates(
    ctx,
    qs.map((q) => nodes[2 * q + 1]!),
    qs.map((q) => nodes[2 * q]!),
    n,
  );
  if (nodes.length % 2 === 1) next.push(nodes[nodes.length - 1]!);
  return next;
}

/**
 * The final round (1 round): ⟨s + x·y⟩ in Z_2^ℓ from XOR-shared bits, where s, if given, is converted
 * with a daBit ('dabit') and x∧y with a b2a-AND triple ('gate'): one message [s ⊕ r | x ⊕ a | y ⊕ b]
 * ('open'). With d = x ⊕ a and g = y ⊕ b public, x = d + (1−2d)·A and y = g + (1−2g)·B in the ring, so
 * x·y = d·g + d(1−2g)·B + g(1−2d)·A + (1−2d)(1−2g)·C (party 0 adds the public d·g).
 * Without y: ⟨s⟩ alone (a plain daBit conversion).
 */
export async function finalToRing(
  ctx: PartyContext,
  ell: number,
  shape: Shape,
  n: number,
  s: BigUint64Array | undefined,
  xy: readonly [BigUint64Array, BigUint64Array] | undefined,
): Promise<RingTensor> {
  const bit = s === undefined ? undefined : dabit(ctx, 'dabit', ell, 1, shape);
  const gate = xy === undefined ? undefined : b2aAndTriple(ctx, 'gate', ell, shape);
  const parts: BigUint64Array[] = [];
  if (s !== undefined) parts.push(xorInto(s, bit!.rB.data));
  if (xy !== undefined) parts.push(xorInto(xy[0], gate!.a.data), xorInto(xy[1], gate!.b.data));
  const mine = concat(parts, n);
  const opened = (await openBitsToAll(ctx, 'open', bitTensor(1, [mine.length], mine))).data;
  const m = ringMask(ell);
  const lead = ctx.party === 0 ? 1n : 0n;
  const out = allocWords(n);
  if (bit !== undefined) {
    const ra = bit.rA.data;
    for (let i = 0; i < n; i++) {
      const z = opened[i]!;
      out[i] = (ra[i]! - 2n * z * ra[i]! + lead * z) & m;
    }
  }
  if (gate !== undefined) {
    const off = bit === undefined ? 0 : n;
    const { A, B, C } = gate;
    for (let i = 0; i < n; i++) {
      const d = opened[off + i]!;
      const g = opened[off + n + i]!;
      const term =
        lead * d * g +
        d * (1n - 2n * g) * B.data[i]! +
        g * (1n - 2n * d) * A.data[i]! +
        (1n - 2n * d) * (1n - 2n * g) * C.data[i]!;
      out[i] = (out[i]! + term) & m;
    }
  }
  return ringTensor(ell, shape, out);
}
