// Reference of PriViT's per-row attention switch (spec/attention/attention-rows.ts): softmax on the
// softmax rows, ⌊⌊x²⌋·enc(1/N)⌋ on the others.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { AttentionRowsParams } from '../../spec/attention/attention-rows.ts';
import { rowsOf, softmaxRows, squaredRows } from '../../spec/attention/row-choice.ts';
import type { Reference } from '../types.ts';
import { mapRowSets } from '../steps.ts';
import { softmax } from './softmax.ts';
import { softmaxSquared } from './softmax-squared.ts';

export function attentionRows(c: Config, x: RingTensor, p: AttentionRowsParams): RingTensor {
  const rows = rowsOf(x.shape);
  return mapRowSets(x, [
    { rows: softmaxRows(p.rows, rows), apply: (part) => softmax(c, part, p.softmax) },
    { rows: squaredRows(p.rows, rows), apply: (part) => softmaxSquared(c, part, p.squared) },
  ]);
}

export const attentionRowsReference: Reference<AttentionRowsParams> = (c, p, inputs) => ({
  z: attentionRows(c, inputs['x']!, p),
});
