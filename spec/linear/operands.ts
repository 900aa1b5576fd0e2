// Operand ranges of the linear layers (ALGORITHMS.md §1 "Matrix multiply", §6 model shapes): what a
// transformer's products meet — hidden states and projections of a few tens at most (BERT's and the
// ViTs' largest activations), trained weights of a few units, attention probabilities in [0, 1] and their
// replacements a little beyond — scaled down together where a small ring cannot hold a dot product of
// that many terms: every product must stay below 2^(ℓ−3) before its truncation.
import * as t from 'io-ts';
import type { Config } from '../config.ts';

/** Hidden states, projections and biases: |x| ≤ 64. */
export const ACTIVATION_CAP = 64;
/** Query and key entries: |q|, |k| ≤ 16. */
export const HEAD_CAP = 16;
/** Trained weights: |w| ≤ 4. */
export const WEIGHT_CAP = 4;
/** Attention weights (probabilities, 2Quad, ReLU, scaled and squared scores): |p| ≤ 4. */
export const PROBABILITY_CAP = 4;

/**
 * Bounds on the two operands of dot products of `terms` terms: the caps, or both scaled down by the same
 * factor so that terms·left·right·2^(2f) ≤ 2^(ℓ−3).
 */
export function operandBounds(
  config: Config,
  terms: number,
  leftCap: number,
  rightCap: number,
): { left: number; right: number } {
  const budget = 2 ** (config.ell - 3 - 2 * config.f) / Math.max(1, terms);
  const s = Math.min(1, Math.sqrt(budget / (leftCap * rightCap)));
  return { left: leftCap * s, right: rightCap * s };
}

/** Attention heads: an integer from 1 to 1024. */
export const Heads = t.refinement(t.Int, (h) => h >= 1 && h <= 1024, 'integer from 1 to 1024');

/** A party index for the owner of the weights (checked against the party count by `unsupported`). */
export const Owner = t.refinement(t.Int, (p) => p >= 0, 'party index ≥ 0');

export const ownerUnsupported = (config: Config, owner: number): string | undefined =>
  owner >= config.parties
    ? `the weights' owner ${owner} is not a party (0…${config.parties - 1})`
    : undefined;
