// exp by the limit method (ALGORITHMS.md §3; CrypTen 0.4 approximations.exp, exp_iterations = 8):
//   y₀ = 1 + ⌊x / 2ⁿ⌋,  then n squarings y ← ⌊y² / 2^f⌋,  so y = (1 + x/2ⁿ)^(2ⁿ) → eˣ.
// Both schedules take the same steps (each squaring needs the previous one). Domain [−min(2ⁿ, 64), 4]:
// below −2ⁿ the base 1 + x/2ⁿ turns negative, below −2ⁿ⁺¹ it drops under −1 and the even power blows
// up (shown by a test); below −64 the result is 0 to within an ulp anyway. Error: the real iteration's (1 + x/N)^N vs eˣ plus the
// floor of each step, propagated (spec/arithmetic/tracked.ts); both derived per input over the domain.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import { seq } from '../cost.ts';
import { type ErrorModel, type Tracked, addConst, squareFixed, truncBits } from '../arithmetic/tracked.ts';
import { Iterations } from './params.ts';
import { squareFixedCost, truncBitsCost } from '../arithmetic/cost.ts';
import { repeat } from '../cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';

export const ExpParams = t.type({ iterations: Iterations });
export type ExpParams = t.TypeOf<typeof ExpParams>;

/** The largest input of the exp domain: beyond it the limit method loses more than 3 % and grows. */
export const EXP_MAX = 4;

/** The limit-method steps, tracked (also the first step of reciprocal, inv_sqrt and sigmoid). */
export function exp(m: ErrorModel, x: Tracked, iterations: number): Tracked {
  let y = addConst(m, truncBits(m, x, iterations), 1);
  for (let i = 0; i < iterations; i++) y = squareFixed(m, y);
  return y;
}

export const expCost = (config: Config, iterations: number, n: number): Cost =>
  seq(config, truncBitsCost(config, n), repeat(config, iterations, squareFixedCost(config, n)));

export const expSpec = unaryKernelSpec<ExpParams>({
  id: 'exp',
  title: 'Exponential by the limit method (1 + x/2ⁿ)^(2ⁿ)',
  source: 'docs/kernels.md exp; CrypTen 0.4 crypten/common/functions/approximations.py exp',
  params: ExpParams,
  defaults: { iterations: 8 as t.Int },
  variants: [{ iterations: 5 as t.Int }],
  domain: (_c, p) => interval(-Math.min(2 ** p.iterations, 64), EXP_MAX),
  ideal: (x) => Math.exp(x),
  cost: (config, p, n) => expCost(config, p.iterations, n),
  steps: (m, p, x) => exp(m, x, p.iterations),
});
