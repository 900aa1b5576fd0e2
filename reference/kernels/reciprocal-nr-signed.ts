// Reference of the signed Newton reciprocal (spec/kernels/reciprocal-nr-signed.ts): sign(x)·recip(|x|).
import { mul } from '../../core/ring-ops.ts';
import type { ReciprocalNrParams } from '../../spec/kernels/reciprocal-nr.ts';
import type { Reference } from '../types.ts';
import { reciprocalPosReference } from './reciprocal-nr.ts';
import { absAndSign } from './sign.ts';

export const reciprocalNrReference: Reference<ReciprocalNrParams> = (c, p, inputs) => {
  const { abs, sign } = absAndSign(inputs['x']!);
  return { z: mul(sign, reciprocalPosReference(c, abs, p.iterations)) };
};
