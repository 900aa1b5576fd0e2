// Equality with zero, default schedule: masked opening and table lookups (docs/comparison.md
// "default EQ"). The dealer deals r uniform in Z_2^ℓ and, per 8-bit chunk of r (all ℓ bits), the
// XOR-shared table [v = r_j] (runtime/material/lookup-tables.ts, label '<scope>/eq/tables'); the parties
// open c = x + r ('eq/open'), look up e_j = table_j[c_j] (x = 0 ⟺ c = r ⟺ every chunk equal), AND the
// e_j together in layers 'eq/layer<k>' until two remain, and the final round 'eq/final' multiplies the
// last two into Z_2^ℓ (one chunk: a daBit conversion). Exact on the whole ring; any number of parties.
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { chunkPositions, eqzTables, halvesOf, lookupTables } from '../../runtime/material/lookup-tables.ts';
import { lookupLayout } from '../../spec/comparison/lookup-layout.ts';
import { eqLayer, finalToRing } from './lookup-tree.ts';

export async function eqzLookup(ctx: PartyContext, x: RingTensor): Promise<RingTensor> {
  const { ell } = x;
  const layout = lookupLayout(ell);
  const { chunks, wordsPerTable: words } = layout;
  const n = x.data.length;
  const m = ringMask(ell);
  const { r, eq } = eqzTables(ctx, 'tables', ell, x.shape);
  const masked = allocWords(n);
  for (let i = 0; i < n; i++) masked[i] = (x.data[i]! + r.data[i]!) & m;
  const c32 = halvesOf(await openToAll(ctx, 'open', ringTensor(ell, x.shape, masked)));
  const eq32 = halvesOf(eq);
  let nodes: BigUint64Array[] = Array.from({ length: chunks }, () => allocWords(n));
  lookupTables(c32, chunkPositions(layout), 0, eq32, chunks, words, nodes);
  for (let layer = 0; nodes.length > 2; layer++) nodes = await eqLayer(ctx.scope(`layer${layer}`), nodes, n);
  const final = ctx.scope('final');
  return nodes.length === 1
    ? finalToRing(final, ell, x.shape, n, nodes[0]!, undefined)
    : finalToRing(final, ell, x.shape, n, undefined, [nodes[1]!, nodes[0]!]);
}
