// Reciprocal of a value of either sign, as CrypTen 0.4 computes it (ALGORITHMS.md §3; approximations.py
// reciprocal without reciprocal_all_pos): sgn = 1 − 2·ltz(x) (scale 1, exact), p = sgn·x (a Beaver
// product, no truncation), y = reciprocal_nr_pos(p), result sgn·y (another exact product).
// Domain [−50, −0.01] ∪ [0.01, 50] (the positive domain mirrored; 0 excluded by the gap).
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import { ltzCost } from '../comparison/cost.ts';
import { mulRawCost } from '../arithmetic/cost.ts';
import { type ErrorModel, type Tracked, neg } from '../arithmetic/tracked.ts';
import {
  NR_DOMAIN,
  type ReciprocalNrParams,
  ReciprocalNrParams as Params,
  reciprocalNrPosCost,
  reciprocalNrPos,
} from './reciprocal-nr.ts';
import { interval, unaryKernelSpec } from './unary.ts';
import type * as t from 'io-ts';

export const reciprocalNrCost = (config: Config, iterations: number, n: number): Cost =>
  seq(
    config,
    ltzCost(config, n),
    mulRawCost(config, n),
    reciprocalNrPosCost(config, iterations, n),
    mulRawCost(config, n),
  );

/** 1/x for x of either sign, tracked: the sign step is exact. */
export const reciprocalNr = (m: ErrorModel, x: Tracked, iterations: number): Tracked =>
  x.v < 0 ? neg(reciprocalNrPos(m, neg(x), iterations)) : reciprocalNrPos(m, x, iterations);

export const reciprocalNrSpec = unaryKernelSpec<ReciprocalNrParams>({
  id: 'reciprocal_nr',
  title: 'Reciprocal by Newton–Raphson with the sign step (CrypTen)',
  source: 'docs/kernels.md reciprocal_nr; CrypTen 0.4 approximations.py reciprocal',
  params: Params,
  defaults: { iterations: 10 as t.Int },
  domain: () => interval(-NR_DOMAIN.max, NR_DOMAIN.max, NR_DOMAIN.min),
  ideal: (x) => 1 / x,
  cost: (config, p, n) => reciprocalNrCost(config, p.iterations, n),
  steps: (m, p, x) => reciprocalNr(m, x, p.iterations),
});
