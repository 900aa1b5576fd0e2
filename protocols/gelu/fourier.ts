// gelu_fourier on shares (spec/gelu/fourier.ts). The series' mask is dealt first, then the two
// comparisons run with δ = w − t opened alongside (labels under '<scope>/cuts/…' or '<scope>/cut0', 'cut1':
// in the comparisons' one opening under default, after the second comparison under crypten),
// then F is finished ('<scope>/series/trunc'), and per schedule:
//   crypten — 'select' (the selector product for E), 'gate' ((0.5·x)·(1 + E));
//   default — 'middle' (x·(1 + F)) and 'half' (its truncation by f + 1), 'select' (both selector products
//             in one message).
import { type RingTensor } from '../../core/ring.ts';
import { add, mulScalar, sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import {
  type GeluFourierParams,
  fourierBeta,
  fourierCuts,
  fourierOpening,
} from '../../spec/gelu/fourier-params.ts';
import { publicMinus } from '../comparison/arith-local.ts';
import {
  addConst,
  ltPublicAlongside,
  maskSineSeries,
  mulInt,
  mulRaw,
  mulRawBatch,
  truncBits,
} from '../steps.ts';
import { type Protocol, ringInput } from '../types.ts';
import { geluGate } from './gate.ts';

export async function geluFourier(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: GeluFourierParams,
): Promise<RingTensor> {
  const o = fourierOpening(c, p);
  const w = o.factor === 1n ? x : mulInt(x, o.factor);
  const series = maskSineSeries(ctx.scope('series'), c, w, { angle: o.angle, coefficients: fourierBeta(p) });
  const cuts = await ltPublicAlongside(ctx, c, x, fourierCuts(p), series.masked);
  const F = await series.finish(cuts.opened);
  const [c0, c1] = cuts.bits as [RingTensor, RingTensor];
  if (c.schedule === 'crypten') {
    // E = −c₀ + (c₁ − c₀)·F + (1 − c₁), the 0/1 terms brought to scale 2^f.
    const one = 1n << BigInt(c.f);
    const middle = await mulRaw(ctx.scope('select'), sub(c1, c0), F);
    const e = add(sub(middle, mulScalar(c0, one)), mulScalar(publicMinus(ctx, 1n, c1), one));
    return geluGate(ctx.scope('gate'), c, x, e);
  }
  const raw = await mulRaw(ctx.scope('middle'), x, addConst(ctx, c, F, 1));
  const half = await truncBits(ctx.scope('half'), c, raw, c.f + 1);
  const [above, inside] = await mulRawBatch(ctx.scope('select'), c, [
    [x, publicMinus(ctx, 1n, c1)],
    [half, sub(c1, c0)],
  ]);
  return add(above!, inside!);
}

export const geluFourierProtocol: Protocol<GeluFourierParams> = async (ctx, { config, params }, inputs) => ({
  z: await geluFourier(ctx.scope('gelu_fourier'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
