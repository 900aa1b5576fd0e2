// Equality — ⟨[x = y]⟩ as a 0/1 arithmetic share (ALGORITHMS.md §2; spec/comparison/eq.ts). Exact on
// the whole ring (x − y = 0 mod 2^ℓ exactly when x = y).
//   crypten — CrypTen 0.4's MPCTensor._eqz_2PC on d = x − y, two parties only: party 0's share d₀ and
//             party 1's −d₁ become binary operands (PRZS, labels 'eq/przs0', 'eq/przs1'); bitwise
//             equality E = ¬(x₀ ⊕ x₁) (local); the all-ones test E ← E ∧ (E ≪ s) for s = 2^(L−1), …, 1
//             (L = ⌈log₂ℓ⌉, one AND round each, 'eq/level<i>'; when ℓ is not a power of two the low s
//             bits of E ≪ s are filled with ones so bit ℓ−1 still ANDs exactly the ℓ bits); the sign bit
//             of each share; B2A opening a full ℓ-bit word ('eq/b2a').
//   default — masked opening and equality tables (eq-lookup.ts), any number of parties.
import { match } from 'ts-pattern';
import { type BitTensor, bitAt, bitTensor } from '../../core/bits.ts';
import { usageError } from '../../core/errors.ts';
import { type RingTensor, ringMask } from '../../core/ring.ts';
import { neg, sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { b2aWithDabit } from './b2a.ts';
import { andShares } from './boolean/and.ts';
import { notShare, shiftLeftShare, xorPublic, xorShares } from './boolean/local.ts';
import { eqzLookup } from './eq-lookup.ts';
import { assertArithmetic, assertOperands } from './operands.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

export async function eq(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  assertOperands('eq', config.ell, { x, y });
  return eqz(ctx, config, sub(x, y));
}

/** ⟨[x = 0]⟩. */
export async function eqz(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  assertArithmetic('eqz', 'x', x, config.ell);
  const c = ctx.scope('eq');
  return match(config.schedule)
    .with('crypten', () => eqzCrypten(c, config, x))
    .with('default', () => eqzLookup(c, x))
    .exhaustive();
}

async function eqzCrypten(ctx: PartyContext, config: Config, d: RingTensor): Promise<RingTensor> {
  if (ctx.parties !== 2)
    throw usageError(
      `eq: the crypten schedule reproduces CrypTen's two-party equality (_eqz_2PC); ${ctx.parties} parties need the default schedule`,
    );
  const { ell } = config;
  const operand = (i: number, value: RingTensor): BitTensor => {
    const z = ctx.zeroShareBits(`przs${i}`, ell, d.shape);
    return ctx.party === i ? xorShares(z, bitTensor(ell, d.shape, value.data)) : z;
  };
  let E = notShare(ctx, xorShares(operand(0, d), operand(1, neg(d))));
  const depth = Math.ceil(Math.log2(ell));
  const powerOfTwo = 2 ** depth === ell;
  for (let i = 0; i < depth; i++) {
    const s = 2 ** (depth - 1 - i);
    const shifted = shiftLeftShare(E, s);
    const filled = powerOfTwo ? shifted : xorPublic(ctx, shifted, ringMask(s));
    E = await andShares(ctx.scope(`level${i}`), E, filled);
  }
  return b2aWithDabit(ctx.scope('b2a'), ell, bitTensor(ell, d.shape, bitAt(E, ell - 1).data));
}

export const eqProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await eq(ctx, config, ringInput(ctx, inputs, 'x', config.ell), ringInput(ctx, inputs, 'y', config.ell)),
});
