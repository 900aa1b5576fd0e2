// CrypTen 0.4's max over a row as `softmax(dim)` calls it — `max(dim, keepdim=True)` with
// `max_method "log_reduction"` (crypten/common/functions/maximum.py, sampling.py) — and its exact cost.
// The project's own `max` (spec/comparison/reduce.ts) is a pairwise tree; this is what CrypTen does:
//   1. log reduction: ⌊ln k⌋ times, the first half of the row against the second (an odd last value
//      passes through): ge (1 − ltz of the difference), then `where` (two products, crypten select);
//   2. pairwise on the k' values left: every value against its k' − 1 rotations (one ge over
//      (k' − 1)·k' values a row), the product of the k' − 1 results by a halving tree (prod, no
//      truncation: the bits have scale 1), then `weighted_index` picks one maximal position at random;
//      the max is Σ x·one-hot (one product);
//   3. the one-hot argmax over the whole row, which `max(dim)` also returns: eq(x, max) over the row,
//      then `weighted_index` again. softmax discards it, but CrypTen computes it, so it counts.
// weighted_index(t) over 0/1 values t: cumulative sums c (local), u = rand()·c_last (rand: f random
// bits a value, each turned arithmetic with a daBit, an ℓ-bit word opened per bit; one product), then
// [c_j > u] (one comparison a value) minus its shift by one: the first position whose cumulative sum
// exceeds u. The max value itself is exact: comparisons of in-range values and products with 0/1 bits
// need no truncation, and every maximal position holds the same value.
// eq under CrypTen: _eqz_2PC with two parties (spec/comparison/cost.ts eqzCost); with more, 1 − ne where
// ne = Σ ltz([d; −d]) (one comparison over twice the values).
// For k = 128 and 2 parties this is 79 of softmax's 116 rounds (CrypTen's own counter, measured).
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import { mulRawCost } from '../arithmetic/cost.ts';
import { dabitB2aCost, eqzCost, ltzCost, selectCost } from './cost.ts';

/** Halving steps of the log reduction: int(math.log(k)). */
export const logReductionSteps = (k: number): number => Math.floor(Math.log(k));

/** The pairs compared at each halving step of a row of k, and the length left for the pairwise stage. */
export function logReductionPlan(k: number): { readonly halves: readonly number[]; readonly rest: number } {
  const halves: number[] = [];
  let m = k;
  for (let s = 0; s < logReductionSteps(k); s++) {
    const h = Math.floor(m / 2);
    halves.push(h);
    m = h + (m % 2);
  }
  return { halves, rest: m };
}

/** The sizes of the halving product tree over `copies` factors (prod(0)): the products at each level. */
export function productTreeLevels(copies: number): number[] {
  const levels: number[] = [];
  for (let s = copies; s > 1; s = Math.floor(s / 2) + (s % 2)) levels.push(Math.floor(s / 2));
  return levels;
}

/** The rotations each value is compared with in the pairwise stage (CrypTen pads a row of 1 to 2). */
export const pairwiseCopies = (rest: number): number => Math.max(rest, 2) - 1;

/** crypten.rand over `values` values: f daBits each, an ℓ-bit word opened per bit. */
export const randCost = (config: Config, values: number): Cost =>
  dabitB2aCost(config, values * config.f, config.ell);

/** weighted_index over `rows` rows of w 0/1 values. */
export const weightedIndexCost = (config: Config, rows: number, w: number): Cost =>
  seq(config, randCost(config, rows), mulRawCost(config, rows), ltzCost(config, rows * w));

/** CrypTen's eq on `elements` values: _eqz_2PC for two parties, 1 − Σ ltz([d; −d]) for more. */
export const cryptenEqCost = (config: Config, elements: number): Cost =>
  config.parties === 2 ? eqzCost(config, elements) : ltzCost(config, 2 * elements);

/** CrypTen's max(dim) by log reduction over `rows` rows of k, its one-hot argmax included. */
export function maxLogReductionCost(config: Config, rows: number, k: number): Cost {
  const { halves, rest } = logReductionPlan(k);
  const copies = pairwiseCopies(rest);
  return seq(
    config,
    ...halves.map((h) => seq(config, ltzCost(config, rows * h), selectCost(config, rows * h))),
    ltzCost(config, copies * rows * rest),
    ...productTreeLevels(copies).map((p) => mulRawCost(config, p * rows * rest)),
    weightedIndexCost(config, rows, rest),
    mulRawCost(config, rows * rest),
    cryptenEqCost(config, rows * k),
    weightedIndexCost(config, rows, k),
  );
}
