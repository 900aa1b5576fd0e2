// Reference of eq (spec/comparison/eq.ts): [x = y] as 0/1, exact on the ring.
import { ringTensor } from '../../core/ring.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';

export const eqReference: Reference<NoParams> = (_c, _p, inputs) => {
  const x = inputs['x']!;
  const y = inputs['y']!;
  const out = new BigUint64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = x.data[i] === y.data[i] ? 1n : 0n;
  return { z: ringTensor(x.ell, x.shape, out) };
};
