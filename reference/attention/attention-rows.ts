// Reference of PriViT's per-row attention switch (spec/attention/attention-rows.ts): softmax on the
// softmax rows, ⌊⌊x²⌋·enc(1/N)⌋ on the others.
import { type RingTensor, zeros } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { AttentionRowsParams } from '../../spec/attention/attention-rows.ts';
import { rowsOf, softmaxRows, squaredRows } from '../../spec/attention/row-choice.ts';
import type { Reference } from '../types.ts';
import { softmax } from './softmax.ts';
import { softmaxSquared } from './softmax-squared.ts';
import { putRows, takeRows } from '../steps.ts';

export function attentionRows(c: Config, x: RingTensor, p: AttentionRowsParams): RingTensor {
  const rows = rowsOf(x.shape);
  const soft = softmaxRows(p.rows, rows);
  const squared = squaredRows(p.rows, rows);
  let z = zeros(c.ell, x.shape);
  if (soft.length > 0) z = putRows(z, soft, softmax(c, takeRows(x, soft), p.softmax));
  if (squared.length > 0) z = putRows(z, squared, softmaxSquared(c, takeRows(x, squared), p.squared));
  return z;
}

export const attentionRowsReference: Reference<AttentionRowsParams> = (c, p, inputs) => ({
  z: attentionRows(c, inputs['x']!, p),
});
