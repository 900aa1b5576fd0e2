// Reference of ReLU (spec/comparison/relu.ts): x·(1 − [x < 0]) in the ring.
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';
import { relu } from './clear.ts';

export const reluReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: relu(inputs['x']!) });
