// ScaleAttn (ALGORITHMS.md §4, §6; MPCViT arXiv 2211.13955 §3): y = x / N, N public — the number of
// tokens with the class token (65 for CIFAR, 257 for Tiny-ImageNet), which is the row length: MPCViT's
// code divides by the last axis' size. No row normalisation, no interaction: one public fixed-point
// product ⌊x·enc(1/N)⌋ (spec/arithmetic/public-constant.ts), whose only message is a dealer truncation's
// with more than two parties. Parameter n: 'row' (N = the row length) or the token count, which x's rows
// must then have (a mismatch is an input error naming both). The reassociated (Q/√N)·((Kᵀ/√N)·V), which
// avoids the N × N matrix, is a matter for the layer, not for this normaliser.
// Error: the encoding of 1/N (rel. up to 2^−f·N/2, 0.05 % at N = 65 with rounding to nearest) and one floor.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import { rowwiseSpec } from '../rows/rowwise-spec.ts';
import { PROPERTY_ROW_LENGTHS, typicalScores } from './scores.ts';
import { mulConst, truncBitsCost } from '../steps.ts';

export const TokenCount = t.union([t.literal('row'), t.refinement(t.Int, (n) => n >= 1, 'integer ≥ 1')]);
export type TokenCount = t.TypeOf<typeof TokenCount>;

export const SoftmaxScaleParams = t.type({ n: TokenCount });
export type SoftmaxScaleParams = t.TypeOf<typeof SoftmaxScaleParams>;

/** Scores are meant to lie in [−SCALE_SCORE_RANGE, SCALE_SCORE_RANGE]. */
export const SCALE_SCORE_RANGE = 16;

/** N for rows of length `rowLength`. */
export const tokensOf = (p: SoftmaxScaleParams, rowLength: number): number =>
  p.n === 'row' ? rowLength : p.n;

/** ⌊x·enc(1/N)⌋ on `elements` values: the truncation's cost only. */
export const softmaxScaleCost = (config: Config, elements: number): Cost => truncBitsCost(config, elements);

export const softmaxScaleSpec = rowwiseSpec<SoftmaxScaleParams>({
  id: 'softmax_scale',
  title: 'ScaleAttn x / N, N the token count (MPCViT)',
  family: 'attention',
  source: 'MPCViT (arXiv 2211.13955) §3 ScaleAttn and its released code; docs/attention.md',
  params: SoftmaxScaleParams,
  defaults: { n: 'row' },
  variants: [{ n: 65 as t.Int }],
  lengths: PROPERTY_ROW_LENGTHS,
  fixedLength: (p) => (p.n === 'row' ? undefined : p.n),
  domain: () => ({
    kind: 'real',
    min: -SCALE_SCORE_RANGE,
    max: SCALE_SCORE_RANGE,
    row: {
      what: 'any row',
      check: () => undefined,
      sample: typicalScores(-SCALE_SCORE_RANGE, SCALE_SCORE_RANGE),
    },
  }),
  idealRow: (p, row) => row.map((x) => x / tokensOf(p, row.length)),
  steps: (m, p, row) => row.map((x) => mulConst(m, x, 1 / tokensOf(p, row.length))),
  cost: (config, _p, { rows, n }) => softmaxScaleCost(config, rows * n),
});
