// SquaredAttn (ALGORITHMS.md §4, §6; PriViT arXiv 2310.04604 §3 and its released code,
// flax_privit_model.py): y = x² / N with no row normalisation, N = 197 in PriViT's code — the token count
// of ViT-Tiny at 224, kept even for 65- or 257-token models (so N is a parameter of its own, not the row
// length). Steps: ⌊x²⌋ by a square pair (one round, one value opened an element), then the public product
// ⌊·enc(1/N)⌋ (PriViT's jnp.square(x)/197 on SPU: a square and a fixed-point constant). Both schedules.
// Error: two floors and the encoding of 1/N (relative up to 2^−f·N/2, 0.15 % at N = 197 with rounding to
// nearest, 0.3 % with CrypTen's truncating encoding) — |x²/N| ≤ 0.33 on the domain.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import { rowwiseSpec } from '../rows/rowwise-spec.ts';
import { PROPERTY_ROW_LENGTHS, typicalScores } from './scores.ts';
import {
  type ErrorModel,
  type Tracked,
  mulConst,
  seq,
  squareFixed,
  squareFixedCost,
  truncBitsCost,
} from '../steps.ts';

export const SoftmaxSquaredParams = t.type({ n: t.refinement(t.Int, (n) => n >= 1, 'integer ≥ 1') });
export type SoftmaxSquaredParams = t.TypeOf<typeof SoftmaxSquaredParams>;

/** Scores are meant to lie in [−SQUARED_SCORE_RANGE, SQUARED_SCORE_RANGE]. */
export const SQUARED_SCORE_RANGE = 8;

/** PriViT's hard-coded divisor. */
export const PRIVIT_TOKENS = 197;

/** x²/N on `elements` values: a square pair, then the public product's truncation. */
export const softmaxSquaredCost = (config: Config, elements: number): Cost =>
  seq(config, squareFixedCost(config, elements), truncBitsCost(config, elements));

/** The tracked steps on one value. */
export const squaredSteps = (m: ErrorModel, p: SoftmaxSquaredParams, x: Tracked): Tracked =>
  mulConst(m, squareFixed(m, x), 1 / p.n);

export const softmaxSquaredSpec = rowwiseSpec<SoftmaxSquaredParams>({
  id: 'softmax_squared',
  title: 'SquaredAttn x² / N, N = 197 in PriViT (no row normalisation)',
  family: 'attention',
  source: 'PriViT (arXiv 2310.04604) §3 and its released code (flax_privit_model.py); docs/attention.md',
  params: SoftmaxSquaredParams,
  defaults: { n: PRIVIT_TOKENS as t.Int },
  variants: [{ n: 65 as t.Int }],
  lengths: PROPERTY_ROW_LENGTHS,
  domain: () => ({
    kind: 'real',
    min: -SQUARED_SCORE_RANGE,
    max: SQUARED_SCORE_RANGE,
    row: {
      what: 'any row',
      check: () => undefined,
      sample: typicalScores(-SQUARED_SCORE_RANGE, SQUARED_SCORE_RANGE),
    },
  }),
  idealRow: (p, row) => row.map((x) => (x * x) / p.n),
  steps: (m, p, row) => row.map((x) => squaredSteps(m, p, x)),
  cost: (config, _p, { rows, n }) => softmaxSquaredCost(config, rows * n),
});
