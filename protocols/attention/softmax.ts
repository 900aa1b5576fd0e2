// Softmax on shares (spec/attention/softmax.ts): the row max — CrypTen's log reduction under the crypten
// schedule, the pairwise tree under the default — then exp(x − max) and the shared denominator. A row
// of one value is 1 (party 0 holds the encoded 1), with no message. Labels 'softmax/max/…' or
// 'softmax/max_log/…', 'softmax/numerator/…', then the denominator's.
import { type RingTensor, zeros } from '../../core/ring.ts';
import { sub } from '../../core/ring-ops.ts';
import { rowDims } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { SoftmaxParams } from '../../spec/attention/softmax.ts';
import { type Protocol, ringInput } from '../types.ts';
import { addConst, broadcastRows, exp, max, maxLogReduction, normalizeRows } from '../steps.ts';

/** ⟨max⟩ of each row: CrypTen's log reduction (crypten schedule) or the pairwise tree. */
export const rowMax = (ctx: PartyContext, c: Config, x: RingTensor): Promise<RingTensor> =>
  c.schedule === 'crypten' ? maxLogReduction(ctx, c, x) : max(ctx, c, x);

export async function softmax(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: SoftmaxParams,
): Promise<RingTensor> {
  const { n } = rowDims('softmax', 'x', x.shape);
  if (n === 1) return addConst(ctx, c, zeros(c.ell, x.shape), 1);
  const top = await rowMax(ctx, c, x);
  const e = await exp(ctx.scope('numerator'), c, sub(x, broadcastRows(top, x.shape)), p.expIterations);
  return normalizeRows(ctx, c, e, p.denominator, 0);
}

export const softmaxProtocol: Protocol<SoftmaxParams> = async (ctx, { config, params }, inputs) => ({
  z: await softmax(ctx.scope('softmax'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
