// exp by its second-order Taylor polynomial 1 + x + x²/2 (ALGORITHMS.md §3; the numerator of Taylor
// softmax, positive for every x). Steps:
//   crypten schedule — s = ⌊x²/2^f⌋, h = ⌊s/2⌋ (CrypTen's square() then div(2): two truncations);
//   default schedule — h = ⌊x²/2^(f+1)⌋ (one truncation of the raw square).
// Domain [−1, 1]: the polynomial is a local approximation of eˣ (|error| 0.13 at −1, 8 % at 1); the
// bound states exactly that, plus the floors.
import type * as t from 'io-ts';
import { NoParams } from '../codecs.ts';
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  add,
  addConst,
  squareFixed,
  squareRaw,
  truncBits,
} from '../arithmetic/tracked.ts';
import { squareRawCost, squareFixedCost, truncBitsCost } from '../arithmetic/cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';

export const EXP_TAYLOR_RANGE = 1;

/** 1 + x + x²/2, tracked. */
export function expTaylor(m: ErrorModel, x: Tracked): Tracked {
  const half =
    m.config.schedule === 'crypten'
      ? truncBits(m, squareFixed(m, x), 1)
      : truncBits(m, squareRaw(x), m.config.f + 1);
  return addConst(m, add(x, half), 1);
}

export const expTaylorCost = (config: Config, n: number): Cost =>
  config.schedule === 'crypten'
    ? seq(config, squareFixedCost(config, n), truncBitsCost(config, n))
    : seq(config, squareRawCost(config, n), truncBitsCost(config, n));

export const expTaylorSpec = unaryKernelSpec<t.TypeOf<typeof NoParams>>({
  id: 'exp_taylor',
  title: 'Exponential by the Taylor polynomial 1 + x + x²/2',
  source: 'docs/kernels.md exp_taylor; the numerator of Taylor softmax',
  params: NoParams,
  defaults: {},
  domain: () => interval(-EXP_TAYLOR_RANGE, EXP_TAYLOR_RANGE),
  ideal: (x) => Math.exp(x),
  cost: (config, _p, n) => expTaylorCost(config, n),
  steps: (m, _p, x) => expTaylor(m, x),
});
