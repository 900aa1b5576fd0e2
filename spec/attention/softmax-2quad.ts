// 2Quad (ALGORITHMS.md §4, §6; MPCFormer arXiv 2211.01452 §3.2, SecFormer arXiv 2401.00793 §4):
// y = (x + c)² / Σ_row (x + c)², c = 5, no max subtraction — a different function from softmax (its
// distance to softmax is reported in docs/attention.md, not bounded). Steps: g = (x + c)² — a square
// (square pair, half a product's opening) under the default schedule, the released code's
// (x + c)·(x + c) Beaver product under the crypten schedule — then the shared denominator
// (spec/attention/denominator.ts).
// Parameters, as the systems use them:
//   SecFormer  Goldschmidt with deflation η (defaults: t = 7 as its end-to-end code, η = 100 — the mean
//              numerator the iteration is centred on: rows with Σ(x + c)²/N in [η/16, 15η/8] = [6.25,
//              187.5]); t = 13 as its op benchmark (variant)
//   MPCFormer  CrypTen's Newton reciprocal, here with its sign step as MPCFormer calls it, deflated by
//              η = 4 (Σ(x + c)²/N in [0.04, 200]) (variant)
// Released code (releasedDefects, spec/defects.ts): SecFormer's Goldschmidt without deflation (t = 7
// and 13) and MPCFormer's Newton without deflation: at N = 128 a typical row sum is about 3 500, far
// outside either reciprocal's range — both diverge, and fail their properties.
// Domain: scaled scores in [−8, 8] (g ≤ 169); typical rows are Gaussian scores (σ = 1.5), whose mean
// numerator is about 25 + σ².
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import { Finite } from '../codecs.ts';
import { rowwiseSpec } from '../rows/rowwise-spec.ts';
import type { Cost } from '../types.ts';
import { PROPERTY_ROW_LENGTHS, typicalScores } from './scores.ts';
import {
  addConst,
  Denominator,
  mulFixed,
  mulFixedCost,
  normalizeRows,
  normalizeRowsCost,
  rowSumOutside,
  seq,
  squareFixed,
  squareFixedCost,
} from '../steps.ts';

export const Softmax2QuadParams = t.type({ c: Finite, denominator: Denominator });
export type Softmax2QuadParams = t.TypeOf<typeof Softmax2QuadParams>;

/** Scores are meant to lie in [−QUAD_SCORE_RANGE, QUAD_SCORE_RANGE]. */
export const QUAD_SCORE_RANGE = 8;

const quad = (x: number, c: number): number => (x + c) * (x + c);

/** (x + c)², as a square (default) or the released code's product (crypten), on `elements` values. */
export const quadCost = (config: Config, elements: number): Cost =>
  config.schedule === 'crypten' ? mulFixedCost(config, elements) : squareFixedCost(config, elements);

const secformer = (iterations: number, eta: number | 'none'): Softmax2QuadParams => ({
  c: 5,
  denominator: { method: 'goldschmidt', t: iterations as t.Int, eta },
});
const mpcformer = (eta: number | 'none'): Softmax2QuadParams => ({
  c: 5,
  denominator: { method: 'newton', iterations: 10 as t.Int, signStep: true, eta },
});

export const softmax2QuadSpec = rowwiseSpec<Softmax2QuadParams>({
  id: 'softmax_2quad',
  title: '2Quad (x + c)² / Σ_row (x + c)², c = 5 (MPCFormer, SecFormer)',
  family: 'attention',
  source:
    'MPCFormer (arXiv 2211.01452) §3.2; SecFormer (arXiv 2401.00793) §4 and its released code; docs/attention.md',
  params: Softmax2QuadParams,
  defaults: secformer(7, 100),
  variants: [secformer(13, 100), mpcformer(4)],
  releasedDefects: [
    {
      defect: 'goldschmidt-undeflated',
      title: "SecFormer's released 2Quad: Goldschmidt (t = 7, end to end) on the undeflated row sum",
      params: secformer(7, 'none'),
      claims: secformer(7, 100),
      shapes: { x: [2, 128] },
    },
    {
      defect: 'goldschmidt-undeflated',
      title: "SecFormer's released 2Quad benchmark: Goldschmidt (t = 13) on the undeflated row sum",
      params: secformer(13, 'none'),
      claims: secformer(13, 100),
      shapes: { x: [2, 128] },
    },
    {
      defect: 'newton-large-sum',
      title: "MPCFormer's released 2Quad: CrypTen's default reciprocal (sign step) on the undeflated row sum",
      params: mpcformer('none'),
      claims: mpcformer(4),
      shapes: { x: [2, 128] },
    },
  ],
  lengths: PROPERTY_ROW_LENGTHS,
  domain: (config, p, n) => ({
    kind: 'real',
    min: -QUAD_SCORE_RANGE,
    max: QUAD_SCORE_RANGE,
    row: {
      what: `Σ_row (x + ${p.c})², deflated, in the ${p.denominator.method} reciprocal's range`,
      check: (row) =>
        rowSumOutside(
          config,
          p.denominator,
          n,
          row.reduce((s, x) => s + quad(x, p.c), 0),
        ),
      sample: typicalScores(-QUAD_SCORE_RANGE, QUAD_SCORE_RANGE),
    },
  }),
  idealRow: (p, row) => {
    const g = row.map((x) => quad(x, p.c));
    const s = g.reduce((a, b) => a + b, 0);
    return g.map((v) => v / s);
  },
  steps: (m, p, row) => {
    const shifted = row.map((x) => addConst(m, x, p.c));
    const g = shifted.map((a) => (m.config.schedule === 'crypten' ? mulFixed(m, a, a) : squareFixed(m, a)));
    return normalizeRows(m, g, p.denominator, 0);
  },
  cost: (config, p, { rows, n }) =>
    seq(config, quadCost(config, rows * n), normalizeRowsCost(config, p.denominator, rows, n)),
});
