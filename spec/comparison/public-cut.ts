// Comparisons of a shared fixed-point value with public thresholds (ALGORITHMS.md §2: lt(x, y) =
// ltz(x − y)): the indicator [x < a] (or [x ≤ a]) of a public real a, as a 0/1 share. On the fixed-point
// grid the comparison is exact against the real threshold itself: for an integer X (x in ring units)
//   [X < a·2^f] = [X < ⌈a·2^f⌉]        [X ≤ a·2^f] = [X < ⌊a·2^f⌋ + 1],
// so the parties subtract that integer and take ltz — a threshold that does not encode exactly (−1.95,
// T·√2) still splits the encoded inputs exactly where the ideal's float64 comparison does. (CrypTen's
// `x < 1.95` subtracts enc(1.95) instead, which misplaces the inputs between enc(a) and a.)
// Schedules: `crypten` compares one threshold after the other, as released code calls `<` in turn;
// `default` compares x with every threshold from ONE mask and ONE opening (x − k + r = c − k is public
// once c = x + r is, and the lookup tables depend on r alone), the thresholds' AND trees side by side in
// the same messages: the rounds of one comparison, the dealer's tables once per element. Another value may
// be opened with them (a masked sine argument): in that opening's message under default, after the last
// comparison under crypten (protocols/comparison/public-cut.ts).
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import { ltzCutsCost } from './cost.ts';

/** The indicator [x < at], or [x ≤ at] when `inclusive`. */
export interface PublicCut {
  readonly at: number;
  readonly inclusive?: boolean;
}

/** The integer X is compared against: [x < at] (or ≤) = [X < cutUnits] for x = X / 2^f. */
export function cutUnits(config: Config, cut: PublicCut): bigint {
  const a = cut.at * 2 ** config.f;
  return BigInt(cut.inclusive === true ? Math.floor(a) + 1 : Math.ceil(a));
}

/** The ideal indicator, in float64. */
export const cutHolds = (cut: PublicCut, x: number): boolean =>
  cut.inclusive === true ? x <= cut.at : x < cut.at;

/**
 * k thresholds on n elements: k comparisons in turn (crypten) or one masked opening with k trees side by
 * side (default); with `alongside` elements of another value opened with them (after the last comparison
 * under crypten, in the opening's message under default).
 */
export const ltPublicCost = (config: Config, n: number, cuts: number, alongside = 0): Cost =>
  ltzCutsCost(config, n, cuts, alongside);
