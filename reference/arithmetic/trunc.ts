// Reference of truncation (spec/arithmetic/trunc.ts): the exact floor ⌊x / 2^k⌋.
import { shiftRightArith } from '../../core/shift.ts';
import { type TruncParams, truncParamBits } from '../../spec/arithmetic/trunc.ts';
import type { Reference } from '../types.ts';

export const truncReference: Reference<TruncParams> = (c, p, inputs) => ({
  z: shiftRightArith(inputs['x']!, truncParamBits(c, p)),
});
