// Comparisons of a shared fixed-point value with public thresholds (ALGORITHMS.md §2: lt(x, y) =
// ltz(x − y)): the indicator [x < a] (or [x ≤ a]) of a public real a, as a 0/1 share. On the fixed-point
// grid the comparison is exact against the real threshold itself: for an integer X (x in ring units)
//   [X < a·2^f] = [X < ⌈a·2^f⌉]        [X ≤ a·2^f] = [X < ⌊a·2^f⌋ + 1],
// so the parties subtract that integer and take ltz — a threshold that does not encode exactly (−1.95,
// T·√2) still splits the encoded inputs exactly where the ideal's float64 comparison does. (CrypTen's
// `x < 1.95` subtracts enc(1.95) instead, which misplaces the inputs between enc(a) and a.)
// Schedules: `crypten` compares one threshold after the other, as released code calls `<` in turn;
// `default` stacks every threshold into one ltz call over k·n elements (the rounds of one comparison).
// Another value may be opened with them (a masked sine argument): in the stacked comparison's first
// message under default, after the last comparison under crypten (protocols/comparison/ltz.ts).
import { match } from 'ts-pattern';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import { repeat, seq } from '../cost.ts';
import { ltzAlongsideCost, ltzCost } from './cost.ts';

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
 * k thresholds on n elements: k comparisons in turn (crypten) or one over k·n elements (default); with
 * `alongside` elements of another value opened with them (after the last comparison under crypten, in
 * the first message under default).
 */
export const ltPublicCost = (config: Config, n: number, cuts: number, alongside = 0): Cost =>
  match(config.schedule)
    .with('crypten', () =>
      alongside === 0
        ? repeat(config, cuts, ltzCost(config, n))
        : seq(config, repeat(config, cuts - 1, ltzCost(config, n)), ltzAlongsideCost(config, n, alongside)),
    )
    .with('default', () =>
      alongside === 0 ? ltzCost(config, cuts * n) : ltzAlongsideCost(config, cuts * n, alongside),
    )
    .exhaustive();
