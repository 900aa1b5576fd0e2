// LTZ — ⟨[x < 0]⟩ for x read as ℓ-bit two's complement (ALGORITHMS.md §2; spec/comparison/ltz.ts).
// Output: arithmetic shares in Z_2^ℓ of the integer 0 or 1 (scale 1: multiplying by it needs no
// truncation). Exact on the whole ring under both schedules, for any number of parties.
//   crypten — CrypTen 0.4's MPCTensor._ltz: A2B (a2b.ts: PRZS operands, Sklansky adder tree), each
//             party shifts its share word right by ℓ−1 (the sign bit), B2A of that bit with a daBit,
//             opening a full ℓ-bit word (b2a.ts). Labels under '<scope>/ltz/a2b/…', '<scope>/ltz/b2a/…'.
//   default — masked opening and table lookups (ltz-lookup.ts); labels under '<scope>/ltz/…'.
// Callers that compare more than once must give each call its own scope (ctx.scope(`cmp${i}`)).
import { match } from 'ts-pattern';
import { type RingTensor } from '../../core/ring.ts';
import { bitAt, bitTensor } from '../../core/bits.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { a2b } from './a2b.ts';
import { b2aWithDabit } from './b2a.ts';
import { ltzLookup } from './ltz-lookup.ts';
import { assertArithmetic } from './operands.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

export async function ltz(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  assertArithmetic('ltz', 'x', x, config.ell);
  const c = ctx.scope('ltz');
  return match(config.schedule)
    .with('crypten', () => ltzCrypten(c, config, x))
    .with('default', () => ltzLookup(c, x))
    .exhaustive();
}

async function ltzCrypten(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  const words = await a2b(ctx, config, x);
  // Each party's share word shifted right by ℓ − 1 (CrypTen: `>> 63`, then `& 1` in B2A), kept as an
  // ℓ-bit word: the B2A opens the whole word.
  const sign = bitAt(words, config.ell - 1);
  return b2aWithDabit(ctx.scope('b2a'), config.ell, bitTensor(config.ell, x.shape, sign.data));
}

export const ltzProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await ltz(ctx, config, ringInput(ctx, inputs, 'x', config.ell)),
});
