// Binary addition of XOR-shared ℓ-bit words, as CrypTen's circuit.add (ALGORITHMS.md §2): generate
// S = x ∧ y (one AND round), propagate P = x ⊕ y, then the Sklansky Set-Propagate-Kill tree
// (protocols/comparison/sklansky.ts), ⌈log₂ℓ⌉ levels, each ONE AND round on the stacked words:
//   X = [P0; P0] with P0 = P ∧ outMask,   Y = [S1; P1] = ((S ∧ inMask)·mult; (P ∧ inMask)·mult)
//   (U_S; U_P) = X ∧ Y;   S ← S ⊕ U_S;   P ← (P ∧ ¬outMask) ⊕ U_P
// and finally x + y = P_orig ⊕ (S ≪ 1) mod 2^ℓ. Words are one per element; `x` and `y` may stack any
// number of independent additions (CrypTen's sum over stacked operands). Labels: '<scope>/generate/…'
// for the first AND, '<scope>/level<i>/triple' and '<scope>/level<i>/open' for the tree levels.
import { allocWords, copyWords } from '../../core/word-pool.ts';
import { type BitTensor, bitTensor, xor, xorAll } from '../../core/bits.ts';
import { ringMask } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { andTriple } from '../../runtime/material/boolean.ts';
import { andShares } from './boolean/and.ts';
import { exchangeShares } from '../../runtime/comm.ts';
import { type SklanskyLevel, sklanskyLevels } from './sklansky.ts';
import { combineLevel, finishSum, maskLevel } from './adder-kernels.ts';

export async function binaryAdd(ctx: PartyContext, x: BitTensor, y: BitTensor): Promise<BitTensor> {
  const ell = x.width;
  const m = ringMask(ell);
  const w = x.data.length;
  const propagate = xor(x, y).data;
  const S = (await andShares(ctx.scope('generate'), x, y)).data;
  const P = copyWords(propagate);
  const levels = sklanskyLevels(ell);
  for (let i = 0; i < levels.length; i++) await sklanskyLevel(ctx.scope(`level${i}`), ell, levels[i]!, S, P);
  // The sum overwrites the local propagate buffer (fresh memory is what costs most here).
  finishSum([propagate, S], [m], w);
  return bitTensor(ell, x.shape, propagate);
}

/**
 * One tree level, updating S and P in place. This is andShares(X, Y) with X and Y never materialised:
 * the masking and the Beaver combination are fused with building the operands and applying the update
 * (the adder is the hot loop of every CrypTen comparison). Opened message: [X ⊕ a ; Y ⊕ b], 4w words.
 */
async function sklanskyLevel(
  ctx: PartyContext,
  ell: number,
  level: SklanskyLevel,
  S: BigUint64Array,
  P: BigUint64Array,
): Promise<void> {
  const m = ringMask(ell);
  const w = S.length;
  const { a, b, c } = andTriple(ctx, 'triple', ell, [2 * w]);
  const masked = allocWords(4 * w, false);
  maskLevel([S, P, a.data, b.data, masked], [m, level.inMask, level.outMask, level.multiplier], w);
  const parts = await exchangeShares(ctx, 'open', bitTensor(ell, [4 * w], masked));
  const mine = parts.length === 2 ? masked : xorAll('open', parts).data;
  const other = parts.length === 2 ? parts[1 - ctx.party]!.data : allocWords(4 * w);
  // party 0 adds d ∧ e: an all-ones/all-zeros mask instead of a BigInt conditional in the loop.
  const lead = ctx.party === 0 ? m : 0n;
  combineLevel([mine, other, S, P, a.data, b.data, c.data], [lead, level.notOutMask], w);
}
