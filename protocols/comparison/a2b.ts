// Arithmetic to boolean conversion, as CrypTen's converters._A2B (ALGORITHMS.md §2): party i's
// arithmetic share becomes binary operand i — every party draws a binary zero sharing (PRZS, label
// '<scope>/a2b/przs<i>') and party i XORs its share in — and the n operands are added with
// BinarySharedTensor.sum's log reduction: while more than one operand remains, an odd count sets the
// first aside (appended after the sums), the first half is added to the second half with one stacked
// binaryAdd (label '<scope>/a2b/sum<level>'). Two parties: one adder, 1 + ⌈log₂ℓ⌉ AND rounds.
// Both schedules use this full conversion; the default schedule's LTZ does not need it (ltz-lookup.ts).
import { type BitTensor, bitTensor, concatBits, splitBits } from '../../core/bits.ts';
import { xorWords } from '../../core/ring-kernels.ts';
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { binaryAdd } from './adder.ts';
import { assertArithmetic } from './operands.ts';

/** XOR shares of the ℓ-bit two's-complement words of x (one word per element). */
export async function a2b(ctx: PartyContext, config: Config, x: RingTensor): Promise<BitTensor> {
  assertArithmetic('a2b', 'x', x, config.ell);
  const c = ctx.scope('a2b');
  const { ell } = config;
  let operands: BitTensor[] = Array.from({ length: ctx.parties }, (_, i) => {
    const z = c.zeroShareBits(`przs${i}`, ell, x.shape);
    if (i === ctx.party) xorWords([z.data, x.data, z.data], [], z.data.length);
    return z;
  });
  for (let level = 0; operands.length > 1; level++) {
    const extra = operands.length % 2 === 1 ? operands[0] : undefined;
    const rest = extra === undefined ? operands : operands.slice(1);
    const half = rest.length / 2;
    // One pair (two parties) needs no stacking copy.
    const stack = (parts: BitTensor[]): BitTensor =>
      parts.length === 1 ? parts[0]! : concatBits('a2b', parts);
    const sums = await binaryAdd(c.scope(`sum${level}`), stack(rest.slice(0, half)), stack(rest.slice(half)));
    operands = splitBits(
      sums,
      Array.from({ length: half }, () => x.shape),
    );
    if (extra !== undefined) operands.push(extra);
  }
  return bitTensor(ell, x.shape, operands[0]!.data);
}
