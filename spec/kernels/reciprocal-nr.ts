// Reciprocal by Newton–Raphson as CrypTen 0.4 computes it (ALGORITHMS.md §3; approximations.py
// reciprocal, method "NR", reciprocal_nr_iters = 10, reciprocal_all_pos):
//   y₀ = 3·exp(1 − 2x) + 0.003   (0.003 encodes to 196/65536 under trunc encoding)
//   repeat: y ← y + (y − ⌊⌊y²⌋·x⌋)   (a square, then a product: two rounds a step in both schedules,
//                                      since each product needs the previous one)
// `reciprocal_nr_pos` assumes x > 0 ("all positive"). Domain [0.01, 100]: below 0.01 ten steps from
// y₀ ≈ 8 cannot reach 1/x; above 50 the floors' (x + 1)·2^−f a step (× 3 with CrypTen's truncation)
// leave no guaranteed fixed point of ε' = x·ε² + δ (4xδ ≥ 1: "fixed point limits it near 100"); above
// (1 + 2^(n+1))/2 = 256.5 the exp's base 1 + (1 − 2x)/256 drops below −1, y₀ explodes and the iteration
// diverges (shown by a test). Bound: the exp's tracked error, then Newton's ε' = −x·ε² + δ per step.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  addConst,
  exact,
  mulInt,
  neg,
  onInexactInput,
} from '../arithmetic/tracked.ts';
import { expCost, exp } from './exp.ts';
import { asTracked, reciprocalNewton, startAt } from './newton-error.ts';
import { Iterations } from './params.ts';
import { mulFixedCost, squareFixedCost } from '../arithmetic/cost.ts';
import { repeat } from '../cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';

export const ReciprocalNrParams = t.type({ iterations: Iterations });
export type ReciprocalNrParams = t.TypeOf<typeof ReciprocalNrParams>;

/** CrypTen's exp_iterations inside the initial guess. */
export const NR_EXP_ITERATIONS = 8;
export const NR_DOMAIN = { min: 0.01, max: 50 } as const;

/** y₀ = 3·exp(1 − 2x) + 0.003, tracked. */
export const reciprocalNrGuess = (m: ErrorModel, x: Tracked): Tracked =>
  addConst(m, mulInt(exp(m, addConst(m, neg(mulInt(x, 2)), 1), NR_EXP_ITERATIONS), 3), 0.003);

/** The positive reciprocal's steps on one tracked input (> 0; exact, or the result of earlier steps). */
export const reciprocalNrPos = (m: ErrorModel, x: Tracked, iterations: number): Tracked =>
  onInexactInput(x, (s) => {
    const r = 1 / s;
    return asTracked(reciprocalNewton(m, s, startAt(reciprocalNrGuess(m, exact(s)), r), iterations), r);
  });

export const reciprocalNrPosCost = (config: Config, iterations: number, n: number): Cost =>
  seq(
    config,
    expCost(config, NR_EXP_ITERATIONS, n),
    repeat(config, iterations, seq(config, squareFixedCost(config, n), mulFixedCost(config, n))),
  );

export const reciprocalNrPosSpec = unaryKernelSpec<ReciprocalNrParams>({
  id: 'reciprocal_nr_pos',
  title: 'Reciprocal of a positive value by Newton–Raphson (CrypTen, all positive)',
  source: 'docs/kernels.md reciprocal_nr; CrypTen 0.4 approximations.py reciprocal',
  params: ReciprocalNrParams,
  defaults: { iterations: 10 as t.Int },
  domain: () => interval(NR_DOMAIN.min, NR_DOMAIN.max),
  ideal: (x) => 1 / x,
  cost: (config, p, n) => reciprocalNrPosCost(config, p.iterations, n),
  steps: (m, p, x) => reciprocalNrPos(m, x, p.iterations),
});
