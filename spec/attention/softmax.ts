// Softmax over the last axis as CrypTen 0.4 computes it (ALGORITHMS.md §4, §6; crypten/common/functions/
// approximations.py softmax): m = max over the row; e = exp(x − m) by the limit method; r = the
// reciprocal ("all positive") of Σ_row e; y = e·r with r broadcast over the row (spec/rows/cost.ts).
// A row of one value is 1 with no message (CrypTen returns ones).
//   crypten schedule  the max is CrypTen's log reduction with its one-hot argmax
//                     (spec/comparison/max-log-reduction.ts): at [12, 128, 128] and 2 parties this counts
//                     116 rounds and 292 626 432 bytes, what CrypTen's own counter reports (docs/attention.md)
//   default schedule  the pairwise tree max (spec/comparison/reduce.ts); the rest as CrypTen
// Parameters: exp iterations (8 as CrypTen) and the denominator (spec/attention/denominator.ts):
//   newton, no deflation   CrypTen's softmax. Its reciprocal's bound holds for row sums up to 50
//                          (spec/kernels/reciprocal-nr.ts): a row with more than about 50 scores within
//                          a few units of its maximum is outside the domain — CrypTen's own output there
//                          is off by up to 7 % (reciprocal_nr_pos at 100–200), and past 256 it diverges
//   newton, η = 1/32       the row sum (in [1, N]) deflated by N/32 lies in [32/N, 32]: every row of up to
//                          3 200 scores is inside
//   goldschmidt, t = 13, η = 0.6   the deflated sum lies in [1/(0.6·N), 1.67], reached by 13 steps for
//                          N up to about 1 200 (denominator.ts reciprocalRange): 13 rounds instead of 28
// Domain: scaled scores in [−16, 16] (x − m ≥ −32 stays in exp's domain; exp(−32) is 0 at f = 16 anyway)
// and rows whose Σ exp(x − m), deflated, lies in the reciprocal's range. The ideal is exact softmax.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import { Iterations } from '../kernels/params.ts';
import { rowwiseSpec } from '../rows/rowwise-spec.ts';
import type { Cost } from '../types.ts';
import type { RealDomain } from '../rows/draw.ts';
import { PROPERTY_ROW_LENGTHS, typicalScores } from './scores.ts';
import {
  type ErrorModel,
  type Tracked,
  Denominator,
  exact,
  exp,
  expCost,
  free,
  maxLogReductionCost,
  normalizeRows,
  normalizeRowsCost,
  reduceCost,
  rowSumOutside,
  seq,
  sub,
} from '../steps.ts';

export const SoftmaxParams = t.type({ expIterations: Iterations, denominator: Denominator });
export type SoftmaxParams = t.TypeOf<typeof SoftmaxParams>;

/** Scores are meant to lie in [−R, R], R = min(16, 2^(n−1)) for n exp iterations (x − m ≥ −2ⁿ). */
export const softmaxScoreRange = (p: SoftmaxParams): number => Math.min(16, 2 ** (p.expIterations - 1));

/** The limit method's value (1 + d/2ⁿ)^(2ⁿ) in exact reals. */
const limitExp = (d: number, iterations: number): number => (1 + d / 2 ** iterations) ** (2 ** iterations);

/** Σ_row exp(x − max) as the limit method computes it. */
export function expRowSum(row: Float64Array, iterations: number): number {
  let top = -Infinity;
  for (const x of row) top = Math.max(top, x);
  let s = 0;
  for (const x of row) s += limitExp(x - top, iterations);
  return s;
}

/** CrypTen's row max (crypten schedule) or the pairwise tree (default). */
export const rowMaxCost = (config: Config, rows: number, n: number): Cost =>
  config.schedule === 'crypten' ? maxLogReductionCost(config, rows, n) : reduceCost(config, 'max', rows, n);

export const softmaxCost = (config: Config, p: SoftmaxParams, rows: number, n: number): Cost =>
  n === 1
    ? free(config)
    : seq(
        config,
        rowMaxCost(config, rows, n),
        expCost(config, p.expIterations, rows * n),
        normalizeRowsCost(config, p.denominator, rows, n),
      );

/**
 * The domain of rows of n: scores in [−range, range] (softmax's own range by default; narrower where a
 * composite shares its rows with another normaliser) and the deflated Σ exp(x − max) in range.
 */
export function softmaxDomain(
  config: Config,
  p: SoftmaxParams,
  n: number,
  range = softmaxScoreRange(p),
): RealDomain {
  return {
    kind: 'real',
    min: -range,
    max: range,
    row: {
      what: `Σ_row exp(x − max), deflated, in the ${p.denominator.method} reciprocal's range`,
      check: (row) =>
        n === 1 ? undefined : rowSumOutside(config, p.denominator, n, expRowSum(row, p.expIterations)),
      sample: typicalScores(-range, range),
    },
  };
}

/** Exact softmax of one row in float64. */
export function softmaxRow(row: Float64Array): Float64Array {
  let top = -Infinity;
  for (const x of row) top = Math.max(top, x);
  const e = row.map((x) => Math.exp(x - top));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** The tracked steps on one row. */
export function softmaxSteps(m: ErrorModel, p: SoftmaxParams, row: readonly Tracked[]): Tracked[] {
  if (row.length === 1) return [exact(1)];
  const top = exact(Math.max(...row.map((x) => x.v)));
  const e = row.map((x) => exp(m, sub(x, top), p.expIterations));
  return normalizeRows(m, e, p.denominator, 0);
}

export const softmaxSpec = rowwiseSpec<SoftmaxParams>({
  id: 'softmax',
  title: 'Softmax: row max, exp(x − max) by the limit method, reciprocal of the row sum (CrypTen)',
  family: 'attention',
  source: 'CrypTen 0.4 crypten/common/functions/approximations.py softmax, maximum.py; docs/attention.md',
  params: SoftmaxParams,
  defaults: {
    expIterations: 8 as t.Int,
    denominator: { method: 'newton', iterations: 10 as t.Int, signStep: false, eta: 'none' },
  },
  variants: [
    {
      expIterations: 8 as t.Int,
      denominator: { method: 'newton', iterations: 10 as t.Int, signStep: false, eta: 1 / 32 },
    },
    { expIterations: 8 as t.Int, denominator: { method: 'goldschmidt', t: 13 as t.Int, eta: 0.6 } },
  ],
  // A row of one value is 1 with no message: audit rows of two.
  privacy: { instanceSize: 2 },
  lengths: PROPERTY_ROW_LENGTHS,
  domain: (config, p, n) => softmaxDomain(config, p, n),
  idealRow: (_p, row) => softmaxRow(row),
  steps: softmaxSteps,
  cost: (config, p, { rows, n }) => softmaxCost(config, p, rows, n),
});
