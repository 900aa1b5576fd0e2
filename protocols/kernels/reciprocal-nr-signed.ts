// The signed Newton reciprocal on shares (spec/kernels/reciprocal-nr-signed.ts): CrypTen's sign step
// around the positive reciprocal.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { ReciprocalNrParams } from '../../spec/kernels/reciprocal-nr.ts';
import { mulRaw } from '../arithmetic/fixed-point.ts';
import { type Protocol, ringInput } from '../types.ts';
import { reciprocalNrPos } from './reciprocal-nr.ts';
import { signSplit } from './signed.ts';

/** ⟨1/x⟩ for x of either sign, under `ctx` (the protocol scopes it 'reciprocal'). */
export async function reciprocalNr(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  iterations: number,
): Promise<RingTensor> {
  const { sign, abs } = await signSplit(ctx, c, x);
  const y = await reciprocalNrPos(ctx, c, abs, iterations);
  return mulRaw(ctx.scope('signed'), sign, y);
}

export const reciprocalNrProtocol: Protocol<ReciprocalNrParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await reciprocalNr(
    ctx.scope('reciprocal'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params.iterations,
  ),
});
