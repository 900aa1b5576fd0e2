// Reference of ReLU softmax (spec/attention/softmax-relu.ts): ReLU exactly, then the denominator with ε.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { SoftmaxReluParams } from '../../spec/attention/softmax-relu.ts';
import type { Reference } from '../types.ts';
import { normalizeRows, relu } from '../steps.ts';

export const softmaxRelu = (c: Config, x: RingTensor, p: SoftmaxReluParams): RingTensor =>
  normalizeRows(c, relu(x), p.denominator, p.epsilon);

export const softmaxReluReference: Reference<SoftmaxReluParams> = (c, p, inputs) => ({
  z: softmaxRelu(c, inputs['x']!, p),
});
