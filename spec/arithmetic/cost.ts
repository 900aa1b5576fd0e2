// The cost of each fixed-point arithmetic step (ALGORITHMS.md §1), under the names the steps have in
// every room (protocols/arithmetic/fixed-point.ts, reference/arithmetic/fixed-point.ts,
// spec/arithmetic/tracked.ts), built with the algebra of spec/cost.ts. Every formula is written once,
// here; a spec composes them and the properties check measured = formula.
//   mulRaw      one Beaver product of n elements: the dealer's triple (a, b, c: 3n elements a party) and
//               ε‖δ opened in one round (2n elements to every other party)
//   squareRaw   one square pair (r, r²: 2n elements) and e = x − r opened (n elements)
//   truncBits   the configured truncation of n elements (free when local, one round with the dealer)
//   matmulRaw   a batch of b matrix products [m,k]·[k,n]: the dealer's matrix triples (A, B, C:
//               b·(mk + kn + mn) elements a party, one item per product) and E‖F opened in one round
//               (b·(mk + kn) elements to every other party) — what CrypTen's beaver matmul opens
//   divInt      a division of n elements by a public integer: the truncation's cost (nothing for 1)
//   mulFixed, squareFixed   the raw step, then truncBits
// A batch of independent products (mulFixedBatch) is one product over their concatenation.
import type { Config } from '../config.ts';
import { dealerCost, openToAllCost, par, seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import { BEAVER_TRIPLE, MATMUL_TRIPLE, SQUARE_PAIR } from '../material.ts';
import { truncationCost } from './truncation.ts';

/** ⟨x·y⟩ at scale 2^(2f), no truncation. */
export const mulRawCost = (config: Config, n: number): Cost =>
  par(config, dealerCost(config, BEAVER_TRIPLE, n, 3 * n), openToAllCost(config, 2 * n));

/** A truncation of n elements (by any number of bits): free when local, one round with the dealer. */
export const truncBitsCost = (config: Config, n: number): Cost => truncationCost(config, n);

/** ⟨⌊x / d⌋⟩ for a public integer d: a truncation with d for 2^k (free when d = 1). */
export const divIntCost = (config: Config, n: number, d: number): Cost =>
  d === 1 ? truncationCost(config, n, 0) : truncationCost(config, n);

/** ⟨x·y / 2^f⟩: the product, then the configured truncation. */
export const mulFixedCost = (config: Config, n: number): Cost =>
  seq(config, mulRawCost(config, n), truncBitsCost(config, n));

/** ⟨x²⟩ at scale 2^(2f) with a square pair, no truncation. */
export const squareRawCost = (config: Config, n: number): Cost =>
  par(config, dealerCost(config, SQUARE_PAIR, n, 2 * n), openToAllCost(config, n));

/** ⟨x² / 2^f⟩ with a square pair. */
export const squareFixedCost = (config: Config, n: number): Cost =>
  seq(config, squareRawCost(config, n), truncBitsCost(config, n));

/** ⟨X·Y⟩ at scale 2^(2f) for `batch` products [m,k]·[k,n] with matrix triples, no truncation. */
export const matmulRawCost = (config: Config, batch: number, m: number, k: number, n: number): Cost =>
  par(
    config,
    dealerCost(config, MATMUL_TRIPLE, batch, batch * (m * k + k * n + m * n)),
    openToAllCost(config, batch * (m * k + k * n)),
  );

/** ⟨X·Y / 2^f⟩: the products, then the configured truncation of the b·m·n outputs. */
export const matmulFixedCost = (config: Config, batch: number, m: number, k: number, n: number): Cost =>
  seq(config, matmulRawCost(config, batch, m, k, n), truncBitsCost(config, batch * m * n));
