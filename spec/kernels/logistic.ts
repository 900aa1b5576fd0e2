// sigmoid and tanh as CrypTen 0.4 computes them (ALGORITHMS.md §3; approximations.py sigmoid/tanh with
// the default sigmoid_tanh_method "reciprocal"):
//   b = ltz(x); p = (1 − 2b)·x                     (|x|: exact product with a scale-1 sign)
//   den = 1 + exp(−p)                              (limit method, exp_iterations = 9)
//   y₁ = 1.5 − ⌊den·enc(0.5625)⌋                  (Newton's first step from the public guess 0.75:
//                                                    2·0.75 − 0.75²·den, computed in the clear)
//   two more steps y ← y + (y − ⌊⌊y²⌋·den⌋)       (reciprocal_nr_iters = 3, all positive)
//   sigmoid = where(1 − b, y, 1 − y)               (select: crypten x·b + (1 − b)·y, default b·(x − y) + y)
//   tanh(x) = 2·sigmoid(2x) − 1                    (exact ×2, then the encoded 1 subtracted)
// Bound: the exp tracked operation by operation, Newton's contraction map for den ∈ (1, 2] (den is known
// only to within its own error, so the root moves with it), the select exact.
import type * as t from 'io-ts';
import { NoParams } from '../codecs.ts';
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import { ltzCost, selectCost } from '../comparison/cost.ts';
import { mulRawCost } from '../arithmetic/cost.ts';
import {
  type ErrorModel,
  type Tracked,
  addConst,
  exact,
  mulConst,
  mulInt,
  neg,
  onInexactInput,
} from '../arithmetic/tracked.ts';
import { expCost, exp } from './exp.ts';
import { asTracked, reciprocalNewton, startAt } from './newton-error.ts';
import { mulFixedCost, squareFixedCost, truncBitsCost } from '../arithmetic/cost.ts';
import { repeat } from '../cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';

export const SIGMOID_EXP_ITERATIONS = 9;
export const SIGMOID_NR_ITERATIONS = 3;
export const SIGMOID_INITIAL = 0.75;
export const SIGMOID_RANGE = 64;

export const sigmoidCost = (config: Config, n: number): Cost =>
  seq(
    config,
    ltzCost(config, n),
    mulRawCost(config, n),
    expCost(config, SIGMOID_EXP_ITERATIONS, n),
    truncBitsCost(config, n),
    repeat(
      config,
      SIGMOID_NR_ITERATIONS - 1,
      seq(config, squareFixedCost(config, n), mulFixedCost(config, n)),
    ),
    selectCost(config, n),
  );

/** 1/den for den = 1 + exp(−p), p = |x| exact: the first step in the clear, then Newton. */
function positiveSigmoid(m: ErrorModel, p: number): Tracked {
  const den = addConst(m, exp(m, neg(exact(p)), SIGMOID_EXP_ITERATIONS), 1);
  const y1 = addConst(m, neg(mulConst(m, den, SIGMOID_INITIAL * SIGMOID_INITIAL)), 2 * SIGMOID_INITIAL);
  const hi = den.v + den.e + den.d;
  const lo = den.v - den.e - den.d;
  const r = 1 / den.v;
  const spreadR = 1 / (den.v - den.e) - r; // the reference's root 1/den_ref lies within this of r
  const spreadP = 1 / lo - r;
  const s0 = startAt(y1, r);
  const widened = {
    R: { lo: s0.R.lo - spreadR, hi: s0.R.hi + spreadR },
    P: { lo: s0.P.lo - spreadP, hi: s0.P.hi + spreadP },
    w: s0.w,
  };
  const s = reciprocalNewton(m, hi, widened, SIGMOID_NR_ITERATIONS - 1, lo);
  const out = asTracked(s, r);
  return { ...out, e: out.e + spreadR, d: out.d + spreadR + spreadP };
}

/** The logistic sigmoid of a tracked input (exact, or the result of earlier steps). */
export const sigmoid = (m: ErrorModel, x: Tracked): Tracked =>
  onInexactInput(x, (s) => {
    const pos = positiveSigmoid(m, Math.abs(s));
    return s < 0 ? addConst(m, neg(pos), 1) : pos;
  });

export const sigmoidIdeal = (x: number): number => 1 / (1 + Math.exp(-x));

export const sigmoidSpec = unaryKernelSpec<t.TypeOf<typeof NoParams>>({
  id: 'sigmoid',
  title: 'Logistic sigmoid by exp and a 3-step Newton reciprocal (CrypTen)',
  source: 'docs/kernels.md sigmoid; CrypTen 0.4 approximations.py sigmoid (method "reciprocal")',
  params: NoParams,
  defaults: {},
  domain: () => interval(-SIGMOID_RANGE, SIGMOID_RANGE),
  ideal: sigmoidIdeal,
  cost: (config, _p, n) => sigmoidCost(config, n),
  steps: (m, _p, x) => sigmoid(m, x),
});

/** tanh(x) = 2·sigmoid(2x) − 1, tracked. */
export const tanh = (m: ErrorModel, x: Tracked): Tracked =>
  addConst(m, mulInt(sigmoid(m, mulInt(x, 2)), 2), -1);

/** tanh costs what sigmoid costs: the doubling and the affine map are local. */
export const tanhCost = sigmoidCost;

export const tanhSpec = unaryKernelSpec<t.TypeOf<typeof NoParams>>({
  id: 'tanh',
  title: 'Hyperbolic tangent as 2·sigmoid(2x) − 1 (CrypTen)',
  source: 'docs/kernels.md tanh; CrypTen 0.4 approximations.py tanh (method "reciprocal")',
  params: NoParams,
  defaults: {},
  domain: () => interval(-SIGMOID_RANGE / 2, SIGMOID_RANGE / 2),
  ideal: (x) => Math.tanh(x),
  cost: (config, _p, n) => tanhCost(config, n),
  steps: (m, _p, x) => tanh(m, x),
});
