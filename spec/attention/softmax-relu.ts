// ReLU softmax (ALGORITHMS.md §4, §6): y = ReLU(x) / (Σ_row ReLU(x) + ε) — MPCViT's RSAttn (ε = 1e-5,
// added to the denominator only; MPCViT arXiv 2211.13955 §3) and MPCFormer's 2ReLU (no ε). Steps: ReLU
// (a comparison and one product, spec/comparison/cost.ts), then the shared denominator
// (spec/attention/denominator.ts) with ε added by party 0.
// A row with no positive score: every numerator is exactly 0. At f = 16, ε = 1e-5 encodes to 0 under
// CrypTen's truncating encoding (and to one ulp, 2^−16, under rounding to nearest), so the denominator is
// 0 or ε: outside every reciprocal's range, the reciprocal is some finite value — or garbage after a
// wrap — but its product with the zero numerators is exactly 0 in the ring. Such a row gives 0 (within
// the final truncation's ulps); the ideal is defined as 0 there too (0/ε for MPCViT; 0/0 for 2ReLU
// without ε, where 0 is the convention). test/attention/relu-zero-row.test.ts shows it.
// Domain: scaled scores in [−8, 8]; rows with no positive score, or whose Σ ReLU(x) + ε, deflated, lies
// in the reciprocal's range. Defaults (MPCViT): Newton, η = 1/4 (Σ ReLU/N in [0.0025, 12.5]). Variants:
// MPCFormer's 2ReLU with CrypTen's default (sign-step) reciprocal, deflated; Goldschmidt, t = 13, η = 4.5
// (Σ ReLU/N from 0.006 to 8.4) for the default schedule. Released code (MPCFormer's benchmark): no
// deflation — at N = 512 a typical row sum is about 300, past the Newton reciprocal's divergence.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import type { RealDomain } from '../rows/draw.ts';
import { rowwiseSpec } from '../rows/rowwise-spec.ts';
import { PROPERTY_ROW_LENGTHS, typicalScores } from './scores.ts';
import {
  type ErrorModel,
  type Tracked,
  Denominator,
  ltzThenProductCost,
  normalizeRows,
  normalizeRowsCost,
  relu,
  rowSumOutside,
  seq,
} from '../steps.ts';

/** ε ≥ 0 (a finite real). */
export const Epsilon = t.refinement(t.number, (v) => Number.isFinite(v) && v >= 0, 'number ≥ 0');

export const SoftmaxReluParams = t.type({ epsilon: Epsilon, denominator: Denominator });
export type SoftmaxReluParams = t.TypeOf<typeof SoftmaxReluParams>;

/** Scores are meant to lie in [−RELU_SCORE_RANGE, RELU_SCORE_RANGE]. */
export const RELU_SCORE_RANGE = 8;

/** MPCViT's RSAttn: ε = 1e-5, Newton deflated by N/4. */
export const RSATTN: SoftmaxReluParams = {
  epsilon: 1e-5,
  denominator: { method: 'newton', iterations: 10 as t.Int, signStep: false, eta: 0.25 },
};

const twoRelu = (eta: number | 'none'): SoftmaxReluParams => ({
  epsilon: 0,
  denominator: { method: 'newton', iterations: 10 as t.Int, signStep: true, eta },
});

/** ReLU(x) / (Σ ReLU(x) + ε) on one row in float64; 0 for a row with no positive score. */
export function reluSoftmaxRow(row: Float64Array, epsilon: number): Float64Array {
  const g = row.map((x) => Math.max(0, x));
  const s = g.reduce((a, b) => a + b, 0);
  return s === 0 ? new Float64Array(row.length) : g.map((v) => v / (s + epsilon));
}

/** The domain of rows of n: scores in [−8, 8]; no positive score, or the deflated sum in range. */
export const reluSoftmaxDomain = (config: Config, p: SoftmaxReluParams, n: number): RealDomain => ({
  kind: 'real',
  min: -RELU_SCORE_RANGE,
  max: RELU_SCORE_RANGE,
  row: {
    what: `no positive score, or Σ_row ReLU(x) + ε, deflated, in the ${p.denominator.method} reciprocal's range`,
    check: (row) => {
      const s = row.reduce((a, x) => a + Math.max(0, x), 0);
      return s === 0 ? undefined : rowSumOutside(config, p.denominator, n, s + p.epsilon);
    },
    sample: typicalScores(-RELU_SCORE_RANGE, RELU_SCORE_RANGE),
  },
});

/** The tracked steps on one row. */
export const reluSoftmaxSteps = (m: ErrorModel, p: SoftmaxReluParams, row: readonly Tracked[]): Tracked[] =>
  normalizeRows(m, row.map(relu), p.denominator, p.epsilon);

export const softmaxReluCost = (config: Config, p: SoftmaxReluParams, rows: number, n: number): Cost =>
  seq(config, ltzThenProductCost(config, rows * n), normalizeRowsCost(config, p.denominator, rows, n));

export const softmaxReluSpec = rowwiseSpec<SoftmaxReluParams>({
  id: 'softmax_relu',
  title: 'ReLU softmax ReLU(x) / (Σ_row ReLU(x) + ε) (MPCViT RSAttn, MPCFormer 2ReLU)',
  family: 'attention',
  source: 'MPCViT (arXiv 2211.13955) §3 RSAttn; MPCFormer (arXiv 2211.01452) 2ReLU; docs/attention.md',
  params: SoftmaxReluParams,
  defaults: RSATTN,
  variants: [
    twoRelu(0.25),
    { epsilon: 1e-5, denominator: { method: 'goldschmidt', t: 13 as t.Int, eta: 4.5 } },
  ],
  releasedDefects: [
    {
      defect: 'newton-large-sum',
      title: "MPCFormer's 2ReLU benchmark: CrypTen's default reciprocal on the undeflated row sum",
      params: twoRelu('none'),
      claims: twoRelu(0.25),
      shapes: { x: [2, 512] },
    },
  ],
  lengths: PROPERTY_ROW_LENGTHS,
  domain: reluSoftmaxDomain,
  idealRow: (p, row) => reluSoftmaxRow(row, p.epsilon),
  steps: reluSoftmaxSteps,
  cost: (config, p, { rows, n }) => softmaxReluCost(config, p, rows, n),
});
