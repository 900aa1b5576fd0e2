// Cost vocabulary of the kernels (spec/cost.ts algebra; ALGORITHMS.md §1): a fixed-point Beaver
// product of n elements opens 2n elements in one round and then truncates n elements; a square opens
// n; a batch of independent products is one product over their concatenation (one message).
import type { Config } from '../config.ts';
import { dealerCost, openToAllCost, par, seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import { BEAVER_TRIPLE, SQUARE_PAIR } from '../material.ts';
import { truncationCost } from '../arithmetic/truncation.ts';

/** ⟨x·y⟩ at scale 2^(2f), no truncation. */
export const rawProductCost = (config: Config, n: number): Cost =>
  par(config, dealerCost(config, BEAVER_TRIPLE, n, 3 * n), openToAllCost(config, 2 * n));

/** ⟨x·y / 2^f⟩: the product, then the configured truncation. */
export const productCost = (config: Config, n: number): Cost =>
  seq(config, rawProductCost(config, n), truncationCost(config, n));

/** ⟨x²⟩ at scale 2^(2f) with a square pair, no truncation. */
export const rawSquareCost = (config: Config, n: number): Cost =>
  par(config, dealerCost(config, SQUARE_PAIR, n, 2 * n), openToAllCost(config, n));

/** ⟨x² / 2^f⟩ with a square pair. */
export const squareCost = (config: Config, n: number): Cost =>
  seq(config, rawSquareCost(config, n), truncationCost(config, n));

/** A truncation of n elements (by any number of bits): free when local, one round with the dealer. */
export const truncCost = (config: Config, n: number): Cost => truncationCost(config, n);

/** `times` repetitions of the same sequential cost. */
export const repeat = (config: Config, times: number, c: Cost): Cost =>
  seq(config, ...Array.from({ length: times }, () => c));
