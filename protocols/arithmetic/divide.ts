// Division of a shared value by a public integer d (spec/arithmetic/truncation.ts, "Division by a public
// integer"; CrypTen 0.4 ArithmeticSharedTensor.div_ by an int): a row mean's 1/n, exact to the method's
// ulps where a product with enc(1/n) would be off by up to 2^−f/(1/n) relative (0.4 % for n = 768 at
// f = 16). The truncation methods with d for 2^k:
//   local-trunc     each party divides its signed share toward zero (CrypTen, 2 parties)
//   local-secureml  party 0 floors its share, the others ceil theirs
//   dealer          the dealer's pair for d, one opening (protocols/arithmetic/truncate.ts dealerDivide)
// Labels: '<scope>/div/pair', '<scope>/div/open'.
import type { RingTensor } from '../../core/ring.ts';
import { neg } from '../../core/ring-ops.ts';
import { divIntFloor, divIntTowardZero } from '../../core/shift.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { divisionPair } from '../../runtime/material/trunc-pair.ts';
import type { Config } from '../../spec/config.ts';
import { match } from 'ts-pattern';
import { dealerDivide } from './truncate.ts';

/** ⟨⌊x / d⌋⟩ for a public integer d ≥ 1 by the configured truncation method; d = 1 is the identity. */
export async function divInt(
  ctx: PartyContext,
  config: Config,
  share: RingTensor,
  d: number,
): Promise<RingTensor> {
  if (d === 1) return share;
  const D = BigInt(d);
  return match(config.truncation)
    .with('local-trunc', () => Promise.resolve(divIntTowardZero(share, D)))
    .with('local-secureml', () =>
      Promise.resolve(ctx.party === 0 ? divIntFloor(share, D) : neg(divIntFloor(neg(share), D))),
    )
    .with('dealer', () => {
      const scope = ctx.scope('div');
      return dealerDivide(scope, share, divisionPair(scope, 'pair', share.ell, D, share.shape), D);
    })
    .exhaustive();
}
