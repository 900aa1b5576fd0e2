// Reference of softmax (spec/attention/softmax.ts): the row max (exact: any exact method gives the same
// value, so the pairwise tree stands for CrypTen's log reduction too), exp(x − max) with each floor exact,
// then the denominator. A row of one value is the encoded 1.
import { type RingTensor, zeros } from '../../core/ring.ts';
import { sub } from '../../core/ring-ops.ts';
import { rowDims } from '../../core/rows.ts';
import type { Config } from '../../spec/config.ts';
import type { SoftmaxParams } from '../../spec/attention/softmax.ts';
import type { Reference } from '../types.ts';
import { addConst, broadcastRows, exp, max, normalizeRows } from '../steps.ts';

export function softmax(c: Config, x: RingTensor, p: SoftmaxParams): RingTensor {
  const { n } = rowDims('softmax', 'x', x.shape);
  if (n === 1) return addConst(c, zeros(c.ell, x.shape), 1);
  const e = exp(c, sub(x, broadcastRows(max(x), x.shape)), p.expIterations);
  return normalizeRows(c, e, p.denominator, 0);
}

export const softmaxReference: Reference<SoftmaxParams> = (c, p, inputs) => ({
  z: softmax(c, inputs['x']!, p),
});
