// LTZ, default schedule: masked opening and table lookups (docs/comparison.md "default LTZ").
//   1. dealer: r uniform in Z_2^ℓ and per-chunk tables of r' = r mod 2^(ℓ−1), flipped by msb(r)
//      (runtime/material/lookup-tables.ts, label '<scope>/ltz/tables')
//   2. open c = x + r (1 round, ℓ bits; label 'ltz/open'); c' = c mod 2^(ℓ−1), chunks c_j
//   3. local lookups: t_j = lt_j[c_j], e_j = eq_j[c_j] (XOR shares)
//   4. AND layers 'ltz/layer<k>' until two nodes remain (protocols/comparison/lookup-tree.ts)
//   5. final round 'ltz/final': v = t_hi + e_hi·t_lo in Z_2^ℓ (= msb(r) ⊕ [c' < r']); one chunk: v = t_0
//   6. ltz = msb(c) ⊕ v = v + msb(c)·(1 − 2v) (party 0 adds msb(c))
// Why it is right: x = c − r, so msb(x) = msb(c) ⊕ msb(r) ⊕ [c' < r'] (the borrow into bit ℓ−1).
// Exact on the whole ring; any number of parties. Rounds: 1 + ⌈log₂ chunks⌉ (2 when one chunk).
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { chunkPositions, halvesOf, lookupTables, ltzTables } from '../../runtime/material/lookup-tables.ts';
import { lookupLayout } from '../../spec/comparison/lookup-layout.ts';
import { type LtzNode, finalToRing, ltzLayer } from './lookup-tree.ts';

const BIT = BigUint64Array.of(0n, 1n);

/** ⟨[x < 0]⟩ (see the file header). */
export async function ltzLookup(ctx: PartyContext, x: RingTensor): Promise<RingTensor> {
  return (await ltzLookupCuts(ctx, x, [0n])).bits[0]!;
}

/**
 * ⟨[x − kᵢ < 0]⟩ for several public integers kᵢ from ONE mask and ONE opening: x − kᵢ + r = c − kᵢ is
 * public once c = x + r is, and the tables depend on r alone, so each threshold looks the same table
 * shares up at the chunks of its own public c − kᵢ (reading a shared table at public positions reveals
 * nothing), and the thresholds' AND trees run side by side in the same messages (threshold-major, a tree
 * over k·n elements). With `alongside`, another value's shares ride in the opening's message and come
 * back opened. One threshold k = 0 is exactly `ltzLookup`.
 */
export async function ltzLookupCuts(
  ctx: PartyContext,
  x: RingTensor,
  offsets: readonly bigint[],
  alongside?: RingTensor,
): Promise<{ readonly bits: RingTensor[]; readonly opened?: RingTensor }> {
  const { ell } = x;
  const layout = lookupLayout(ell - 1);
  const { chunks, wordsPerTable: words } = layout;
  const n = x.data.length;
  const cuts = offsets.length;
  const N = cuts * n;
  const m = ringMask(ell);
  const { r, lt, eq } = ltzTables(ctx, 'tables', ell, x.shape);
  const extra = alongside?.data.length ?? 0;
  const masked = allocWords(n + extra);
  for (let i = 0; i < n; i++) masked[i] = (x.data[i]! + r.data[i]!) & m;
  if (alongside !== undefined) masked.set(alongside.data, n);
  const both = await openToAll(ctx, 'open', ringTensor(ell, extra === 0 ? x.shape : [n + extra], masked));
  const opened = alongside === undefined ? undefined : ringTensor(ell, alongside.shape, both.data.slice(n));
  // c − kᵢ for every threshold, threshold-major
  const c = allocWords(N);
  offsets.forEach((k, q) => {
    const kk = k & m;
    for (let i = 0; i < n; i++) c[q * n + i] = (both.data[i]! - kk) & m;
  });
  const c32 = halvesOf({ data: c });
  const lt32 = halvesOf(lt);
  const eq32 = eq === undefined ? undefined : halvesOf(eq);
  const positions = chunkPositions(layout);
  const t = Array.from({ length: chunks }, () => allocWords(N));
  const e = Array.from({ length: chunks - 1 }, () => allocWords(N));
  for (let q = 0; q < cuts; q++) {
    const cq = c32.subarray(2 * q * n, 2 * (q + 1) * n);
    const part = (a: BigUint64Array): BigUint64Array => a.subarray(q * n, (q + 1) * n);
    lookupTables(cq, positions, 0, lt32, chunks, words, t.map(part));
    if (eq32 !== undefined) lookupTables(cq, positions, 1, eq32, chunks - 1, words, e.map(part));
  }
  const shape = cuts === 1 ? x.shape : [N];
  let nodes: LtzNode[] = t.map((tj, j) => (j === 0 ? { t: tj } : { t: tj, e: e[j - 1]! }));
  for (let layer = 0; nodes.length > 2; layer++) nodes = await ltzLayer(ctx.scope(`layer${layer}`), nodes, N);
  const final = ctx.scope('final');
  const v =
    nodes.length === 1
      ? await finalToRing(final, ell, shape, N, nodes[0]!.t, undefined)
      : await finalToRing(final, ell, shape, N, nodes[1]!.t, [nodes[1]!.e!, nodes[0]!.t]);
  const msbWord = ell > 32 ? 1 : 0;
  const msbBit = (ell - 1) % 32;
  const lead = ctx.party === 0 ? 1n : 0n;
  const out = allocWords(N);
  for (let i = 0; i < N; i++) {
    const mc = BIT[(c32[2 * i + msbWord]! >>> msbBit) & 1]!;
    const vi = v.data[i]!;
    out[i] = (vi - 2n * mc * vi + lead * mc) & m;
  }
  const bits =
    cuts === 1
      ? [ringTensor(ell, x.shape, out)]
      : Array.from({ length: cuts }, (_, q) => ringTensor(ell, x.shape, out.slice(q * n, (q + 1) * n)));
  return opened === undefined ? { bits } : { bits, opened };
}
