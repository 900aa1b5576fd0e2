// References of sigmoid and tanh (spec/kernels/logistic.ts), CrypTen's steps.
import type { RingTensor } from '../../core/ring.ts';
import { add, addScalar, mulScalar, neg, sub } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import type { NoParams } from '../../spec/codecs.ts';
import {
  SIGMOID_EXP_ITERATIONS,
  SIGMOID_INITIAL,
  SIGMOID_NR_ITERATIONS,
} from '../../spec/kernels/logistic.ts';
import type { Reference } from '../types.ts';
import { expLimitReference } from './exp.ts';
import { addConst, mulConst, mulFx, squareFx } from './fixed-steps.ts';
import { absAndSign, ltzReference, selectReference } from './sign.ts';

export function sigmoidReference(c: Config, x: RingTensor): RingTensor {
  const b = ltzReference(x);
  const { abs } = absAndSign(x);
  const den = addConst(c, expLimitReference(c, neg(abs), SIGMOID_EXP_ITERATIONS), 1);
  let y = addConst(c, neg(mulConst(c, den, SIGMOID_INITIAL * SIGMOID_INITIAL)), 2 * SIGMOID_INITIAL);
  for (let i = 1; i < SIGMOID_NR_ITERATIONS; i++) y = add(y, sub(y, mulFx(c, squareFx(c, y), den)));
  return selectReference(addScalar(neg(b), 1n), y, addConst(c, neg(y), 1));
}

export const sigmoidRef: Reference<NoParams> = (c, _p, inputs) => ({
  z: sigmoidReference(c, inputs['x']!),
});

export const tanhReference: Reference<NoParams> = (c, _p, inputs) => ({
  z: addConst(c, mulScalar(sigmoidReference(c, mulScalar(inputs['x']!, 2n)), 2n), -1),
});
