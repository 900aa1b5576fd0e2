// Taylor softmax (ALGORITHMS.md §4): y = g(x) / Σ_row g(x) with g(x) = 1 + x + x²/2, the second-order
// Taylor polynomial of eˣ — positive for every x (its minimum is ½ at x = −1), so no row maximum is
// needed. Steps: g by spec/kernels/exp-taylor.ts (one square), then the shared denominator
// (spec/attention/denominator.ts). The ideal is the float64 formula itself: Taylor softmax is a
// different function from softmax, and its distance to softmax is reported, not bounded (docs/attention.md).
// Domain: scores in [−4, 4] (g in [½, 13]); rows whose row sum, deflated, lies in the reciprocal's range
// — with the defaults (Newton, η = 1) that is every such row; the Goldschmidt variant's η = 7.5 centres
// [½, 13]·N/(7.5·N) inside (1/16, 15/8).
import * as t from 'io-ts';
import { rowwiseSpec } from '../rows/rowwise-spec.ts';
import { PROPERTY_ROW_LENGTHS, typicalScores } from './scores.ts';
import {
  Denominator,
  expTaylor,
  expTaylorCost,
  normalizeRows,
  normalizeRowsCost,
  rowSumOutside,
  seq,
} from '../steps.ts';

export const SoftmaxTaylorParams = t.type({ denominator: Denominator });
export type SoftmaxTaylorParams = t.TypeOf<typeof SoftmaxTaylorParams>;

/** Scores are meant to lie in [−SCORE_RANGE, SCORE_RANGE]. */
export const TAYLOR_SCORE_RANGE = 4;

const taylor = (x: number): number => 1 + x + (x * x) / 2;

export const softmaxTaylorSpec = rowwiseSpec<SoftmaxTaylorParams>({
  id: 'softmax_taylor',
  title: 'Taylor softmax (1 + x + x²/2) / Σ_row (1 + x + x²/2)',
  family: 'attention',
  source:
    'Taylor softmax (de Brébisson and Vincent, ICLR 2016, "An Exploration of Softmax Alternatives Belonging to the Spherical Loss Family"); docs/attention.md',
  params: SoftmaxTaylorParams,
  defaults: { denominator: { method: 'newton', iterations: 10 as t.Int, signStep: false, eta: 1 } },
  variants: [{ denominator: { method: 'goldschmidt', t: 8 as t.Int, eta: 7.5 } }],
  lengths: PROPERTY_ROW_LENGTHS,
  domain: (config, p, n) => ({
    kind: 'real',
    min: -TAYLOR_SCORE_RANGE,
    max: TAYLOR_SCORE_RANGE,
    row: {
      what: `Σ_row (1 + x + x²/2), deflated, in the ${p.denominator.method} reciprocal's range`,
      check: (row) =>
        rowSumOutside(
          config,
          p.denominator,
          n,
          row.reduce((s, x) => s + taylor(x), 0),
        ),
      sample: typicalScores(-TAYLOR_SCORE_RANGE, TAYLOR_SCORE_RANGE),
    },
  }),
  idealRow: (_p, row) => {
    const g = row.map(taylor);
    const s = g.reduce((a, b) => a + b, 0);
    return g.map((v) => v / s);
  },
  steps: (m, p, row) =>
    normalizeRows(
      m,
      row.map((x) => expTaylor(m, x)),
      p.denominator,
      0,
    ),
  cost: (config, p, { rows, n }) =>
    seq(config, expTaylorCost(config, rows * n), normalizeRowsCost(config, p.denominator, rows, n)),
});
