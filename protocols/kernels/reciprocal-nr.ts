// Newton–Raphson reciprocal on shares (spec/kernels/reciprocal-nr.ts), CrypTen's steps: the initial
// guess 3·exp(1 − 2x) + 0.003, then per step a square and a product (two rounds).
import type { RingTensor } from '../../core/ring.ts';
import { add, mulScalar, neg, sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { NR_EXP_ITERATIONS, type ReciprocalNrParams } from '../../spec/kernels/reciprocal-nr.ts';
import { type Protocol, ringInput } from '../types.ts';
import { exp } from './exp.ts';
import { addConst, mulFixed, squareFixed } from '../arithmetic/fixed-point.ts';

export async function reciprocalNrPos(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  iterations: number,
): Promise<RingTensor> {
  const base = addConst(ctx, c, neg(mulScalar(x, 2n)), 1);
  const e = await exp(ctx.scope('guess'), c, base, NR_EXP_ITERATIONS);
  let y = addConst(ctx, c, mulScalar(e, 3n), 0.003);
  for (let i = 0; i < iterations; i++) {
    const step = ctx.scope(`nr${i}`);
    const yx = await mulFixed(step.scope('mul'), c, await squareFixed(step.scope('sq'), c, y), x);
    y = add(y, sub(y, yx));
  }
  return y;
}

export const reciprocalNrPosProtocol: Protocol<ReciprocalNrParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await reciprocalNrPos(
    ctx.scope('reciprocal'),
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    params.iterations,
  ),
});
