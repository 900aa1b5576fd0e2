// The cost of the row steps (spec/cost.ts algebra; protocols/rows/):
//   rowSum          free (local on shares)
//   mulRawByRow     one row triple (a: |x|, b: one per row, c: |x| elements a party) and ε‖δ opened in
//                   one round (|x| + rows elements to every other party) — a plain product of the
//                   broadcast value would open 2|x|
//   mulFixedByRow   mulRawByRow, then the configured truncation of |x| elements
//   mulConstByRow   the truncation only
//   mulFixedByFeature    one value per feature (shared): a feature triple (a like x, b one per feature,
//                        c = a·b broadcast), |x| + n elements opened in one round, then the truncation
//   mulPublicByFeature   one public value per feature: the truncation only
import type { Config } from '../config.ts';
import { dealerCost, openToAllCost, par, seq } from '../cost.ts';
import { FEATURE_TRIPLE, ROW_TRIPLE } from '../material.ts';
import type { Cost } from '../types.ts';
import { truncBitsCost } from '../arithmetic/cost.ts';

/**
 * A Beaver product of `elements` values with `others` broadcast values (one per row or per feature): the
 * triple (a and c like x, b like the broadcast operand) and ε‖δ opened in one round; no truncation.
 */
const broadcastProductCost = (config: Config, material: string, elements: number, others: number): Cost =>
  par(
    config,
    dealerCost(config, material, elements, 2 * elements + others),
    openToAllCost(config, elements + others),
  );

/** ⟨x·r⟩ for `elements` values of x in `rows` rows, r one value per row; no truncation. */
export const mulRawByRowCost = (config: Config, elements: number, rows: number): Cost =>
  broadcastProductCost(config, ROW_TRIPLE, elements, rows);

export const mulFixedByRowCost = (config: Config, elements: number, rows: number): Cost =>
  seq(config, mulRawByRowCost(config, elements, rows), truncBitsCost(config, elements));

export const mulConstByRowCost = (config: Config, elements: number): Cost => truncBitsCost(config, elements);

/** ⟨x·g⟩ for `elements` values of x with rows of n, g shared with one value per feature; no truncation. */
export const mulRawByFeatureCost = (config: Config, elements: number, n: number): Cost =>
  broadcastProductCost(config, FEATURE_TRIPLE, elements, n);

export const mulFixedByFeatureCost = (config: Config, elements: number, n: number): Cost =>
  seq(config, mulRawByFeatureCost(config, elements, n), truncBitsCost(config, elements));

export const mulPublicByFeatureCost = (config: Config, elements: number): Cost =>
  truncBitsCost(config, elements);
