// Square root as CrypTen 0.4 computes it (ALGORITHMS.md §3; approximations.py sqrt): the Newton
// inverse square root, then one product with x: sqrt(x) = ⌊inv_sqrt(x)·x⌋. Same domain as inv_sqrt_nr.
import { seq } from '../cost.ts';
import { mul } from './error-model.ts';
import { INV_SQRT_DOMAIN, InvSqrtNrParams, invSqrtCost, invSqrtSteps } from './inv-sqrt-nr.ts';
import { productCost } from './cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';
import type * as t from 'io-ts';

export const sqrtSpec = unaryKernelSpec<InvSqrtNrParams>({
  id: 'sqrt',
  title: 'Square root as x·inv_sqrt(x) (CrypTen)',
  source: 'docs/kernels.md sqrt (x·inv_sqrt(x)); CrypTen 0.4 approximations.py sqrt',
  params: InvSqrtNrParams,
  defaults: { iterations: 3 as t.Int },
  domain: () => interval(INV_SQRT_DOMAIN.min, INV_SQRT_DOMAIN.max),
  ideal: (x) => Math.sqrt(x),
  cost: (config, p, n) => seq(config, invSqrtCost(config, p.iterations, n), productCost(config, n)),
  steps: (m, p, x) => mul(m, invSqrtSteps(m, x, p.iterations), x),
});
