// PriViT's per-row attention switch (ALGORITHMS.md §6; PriViT arXiv 2310.04604 §3 and its released code):
// one public switch per (head, query) row (spec/attention/row-choice.ts: a row mask, or a budget of
// softmax rows spread evenly) sends each row to softmax (spec/attention/softmax.ts, with its row max) or
// to SquaredAttn (x²/N, spec/attention/softmax-squared.ts). Rows are selected by public indices, locally
// (core/rows.ts), so the cost is softmax's on the softmax rows plus SquaredAttn's on the others, one
// after the other (softmax first) under both schedules: overlapping SquaredAttn's one round with softmax's
// first would mean fusing its opening into the max's comparison message (the transport delivers each
// channel's messages in order), for one round of softmax's 70 or more.
// Domain: scores in [−8, 8] (SquaredAttn's), every row meeting softmax's row condition (a row's condition
// cannot know its switch, so SquaredAttn's rows are held to it too).
import * as t from 'io-ts';
import type { Shape } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { rowwiseSpec } from '../rows/rowwise-spec.ts';
import type { Cost } from '../types.ts';
import { RowChoice, assertRows, rowsOf, softmaxRows, squaredRows } from './row-choice.ts';
import { SoftmaxParams, softmaxCost, softmaxDomain, softmaxRow, softmaxSteps } from './softmax.ts';
import {
  PRIVIT_TOKENS,
  SQUARED_SCORE_RANGE,
  SoftmaxSquaredParams,
  softmaxSquaredCost,
  squaredSteps,
} from './softmax-squared.ts';
import { PROPERTY_ROW_LENGTHS } from './scores.ts';
import { free, seq } from '../steps.ts';

export const AttentionRowsParams = t.type({
  rows: RowChoice,
  softmax: SoftmaxParams,
  squared: SoftmaxSquaredParams,
});
export type AttentionRowsParams = t.TypeOf<typeof AttentionRowsParams>;

/** Whether row `index` of x takes softmax. */
export const isSoftmaxRow = (p: AttentionRowsParams, shape: Shape, index: number): boolean =>
  softmaxRows(p.rows, rowsOf(shape)).includes(index);

export function attentionRowsCost(config: Config, p: AttentionRowsParams, shape: Shape, n: number): Cost {
  const rows = rowsOf(shape);
  const soft = softmaxRows(p.rows, rows).length;
  const squared = rows - soft;
  const a = soft === 0 ? free(config) : softmaxCost(config, p.softmax, soft, n);
  const b = squared === 0 ? free(config) : softmaxSquaredCost(config, squared * n);
  return seq(config, a, b);
}

const SOFTMAX_DEFAULTS: SoftmaxParams = {
  expIterations: 8 as t.Int,
  denominator: { method: 'newton', iterations: 10 as t.Int, signStep: false, eta: 1 / 32 },
};

export const attentionRowsSpec = rowwiseSpec<AttentionRowsParams>({
  id: 'attention_rows',
  title: "PriViT's per-row switch between softmax and SquaredAttn (row mask or budget)",
  family: 'attention',
  source: 'PriViT (arXiv 2310.04604) §3 and its released code (flax_privit_model.py); docs/attention.md',
  params: AttentionRowsParams,
  defaults: {
    rows: { budget: 1 as t.Int },
    softmax: SOFTMAX_DEFAULTS,
    squared: { n: PRIVIT_TOKENS as t.Int },
  },
  variants: [
    { rows: { mask: [0, 1, 1, 0] }, softmax: SOFTMAX_DEFAULTS, squared: { n: PRIVIT_TOKENS as t.Int } },
  ],
  // A row of one value is 1 with no message: audit rows of two.
  privacy: { instanceSize: 2 },
  lengths: PROPERTY_ROW_LENGTHS,
  rowShape: (p, rows, n) => ['mask' in p.rows ? p.rows.mask.length : Math.max(rows, p.rows.budget), n],
  checkShapes: (p, shapes) => assertRows('attention_rows', p.rows, shapes['x']!),
  distinctRows: (p, shape) => {
    const rows = rowsOf(shape);
    return [...softmaxRows(p.rows, rows).slice(0, 1), ...squaredRows(p.rows, rows).slice(0, 1)];
  },
  domain: (config, p, n) => softmaxDomain(config, p.softmax, n, SQUARED_SCORE_RANGE),
  idealRow: (p, row, at) =>
    isSoftmaxRow(p, at.shape, at.index) ? softmaxRow(row) : row.map((x) => (x * x) / p.squared.n),
  steps: (m, p, row, at) =>
    isSoftmaxRow(p, at.shape, at.index)
      ? softmaxSteps(m, p.softmax, row)
      : row.map((x) => squaredSteps(m, p.squared, x)),
  cost: (config, p, { shape, n }) => attentionRowsCost(config, p, shape, n),
});
