// References of sigmoid and tanh (spec/kernels/logistic.ts), CrypTen's steps.
import type { RingTensor } from '../../core/ring.ts';
import { add, mulScalar, neg, sub } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import type { NoParams } from '../../spec/codecs.ts';
import {
  SIGMOID_EXP_ITERATIONS,
  SIGMOID_INITIAL,
  SIGMOID_NR_ITERATIONS,
} from '../../spec/kernels/logistic.ts';
import type { Reference } from '../types.ts';
import { exp } from './exp.ts';
import { addConst, mulConst, mulFixed, squareFixed } from '../arithmetic/fixed-point.ts';
import { abs, complement, ltz, select } from '../comparison/clear.ts';

export function sigmoid(c: Config, x: RingTensor): RingTensor {
  const den = addConst(c, exp(c, neg(abs(x)), SIGMOID_EXP_ITERATIONS), 1);
  let y = addConst(c, neg(mulConst(c, den, SIGMOID_INITIAL * SIGMOID_INITIAL)), 2 * SIGMOID_INITIAL);
  for (let i = 1; i < SIGMOID_NR_ITERATIONS; i++) y = add(y, sub(y, mulFixed(c, squareFixed(c, y), den)));
  return select(complement(ltz(x)), y, addConst(c, neg(y), 1));
}

/** tanh(x) = 2·sigmoid(2x) − 1. */
export const tanh = (c: Config, x: RingTensor): RingTensor =>
  addConst(c, mulScalar(sigmoid(c, mulScalar(x, 2n)), 2n), -1);

export const sigmoidReference: Reference<NoParams> = (c, _p, inputs) => ({ z: sigmoid(c, inputs['x']!) });

export const tanhReference: Reference<NoParams> = (c, _p, inputs) => ({ z: tanh(c, inputs['x']!) });
