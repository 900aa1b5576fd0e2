// Reference of Taylor softmax (spec/attention/softmax-taylor.ts): 1 + x + ⌊x²/2⌋, then the denominator.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { SoftmaxTaylorParams } from '../../spec/attention/softmax-taylor.ts';
import type { Reference } from '../types.ts';
import { expTaylor, normalizeRows } from '../steps.ts';

export const softmaxTaylor = (c: Config, x: RingTensor, p: SoftmaxTaylorParams): RingTensor =>
  normalizeRows(c, expTaylor(c, x), p.denominator, 0);

export const softmaxTaylorReference: Reference<SoftmaxTaylorParams> = (c, p, inputs) => ({
  z: softmaxTaylor(c, inputs['x']!, p),
});
