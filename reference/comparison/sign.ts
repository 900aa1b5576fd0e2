// References of sign and abs (spec/comparison/sign.ts): 1 − 2·[x < 0] and x·sign(x) in the ring.
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';
import { abs, sign } from './clear.ts';

export const signReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: sign(inputs['x']!) });
export const absReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: abs(inputs['x']!) });
