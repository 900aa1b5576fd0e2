// Exact cost of the comparison family under both schedules (ALGORITHMS.md §2; docs/comparison.md has
// the per-ℓ table computed from these functions). N = elements, n = parties, ℓ = ring width; every
// opening goes to all parties (each party sends (n−1)·elements·width bits in n−1 messages).
//   crypten  ltz = A2B (CrypTen's sum tree of Sklansky adders) + daBit B2A opening an ℓ-bit word
//   default  ltz = open x + r (ℓ bits) + AND layers over 8-bit chunks + one mixed final round
import { match } from 'ts-pattern';
import type { Config } from '../config.ts';
import { dealerCost, free, openToAllCost, par, seq } from '../cost.ts';
import { AND_TRIPLE, B2A_AND_TRIPLE, DABIT, EQZ_TABLES, LTZ_TABLES } from '../material.ts';
import { mulRawCost } from '../arithmetic/cost.ts';
import type { Cost } from '../types.ts';
import { lookupLayout, treeLayers } from './lookup-layout.ts';

/** Levels of CrypTen's Set-Propagate-Kill tree: ⌈log₂ℓ⌉ (6 at ℓ = 64). */
export const sklanskyDepth = (ell: number): number => Math.ceil(Math.log2(ell));

/** One batched boolean Beaver AND of `words` words of `width` bits: 1 round, 2·words words opened. */
export const andCost = (config: Config, words: number, width: number): Cost =>
  par(
    config,
    dealerCost(config, AND_TRIPLE, words * width, 3 * words, width),
    openToAllCost(config, 2 * words, width),
  );

/** daBit B2A of `bits` bits, opening words of `xorWidth` bits (ℓ under crypten, 1 under default). */
export const dabitB2aCost = (config: Config, bits: number, xorWidth: number): Cost =>
  par(
    config,
    dealerCost(config, DABIT, bits, bits),
    dealerCost(config, DABIT, 0, bits, xorWidth),
    openToAllCost(config, bits, xorWidth),
  );

/** CrypTen's circuit.add on `words` stacked additions: 1 + ⌈log₂ℓ⌉ AND rounds. */
export const adderCost = (config: Config, words: number): Cost =>
  seq(
    config,
    andCost(config, words, config.ell),
    ...Array.from({ length: sklanskyDepth(config.ell) }, () => andCost(config, 2 * words, config.ell)),
  );

/** CrypTen's A2B: n operands summed by BinarySharedTensor.sum's log reduction. */
export function a2bCost(config: Config, elements: number): Cost {
  const levels: Cost[] = [];
  for (let s = config.parties; s > 1; s = Math.floor(s / 2) + (s % 2))
    levels.push(adderCost(config, Math.floor(s / 2) * elements));
  return seq(config, ...levels);
}

const finalRoundCost = (config: Config, elements: number, withDabit: boolean): Cost =>
  par(
    config,
    ...(withDabit
      ? [dealerCost(config, DABIT, elements, elements), dealerCost(config, DABIT, 0, elements, 1)]
      : []),
    dealerCost(config, B2A_AND_TRIPLE, elements, 3 * elements),
    dealerCost(config, B2A_AND_TRIPLE, 0, 2 * elements, 1),
    openToAllCost(config, (withDabit ? 3 : 2) * elements, 1),
  );

/**
 * The table-lookup comparison of `elements` masked values: one table set and one opening each (with
 * `alongside` more elements in the opening's message), and `cuts` trees per element — several public
 * thresholds of one value share its mask (protocols/comparison/ltz-lookup.ts ltzLookupCuts).
 */
function lookupCost(config: Config, elements: number, ltzTree: boolean, cuts = 1, alongside = 0): Cost {
  const { ell } = config;
  const layout = lookupLayout(ltzTree ? ell - 1 : ell);
  const { chunks, wordsPerTable, wordWidth } = layout;
  const tables = ltzTree ? 2 * chunks - 1 : chunks;
  const kind = ltzTree ? LTZ_TABLES : EQZ_TABLES;
  const trees = cuts * elements;
  const opening = par(
    config,
    dealerCost(config, kind, elements, elements),
    dealerCost(config, kind, 0, elements * tables * wordsPerTable, wordWidth),
    openToAllCost(config, elements + alongside, ell),
  );
  const layers = treeLayers(chunks).map((k) => {
    const pairs = Math.floor(k / 2);
    return andCost(config, (ltzTree ? 2 * pairs - 1 : pairs) * trees, 1);
  });
  const final = chunks === 1 ? dabitB2aCost(config, trees, 1) : finalRoundCost(config, trees, ltzTree);
  return seq(config, opening, ...layers, final);
}

export const ltzCost = (config: Config, elements: number): Cost =>
  match(config.schedule)
    .with('crypten', () => seq(config, a2bCost(config, elements), dabitB2aCost(config, elements, config.ell)))
    .with('default', () => lookupCost(config, elements, true))
    .exhaustive();

export const eqzCost = (config: Config, elements: number): Cost =>
  match(config.schedule)
    .with('crypten', () =>
      seq(
        config,
        ...Array.from({ length: sklanskyDepth(config.ell) }, () => andCost(config, elements, config.ell)),
        dabitB2aCost(config, elements, config.ell),
      ),
    )
    .with('default', () => lookupCost(config, elements, false))
    .exhaustive();

/**
 * LTZ of x against `cuts` public thresholds, with `alongside` elements of another value opened with them:
 * the comparisons in turn and the value opened after them (crypten); one mask and one opening for all
 * thresholds, the value in the opening's message (default: protocols/comparison/public-cut.ts).
 */
export const ltzCutsCost = (config: Config, n: number, cuts: number, alongside = 0): Cost =>
  match(config.schedule)
    .with('crypten', () =>
      seq(
        config,
        ...Array.from({ length: cuts }, () => ltzCost(config, n)),
        alongside > 0 ? openToAllCost(config, alongside) : free(config),
      ),
    )
    .with('default', () => lookupCost(config, n, true, cuts, alongside))
    .exhaustive();

/** relu and abs: an LTZ, then one product with its 0/1 (or ±1) result. */
export const ltzThenProductCost = (config: Config, elements: number): Cost =>
  seq(config, ltzCost(config, elements), mulRawCost(config, elements));

/** select: default b·(x − y) + y (one product); crypten x·b + (1 − b)·y (two products in sequence). */
export const selectCost = (config: Config, elements: number): Cost =>
  match(config.schedule)
    .with('crypten', () => seq(config, mulRawCost(config, elements), mulRawCost(config, elements)))
    .with('default', () => mulRawCost(config, elements))
    .exhaustive();

export type Reduction = 'max' | 'min' | 'argmax';

/** The pairwise tree over rows of k: per level one comparison and one select over rows·⌊s/2⌋ pairs. */
export function reduceCost(config: Config, op: Reduction, rows: number, k: number): Cost {
  const levels: Cost[] = [];
  for (let s = k; s > 1; s = Math.ceil(s / 2)) {
    const pairs = rows * Math.floor(s / 2);
    const selected = op === 'argmax' && s > 2 ? 2 * pairs : pairs;
    levels.push(seq(config, ltzCost(config, pairs), selectCost(config, selected)));
  }
  return seq(config, ...levels);
}
