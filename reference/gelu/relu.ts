// gelu_relu on clear values (spec/gelu/relu.ts): the comparison family's relu.
import type { NoParams } from '../../spec/codecs.ts';
import { relu } from '../steps.ts';
import type { Reference } from '../types.ts';

export const geluReluReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: relu(inputs['x']!) });
