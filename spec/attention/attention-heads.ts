// MPCViT's heterogeneous attention (ALGORITHMS.md §6; MPCViT arXiv 2211.13955 §3.3 and its released
// code): x holds the scores of several heads, [H, N, N] (or [L, H, N, N]); a public per-head choice
// (spec/attention/head-choice.ts: a mask, or α with μ and MPCViT's global binarisation) sends each head
// to the ReLU softmax (RSAttn, spec/attention/softmax-relu.ts) or to ScaleAttn (x / N with N the row
// length, spec/attention/softmax-scale.ts). The rows of a head are selected by public indices, locally
// (core/rows.ts takeRows / putRows), so the cost is that of the heads actually chosen: RSAttn on the
// rows of the RSAttn heads, ScaleAttn on the others, one after the other (RSAttn first) under both
// schedules: ScaleAttn sends nothing with two parties, and with more its one dealer-truncation round is
// not worth fusing into RSAttn's messages (the transport delivers each channel's messages in order).
// Domain: scores in [−8, 8], every row meeting RSAttn's row condition (a row's condition cannot know its
// head, so ScaleAttn's rows are held to it too).
import * as t from 'io-ts';
import type { Shape } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { rowwiseSpec } from '../rows/rowwise-spec.ts';
import type { Cost } from '../types.ts';
import { HeadChoice, assertHeads, headMask, rowsOfHeads } from './head-choice.ts';
import {
  RSATTN,
  SoftmaxReluParams,
  reluSoftmaxDomain,
  reluSoftmaxRow,
  reluSoftmaxSteps,
  softmaxReluCost,
} from './softmax-relu.ts';
import { softmaxScaleCost } from './softmax-scale.ts';
import { PROPERTY_ROW_LENGTHS } from './scores.ts';
import { free, mulConst, seq } from '../steps.ts';

export const AttentionHeadsParams = t.type({ heads: HeadChoice, relu: SoftmaxReluParams });
export type AttentionHeadsParams = t.TypeOf<typeof AttentionHeadsParams>;

/** Whether row `index` of x (shape `shape`) belongs to an RSAttn head. */
export function isReluRow(p: AttentionHeadsParams, shape: Shape, index: number): boolean {
  const q = shape.length >= 2 ? shape[shape.length - 2]! : 1;
  return headMask(p.heads)[Math.floor(index / q)] === 1;
}

export function attentionHeadsCost(config: Config, p: AttentionHeadsParams, shape: Shape, n: number): Cost {
  const mask = headMask(p.heads);
  const reluRows = rowsOfHeads(mask, shape, 1).length;
  const scaleRows = rowsOfHeads(mask, shape, 0).length;
  const relu = reluRows === 0 ? free(config) : softmaxReluCost(config, p.relu, reluRows, n);
  const scale = scaleRows === 0 ? free(config) : softmaxScaleCost(config, scaleRows * n);
  return seq(config, relu, scale);
}

export const attentionHeadsSpec = rowwiseSpec<AttentionHeadsParams>({
  id: 'attention_heads',
  title: "MPCViT's heterogeneous attention: RSAttn or ScaleAttn per head (mask, or α with μ)",
  family: 'attention',
  source: 'MPCViT (arXiv 2211.13955) §3.3 and its released code; docs/attention.md',
  params: AttentionHeadsParams,
  defaults: { heads: { mask: [1, 0] }, relu: RSATTN },
  variants: [{ heads: { alphas: [0.31, -0.4, 0.9, 0.05], mu: 0.5 }, relu: RSATTN }],
  lengths: PROPERTY_ROW_LENGTHS,
  rowShape: (p, rows, n) => [headMask(p.heads).length, rows, n],
  checkShapes: (p, shapes) => assertHeads('attention_heads', p.heads, shapes['x']!),
  distinctRows: (p, shape) => {
    const mask = headMask(p.heads);
    return [1, 0].flatMap((kind) => rowsOfHeads(mask, shape, kind as 0 | 1).slice(0, 1));
  },
  domain: (config, p, n) => reluSoftmaxDomain(config, p.relu, n),
  idealRow: (p, row, at) =>
    isReluRow(p, at.shape, at.index) ? reluSoftmaxRow(row, p.relu.epsilon) : row.map((x) => x / row.length),
  steps: (m, p, row, at) =>
    isReluRow(p, at.shape, at.index)
      ? reluSoftmaxSteps(m, p.relu, row)
      : row.map((x) => mulConst(m, x, 1 / row.length)),
  cost: (config, p, { shape, n }) => attentionHeadsCost(config, p, shape, n),
});
