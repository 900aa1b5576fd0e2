// References of sign and abs (spec/comparison/sign.ts): 1 − 2·[x < 0] and x·sign(x) in the ring.
import { addScalar, mul, mulScalar } from '../../core/ring-ops.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';
import { signBit } from './clear.ts';

const signOf = (x: Parameters<typeof signBit>[0]) => addScalar(mulScalar(signBit(x), -2n), 1n);

export const signReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: signOf(inputs['x']!) });
export const absReference: Reference<NoParams> = (_c, _p, inputs) => ({
  z: mul(inputs['x']!, signOf(inputs['x']!)),
});
