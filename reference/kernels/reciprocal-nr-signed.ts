// Reference of the signed Newton reciprocal (spec/kernels/reciprocal-nr-signed.ts): sign(x)·recip(|x|).
import type { RingTensor } from '../../core/ring.ts';
import { mul } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import type { ReciprocalNrParams } from '../../spec/kernels/reciprocal-nr.ts';
import { abs, sign } from '../comparison/clear.ts';
import type { Reference } from '../types.ts';
import { reciprocalNrPos } from './reciprocal-nr.ts';

export const reciprocalNr = (c: Config, x: RingTensor, iterations: number): RingTensor =>
  mul(sign(x), reciprocalNrPos(c, abs(x), iterations));

export const reciprocalNrReference: Reference<ReciprocalNrParams> = (c, p, inputs) => ({
  z: reciprocalNr(c, inputs['x']!, p.iterations),
});
