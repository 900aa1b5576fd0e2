// sigmoid and tanh on shares (spec/kernels/logistic.ts), CrypTen's steps: sign split, exp(−|x|) with 8
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
import { exp } from './exp.ts';
import { addConst, mulConst, mulFixed, squareFixed } from '../arithmetic/fixed-point.ts';
import { affineInt, signSplit } from './signed.ts';

export async function sigmoid(ctx: PartyContext, c: Config, x: RingTensor): Promise<RingTensor> {
  const { negative, abs } = await signSplit(ctx, c, x);
  const e = await exp(ctx.scope('exp'), c, neg(abs), SIGMOID_EXP_ITERATIONS);
  const den = addConst(ctx, c, e, 1);
  const scaled = await mulConst(ctx.scope('nr0'), c, den, SIGMOID_INITIAL * SIGMOID_INITIAL);
  let y = addConst(ctx, c, neg(scaled), 2 * SIGMOID_INITIAL);
  for (let i = 1; i < SIGMOID_NR_ITERATIONS; i++) {
    const step = ctx.scope(`nr${i}`);
    y = add(y, sub(y, await mulFixed(step.scope('mul'), c, await squareFixed(step.scope('sq'), c, y), den)));
  }
  return select(ctx, c, affineInt(ctx, negative, -1n), y, addConst(ctx, c, neg(y), 1));
}

export const sigmoidProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await sigmoid(ctx.scope('sigmoid'), config, ringInput(ctx, inputs, 'x', config.ell)),
});

/** ⟨tanh(x)⟩ = 2·sigmoid(2x) − 1 under `ctx` (the protocol scopes it 'tanh'). */
export async function tanh(ctx: PartyContext, c: Config, x: RingTensor): Promise<RingTensor> {
  return addConst(ctx, c, mulScalar(await sigmoid(ctx, c, mulScalar(x, 2n)), 2n), -1);
}

export const tanhProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await tanh(ctx.scope('tanh'), config, ringInput(ctx, inputs, 'x', config.ell)),
});
