// References of lt, gt, le, ge (spec/comparison/compare.ts): the sign bit of the ring difference, as
// the protocol computes it — so outside the domain (a wrapping difference) they agree with the protocol.
import { sub } from '../../core/ring-ops.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';
import { complement, ltz } from './clear.ts';

export const ltReference: Reference<NoParams> = (_c, _p, i) => ({ z: ltz(sub(i['x']!, i['y']!)) });
export const gtReference: Reference<NoParams> = (_c, _p, i) => ({ z: ltz(sub(i['y']!, i['x']!)) });
export const geReference: Reference<NoParams> = (_c, _p, i) => ({
  z: complement(ltz(sub(i['x']!, i['y']!))),
});
export const leReference: Reference<NoParams> = (_c, _p, i) => ({
  z: complement(ltz(sub(i['y']!, i['x']!))),
});
