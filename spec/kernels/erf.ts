// erf as CrypTen 0.4 computes it (ALGORITHMS.md §3, §4 exact GeLU; approximations.py erf,
// erf_iterations = 8): the Taylor series
//   erf(x) ≈ (2/√π)·(x + Σ_{n=1..N} ⌊x^(2n+1)·enc(cₙ)⌋),   cₙ = (−1)ⁿ / (n!·(2n + 1)),
// each term truncated on its own, then ⌊·enc(2/√π)⌋. Under trunc encoding (f = 16) c₇ and c₈ encode to
// 0, so CrypTen effectively sums six terms; the bound says so. Powers: power-plan.ts (chain in the
// crypten schedule, a doubling tree in the default schedule, or CrypTen's pow recursion as released).
// The series is not meant for large |x| (CrypTen's own note): domain [−2, 2], where the error grows
// from ~1e-4 at |x| ≤ 1 to its worst at the edges; the bound is derived per input over the domain.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  add,
  mulConst,
  mulFixed,
  squareFixed,
} from '../arithmetic/tracked.ts';
import { Iterations } from './params.ts';
import { type PowerPlan, powerPlan } from './power-plan.ts';
import { mulFixedCost, squareFixedCost, truncBitsCost } from '../arithmetic/cost.ts';
import { repeat } from '../cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';

export const ErfParams = t.type({
  iterations: Iterations,
  powers: t.keyof({ chain: null, 'crypten-pow': null }),
});
export type ErfParams = t.TypeOf<typeof ErfParams>;

export const ERF_RANGE = 2;
export const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** cₙ = (−1)ⁿ / (n!·(2n + 1)). */
export function erfCoefficient(n: number): number {
  let fact = 1;
  for (let k = 2; k <= n; k++) fact *= k;
  return (n % 2 === 0 ? 1 : -1) / (fact * (2 * n + 1));
}

export const erfPlan = (config: Config, p: ErfParams): PowerPlan =>
  powerPlan(p.powers, config.schedule, p.iterations);

export function erf(m: ErrorModel, x: Tracked, p: ErfParams): Tracked {
  const plan = erfPlan(m.config, p);
  const regs: Tracked[] = [x];
  for (const level of plan.levels)
    for (const op of level)
      regs[op.dest] =
        op.kind === 'square' ? squareFixed(m, regs[op.a]!) : mulFixed(m, regs[op.a]!, regs[op.b]!);
  let sum = x;
  plan.terms.forEach((r, i) => (sum = add(sum, mulConst(m, regs[r]!, erfCoefficient(i + 1)))));
  return mulConst(m, sum, TWO_OVER_SQRT_PI);
}

export function erfCost(config: Config, p: ErfParams, n: number): Cost {
  const plan = erfPlan(config, p);
  const levels = plan.levels.map((level) =>
    level.length === 1 && level[0]!.kind === 'square'
      ? squareFixedCost(config, n)
      : mulFixedCost(config, level.length * n),
  );
  const terms =
    config.schedule === 'crypten'
      ? repeat(config, p.iterations, truncBitsCost(config, n))
      : truncBitsCost(config, p.iterations * n);
  return seq(config, ...levels, terms, truncBitsCost(config, n));
}

/** Gauss' error function (Abramowitz–Stegun 7.1.26 is too coarse for a reference: series/continued fraction). */
export function erfIdeal(x: number): number {
  const a = Math.abs(x);
  if (a < 3) {
    // Maclaurin series, converges fast here (terms < 1e-17 after ~40)
    let term = a;
    let sum = a;
    for (let n = 1; n < 60; n++) {
      term *= (-a * a) / n;
      sum += term / (2 * n + 1);
    }
    return Math.sign(x) * TWO_OVER_SQRT_PI * sum;
  }
  // erfc continued fraction for larger |x|
  let f = 0;
  for (let k = 60; k >= 1; k--) f = k / 2 / (a + f);
  return Math.sign(x) * (1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + f));
}

export const erfSpec = unaryKernelSpec<ErfParams>({
  id: 'erf',
  title: 'Error function by its Taylor series (CrypTen)',
  source: 'docs/kernels.md erf; CrypTen 0.4 approximations.py erf',
  params: ErfParams,
  defaults: { iterations: 8 as t.Int, powers: 'chain' },
  variants: [{ iterations: 3 as t.Int, powers: 'chain' }],
  domain: () => interval(-ERF_RANGE, ERF_RANGE),
  ideal: (x) => erfIdeal(x),
  cost: (config, p, n) => erfCost(config, p, n),
  steps: (m, p, x) => erf(m, x, p),
});
