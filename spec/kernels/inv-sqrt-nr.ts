// Inverse square root by Newton–Raphson as CrypTen 0.4 computes it (ALGORITHMS.md §3;
// approximations.py inv_sqrt, sqrt_nr_iters = 3):
//   y₀ = 2.2·exp(−(⌊x/2⌋ + 0.2)) + 0.2 − ⌊x/1024⌋
//   crypten schedule, per step: y ← ⌊⌊y·(3 − ⌊x·⌊y²⌋⌋)⌋ / 2⌋              (three rounds: y², x·y², y·(…))
//   default schedule, per step: P = ⌊x·y⌋, Q = ⌊y²⌋ together; y ← ⌊(3y·2^f − P·Q) / 2^(f+1)⌋  (two rounds)
// Bound: the initial guess tracked operation by operation, then per step the exact relative-error map
// e' = −(3/2)e² − (1/2)e³ plus the step's floors (newton-error.ts). Domain: where three steps from this
// guess settle, [INV_SQRT_DOMAIN.min, INV_SQRT_DOMAIN.max].
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  addConst,
  exact,
  mulConst,
  neg,
  onInexactInput,
  sub,
  truncBits,
} from '../arithmetic/tracked.ts';
import { expCost, exp } from './exp.ts';
import { asTracked, invSqrtNewton, startAt } from './newton-error.ts';
import { Iterations } from './params.ts';
import { mulFixedCost, mulRawCost, squareFixedCost, truncBitsCost } from '../arithmetic/cost.ts';
import { repeat } from '../cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';

export const InvSqrtNrParams = t.type({ iterations: Iterations });
export type InvSqrtNrParams = t.TypeOf<typeof InvSqrtNrParams>;

export const INV_SQRT_EXP_ITERATIONS = 8;
export const INV_SQRT_DOMAIN = { min: 0.2, max: 150 } as const;

/** y₀ = 2.2·exp(−(x/2 + 0.2)) + 0.2 − x/1024, tracked. */
export function invSqrtNrGuess(m: ErrorModel, x: Tracked): Tracked {
  const e = exp(m, neg(addConst(m, truncBits(m, x, 1), 0.2)), INV_SQRT_EXP_ITERATIONS);
  return sub(addConst(m, mulConst(m, e, 2.2), 0.2), truncBits(m, x, 10));
}

export const invSqrtNrGuessCost = (config: Config, n: number): Cost =>
  seq(
    config,
    truncBitsCost(config, n),
    expCost(config, INV_SQRT_EXP_ITERATIONS, n),
    truncBitsCost(config, n),
    truncBitsCost(config, n),
  );

const stepCost = (config: Config, n: number): Cost =>
  config.schedule === 'crypten'
    ? seq(
        config,
        squareFixedCost(config, n),
        mulFixedCost(config, n),
        mulFixedCost(config, n),
        truncBitsCost(config, n),
      )
    : seq(config, mulFixedCost(config, 2 * n), mulRawCost(config, n), truncBitsCost(config, n));

export const invSqrtNrCost = (config: Config, iterations: number, n: number): Cost =>
  seq(config, invSqrtNrGuessCost(config, n), repeat(config, iterations, stepCost(config, n)));

/** The inverse square root's steps on one tracked input (> 0; exact, or the result of earlier steps). */
export const invSqrtNr = (m: ErrorModel, x: Tracked, iterations: number): Tracked =>
  onInexactInput(x, (s) => atExact(m, s, iterations));

/** The steps from an exact input X. */
function atExact(m: ErrorModel, X: number, iterations: number): Tracked {
  const r = 1 / Math.sqrt(X);
  const U2 = m.u * m.u;
  const crypten = m.config.schedule === 'crypten';
  // |δ| of one step at a fixed-point y whose truncations each err by at most t.
  const stepError = crypten
    ? (y: number, t: number): number => (Math.abs(y) * (X * t + t) + t) / 2 + t
    : (y: number, t: number): number => (X * Math.abs(y) * t + y * y * t + t * t) / 2 + t;
  const wrapUnits = crypten
    ? (y: number): number => (y * y + X * y * y + y * (3 + X * y * y)) / U2 + y / m.u
    : (y: number): number => (X * y + y * y + 3 * y + X * y * y * y) / U2;
  const s = invSqrtNewton(m, X, startAt(invSqrtNrGuess(m, exact(X)), r), iterations, stepError, wrapUnits);
  return asTracked(s, r);
}

export const invSqrtNrSpec = unaryKernelSpec<InvSqrtNrParams>({
  id: 'inv_sqrt_nr',
  title: 'Inverse square root by Newton–Raphson (CrypTen)',
  source: 'docs/kernels.md inv_sqrt_nr; CrypTen 0.4 approximations.py inv_sqrt',
  params: InvSqrtNrParams,
  defaults: { iterations: 3 as t.Int },
  domain: () => interval(INV_SQRT_DOMAIN.min, INV_SQRT_DOMAIN.max),
  ideal: (x) => 1 / Math.sqrt(x),
  cost: (config, p, n) => invSqrtNrCost(config, p.iterations, n),
  steps: (m, p, x) => invSqrtNr(m, x, p.iterations),
});
