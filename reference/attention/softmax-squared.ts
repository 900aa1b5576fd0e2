// Reference of SquaredAttn (spec/attention/softmax-squared.ts): ⌊⌊x²⌋·enc(1/N)⌋.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { SoftmaxSquaredParams } from '../../spec/attention/softmax-squared.ts';
import type { Reference } from '../types.ts';
import { mulConst, squareFixed } from '../steps.ts';

export const softmaxSquared = (c: Config, x: RingTensor, p: SoftmaxSquaredParams): RingTensor =>
  mulConst(c, squareFixed(c, x), 1 / p.n);

export const softmaxSquaredReference: Reference<SoftmaxSquaredParams> = (c, p, inputs) => ({
  z: softmaxSquared(c, inputs['x']!, p),
});
