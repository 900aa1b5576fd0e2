// Secure sine on shares (spec/kernels/sin.ts): open δ = x − t, then per frequency
// ⟨sin(kx)⟩ = enc(sin(kδ))·⟨cos(kt)⟩ + enc(cos(kδ))·⟨sin(kt)⟩, truncated once for all frequencies.
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { trigMask } from '../../runtime/material/trig.ts';
import type { Config } from '../../spec/config.ts';
import { encodedSinCos, periodFraction, periodUnits } from '../../spec/kernels/angle.ts';
import type { SinParams } from '../../spec/kernels/sin.ts';
import { truncBits } from '../arithmetic/truncate.ts';
import { type Protocol, ringInput } from '../types.ts';

/** ⟨sin(2πk·x/P)⟩ for every frequency k: shape [..., K]. One round. */
export async function sin(ctx: PartyContext, c: Config, x: RingTensor, p: SinParams): Promise<RingTensor> {
  const { t, sin, cos } = trigMask(ctx, 'mask', c, p, x.shape);
  const delta = (await openToAll(ctx, 'open', sub(x, t))).data;
  const K = p.frequencies.length;
  const M = periodUnits(c, p.period);
  const m = ringMask(c.ell);
  const z = allocWords(delta.length * K);
  const sd = sin.data;
  const cd = cos.data;
  for (let i = 0; i < delta.length; i++) {
    const phase = periodFraction(BigInt.asIntN(c.ell, delta[i]!), M);
    for (let j = 0; j < K; j++) {
      const [s, co] = encodedSinCos(c, p.frequencies[j]!, phase);
      const o = i * K + j;
      z[o] = (s * cd[o]! + co * sd[o]!) & m;
    }
  }
  return truncBits(ctx.scope('trunc'), c, ringTensor(c.ell, [...x.shape, K], z), c.f);
}

export const sinProtocol: Protocol<SinParams> = async (ctx, { config, params }, inputs) => ({
  z: await sin(ctx.scope('sin'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
