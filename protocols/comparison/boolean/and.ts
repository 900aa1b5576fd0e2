// Boolean AND of XOR-shared words with a boolean Beaver triple (ALGORITHMS.md §2; CrypTen beaver.AND):
// the dealer gives a, b, c = a ∧ b; d = x ⊕ a and e = y ⊕ b are opened together in one message
// (1 round, 2·|x|·width bits to each other party); z_i = c_i ⊕ (d ∧ b_i) ⊕ (e ∧ a_i), party 0 also
// XORs d ∧ e. A word of width w is w AND gates. Labels: '<scope>/triple' (dealer), '<scope>/open'.
import { allocWords } from '../../../core/word-pool.ts';
import { type BitTensor, bitTensor, xorAll } from '../../../core/bits.ts';
import { inputError } from '../../../core/errors.ts';
import { assertSameShape } from '../../../core/shape.ts';
import type { PartyContext } from '../../../runtime/context.ts';
import { andTriple } from '../../../runtime/material/boolean.ts';
import { exchangeShares } from '../../../runtime/comm.ts';
import { combineAndLead, combineAndOther, maskBothBits } from './and-kernels.ts';

export async function andShares(ctx: PartyContext, x: BitTensor, y: BitTensor): Promise<BitTensor> {
  if (x.width !== y.width)
    throw inputError(`and: bit width mismatch: x has ${x.width} bits, y has ${y.width}`);
  assertSameShape('and', x.shape, y.shape, ['x', 'y']);
  const n = x.data.length;
  const { a, b, c } = andTriple(ctx, 'triple', x.width, x.shape);
  const ad = a.data;
  const bd = b.data;
  const masked = allocWords(2 * n, false);
  const xd = x.data;
  const yd = y.data;
  maskBothBits([xd, ad, yd, bd, masked], [], n);
  const parts = await exchangeShares(ctx, 'open', bitTensor(x.width, [2 * n], masked));
  // Sent buffers are shared with the receiver (tensors are immutable), so the opened value is folded
  // into the combining loop (two parties) or XORed into a fresh buffer, never into `masked`.
  const mine = parts.length === 2 ? masked : xorAll('open', parts).data;
  const other = parts.length === 2 ? parts[1 - ctx.party]!.data : allocWords(2 * n);
  const cd = c.data;
  const z = allocWords(n, false);
  (ctx.party === 0 ? combineAndLead : combineAndOther)([cd, ad, bd, mine, other, z], [], n);
  return bitTensor(x.width, x.shape, z);
}
