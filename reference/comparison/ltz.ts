// Reference of LTZ (spec/comparison/ltz.ts): the sign bit of x, as 0/1.
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';
import { ltz } from './clear.ts';

export const ltzReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: ltz(inputs['x']!) });
