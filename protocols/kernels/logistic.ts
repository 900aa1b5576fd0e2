// sigmoid and tanh on shares (spec/kernels/logistic.ts), CrypTen's steps: sign split, exp(−|x|) with 9
// squarings, Newton's first step from the public guess 0.75 in the clear, two more steps, then select.
import type { RingTensor } from '../../core/ring.ts';
import { add, mulScalar, neg, sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import {
  SIGMOID_EXP_ITERATIONS,
  SIGMOID_INITIAL,
  SIGMOID_NR_ITERATIONS,
} from '../../spec/kernels/logistic.ts';
import { select } from '../comparison/select.ts';
import { type Protocol, ringInput } from '../types.ts';
import { expLimit } from './exp.ts';
import { addConst, mulConst, mulFx, squareFx } from './secure-steps.ts';
import { affineInt, signSplit } from './signed.ts';

export async function secureSigmoid(ctx: PartyContext, c: Config, x: RingTensor): Promise<RingTensor> {
  const { negative, abs } = await signSplit(ctx, c, x);
  const e = await expLimit(ctx.scope('exp'), c, neg(abs), SIGMOID_EXP_ITERATIONS);
  const den = addConst(ctx, c, e, 1);
  const scaled = await mulConst(ctx.scope('nr0'), c, den, SIGMOID_INITIAL * SIGMOID_INITIAL);
  let y = addConst(ctx, c, neg(scaled), 2 * SIGMOID_INITIAL);
  for (let i = 1; i < SIGMOID_NR_ITERATIONS; i++) {
    const step = ctx.scope(`nr${i}`);
    y = add(y, sub(y, await mulFx(step.scope('mul'), c, await squareFx(step.scope('sq'), c, y), den)));
  }
  return select(ctx, c, affineInt(ctx, negative, -1n), y, addConst(ctx, c, neg(y), 1));
}

export const sigmoidProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await secureSigmoid(ctx.scope('sigmoid'), config, ringInput(ctx, inputs, 'x', config.ell)),
});

export const tanhProtocol: Protocol<NoParams> = async (ctx, { config: c }, inputs) => {
  const x = ringInput(ctx, inputs, 'x', c.ell);
  const s = await secureSigmoid(ctx.scope('tanh'), c, mulScalar(x, 2n));
  return { z: addConst(ctx, c, mulScalar(s, 2n), -1) };
};
