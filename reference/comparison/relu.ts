// Reference of ReLU (spec/comparison/relu.ts): x·(1 − [x < 0]) in the ring.
import { mul } from '../../core/ring-ops.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';
import { complement, signBit } from './clear.ts';

export const reluReference: Reference<NoParams> = (_c, _p, inputs) => ({
  z: mul(inputs['x']!, complement(signBit(inputs['x']!))),
});
