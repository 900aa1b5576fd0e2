// Binary addition of XOR-shared ℓ-bit words, as CrypTen's circuit.add (ALGORITHMS.md §2): generate
// S = x ∧ y (one AND round), propagate P = x ⊕ y, then the Sklansky Set-Propagate-Kill tree
// (protocols/comparison/sklansky.ts), ⌈log₂ℓ⌉ levels, each ONE AND round on the stacked words:
//   X = [P0; P0] with P0 = P ∧ outMask,   Y = [S1; P1] = ((S ∧ inMask)·mult; (P ∧ inMask)·mult)
//   (U_S; U_P) = X ∧ Y;   S ← S ⊕ U_S;   P ← (P ∧ ¬outMask) ⊕ U_P
// and finally x + y = P_orig ⊕ (S ≪ 1) mod 2^ℓ. Words are one per element; `x` and `y` may stack any
// number of independent additions (CrypTen's sum over stacked operands). Labels: '<scope>/generate/…'
// for the first AND, '<scope>/level<i>/…' for the tree levels.
import { type BitTensor, bitTensor, xor } from '../../core/bits.ts';
import { ringMask } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { andShares } from './boolean/and.ts';
import { sklanskyLevels } from './sklansky.ts';

export async function binaryAdd(ctx: PartyContext, x: BitTensor, y: BitTensor): Promise<BitTensor> {
  const ell = x.width;
  const m = ringMask(ell);
  const w = x.data.length;
  const propagate = xor(x, y).data;
  const S = (await andShares(ctx.scope('generate'), x, y)).data;
  const P = new BigUint64Array(propagate);
  const levels = sklanskyLevels(ell);
  for (let i = 0; i < levels.length; i++) {
    const { inMask, outMask, notOutMask, multiplier } = levels[i]!;
    const X = new BigUint64Array(2 * w);
    const Y = new BigUint64Array(2 * w);
    for (let k = 0; k < w; k++) {
      const p0 = P[k]! & outMask;
      X[k] = p0;
      X[w + k] = p0;
      Y[k] = ((S[k]! & inMask) * multiplier) & m;
      Y[w + k] = ((P[k]! & inMask) * multiplier) & m;
    }
    const update = (
      await andShares(ctx.scope(`level${i}`), bitTensor(ell, [2 * w], X), bitTensor(ell, [2 * w], Y))
    ).data;
    for (let k = 0; k < w; k++) {
      S[k] = S[k]! ^ update[k]!;
      P[k] = (P[k]! & notOutMask) ^ update[w + k]!;
    }
  }
  const sum = new BigUint64Array(w);
  for (let k = 0; k < w; k++) sum[k] = propagate[k]! ^ ((S[k]! * 2n) & m);
  return bitTensor(ell, x.shape, sum);
}
