// Square root as CrypTen 0.4 computes it (ALGORITHMS.md §3; approximations.py sqrt): the Newton
// inverse square root, then one product with x: sqrt(x) = ⌊inv_sqrt(x)·x⌋. Same domain as inv_sqrt_nr.
import { seq } from '../cost.ts';
import { type ErrorModel, type Tracked, mulFixed } from '../arithmetic/tracked.ts';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import { INV_SQRT_DOMAIN, InvSqrtNrParams, invSqrtNrCost, invSqrtNr } from './inv-sqrt-nr.ts';
import { mulFixedCost } from '../arithmetic/cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';
import type * as t from 'io-ts';

/** √x = ⌊inv_sqrt(x)·x⌋, tracked. */
export const sqrt = (m: ErrorModel, x: Tracked, iterations: number): Tracked =>
  mulFixed(m, invSqrtNr(m, x, iterations), x);

export const sqrtCost = (config: Config, iterations: number, n: number): Cost =>
  seq(config, invSqrtNrCost(config, iterations, n), mulFixedCost(config, n));

export const sqrtSpec = unaryKernelSpec<InvSqrtNrParams>({
  id: 'sqrt',
  title: 'Square root as x·inv_sqrt(x) (CrypTen)',
  source: 'docs/kernels.md sqrt (x·inv_sqrt(x)); CrypTen 0.4 approximations.py sqrt',
  params: InvSqrtNrParams,
  defaults: { iterations: 3 as t.Int },
  domain: () => interval(INV_SQRT_DOMAIN.min, INV_SQRT_DOMAIN.max),
  ideal: (x) => Math.sqrt(x),
  cost: (config, p, n) => sqrtCost(config, p.iterations, n),
  steps: (m, p, x) => sqrt(m, x, p.iterations),
});
