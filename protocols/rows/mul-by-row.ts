// A Beaver product whose second operand has one value per row (CrypTen's broadcasting `mul`;
// ALGORITHMS.md §1 Beaver multiply, §6 softmax): x of shape [..., n] times r of shape [...] or [..., 1].
// The dealer gives a row triple (a like x, b one per row, c = a·b broadcast); the parties open
// ε = x − a (|x| values) and δ = r − b (one per row) in one message, and z = c + ε·b + δ·a (+ ε·δ at
// party 0), each row's b and δ broadcast over the row. A row normalisation y = e·(1/Σe) therefore
// opens |x| + rows values, where the plain product would open 2|x|. One round.
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { sumAll } from '../../core/ring-ops.ts';
import { assertPerRow, rowDims } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { exchangeShares } from '../../runtime/comm.ts';
import { rowTriple } from '../../runtime/material/row-triple.ts';
import type { Config } from '../../spec/config.ts';
import { truncBits } from '../arithmetic/truncate.ts';
import { combineByRowLead, combineByRowOther, maskByRow } from './row-kernels.ts';

/** ⟨x·r⟩ with r broadcast over each row of x, no truncation. One round. */
export async function mulRawByRow(ctx: PartyContext, x: RingTensor, r: RingTensor): Promise<RingTensor> {
  assertPerRow('mulRawByRow', { name: 'x', shape: x.shape }, { name: 'r', shape: r.shape });
  const { rows, n } = rowDims('mulRawByRow', 'x', x.shape);
  const { ell } = x;
  const N = x.data.length;
  const { a, b, c } = rowTriple(ctx, 'triple', ell, x.shape);
  const m = ringMask(ell);
  const masked = allocWords(N + rows, false);
  maskByRow([x.data, a.data, r.data, b.data, masked], [m], N);
  const parts = await exchangeShares(ctx, 'open', ringTensor(ell, [N + rows], masked));
  // With two parties the sum ε‖δ = Σ parts is folded into the combining loop (as in mul.ts).
  const mine = parts.length === 2 ? masked : sumAll('open', parts).data;
  const other = parts.length === 2 ? parts[1 - ctx.party]!.data : allocWords(N + rows);
  const z = allocWords(N, false);
  (ctx.party === 0 ? combineByRowLead : combineByRowOther)(
    [c.data, a.data, b.data, mine, other, z],
    [m, BigInt(n)],
    N,
  );
  return ringTensor(ell, x.shape, z);
}

/** ⟨⌊x·r / 2^f⌋⟩ with r broadcast over each row of x: the product, then the configured truncation. */
export async function mulFixedByRow(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  r: RingTensor,
): Promise<RingTensor> {
  return truncBits(ctx, config, await mulRawByRow(ctx, x, r), config.f, true);
}
