// gelu_erf on shares (spec/gelu/erf.ts): z = ⌊x·enc(1/√2)⌋, CrypTen's erf series, the gate.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { ErfParams } from '../../spec/kernels/erf.ts';
import { erf, mulConst } from '../steps.ts';
import { type Protocol, ringInput } from '../types.ts';
import { geluGate } from './gate.ts';

export async function geluErf(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: ErfParams,
): Promise<RingTensor> {
  const z = await mulConst(ctx.scope('scale'), c, x, Math.SQRT1_2);
  return geluGate(ctx.scope('gate'), c, x, await erf(ctx.scope('erf'), c, z, p));
}

export const geluErfProtocol: Protocol<ErfParams> = async (ctx, { config, params }, inputs) => ({
  z: await geluErf(ctx.scope('gelu_erf'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
