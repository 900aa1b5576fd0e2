// Reference of select (spec/comparison/select.ts): b·(x − y) + y in the ring.
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';
import { select } from './clear.ts';

export const selectReference: Reference<NoParams> = (_c, _p, inputs) => ({
  z: select(inputs['b']!, inputs['x']!, inputs['y']!),
});
