// select(b, x, y) = b ? x : y for an arithmetic 0/1 share b (ALGORITHMS.md §2; spec/comparison/select.ts).
// b has scale 1, so the products need no truncation; exact on the whole ring.
//   default — b·(x − y) + y: one Beaver product (1 round, 2ℓ bits per element). Label '<scope>/select/…'.
//   crypten — CrypTen's `where`: x·b + (1 − b)·y as two Beaver products run one after the other, the
//             masked y first (2 rounds, 4ℓ bits). Labels '<scope>/select/masked-y/…', '…/masked-x/…'.
import { match } from 'ts-pattern';
import type { RingTensor } from '../../core/ring.ts';
import { add, sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { mulRaw } from '../arithmetic/mul.ts';
import { publicMinus } from './arith-local.ts';
import { assertOperands } from './operands.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

export async function select(
  ctx: PartyContext,
  config: Config,
  b: RingTensor,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  assertOperands('select', config.ell, { b, x, y });
  const c = ctx.scope('select');
  return match(config.schedule)
    .with('default', async () => add(await mulRaw(c, b, sub(x, y)), y))
    .with('crypten', async () => {
      const maskedY = await mulRaw(c.scope('masked-y'), publicMinus(c, 1n, b), y);
      const maskedX = await mulRaw(c.scope('masked-x'), x, b);
      return add(maskedX, maskedY);
    })
    .exhaustive();
}

export const selectProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await select(
    ctx,
    config,
    ringInput(ctx, inputs, 'b', config.ell),
    ringInput(ctx, inputs, 'x', config.ell),
    ringInput(ctx, inputs, 'y', config.ell),
  ),
});
